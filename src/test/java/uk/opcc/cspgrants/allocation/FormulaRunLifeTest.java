package uk.opcc.cspgrants.allocation;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A formula run's life, without Spring or a database. */
class FormulaRunLifeTest {

	private static final Instant NOW = Instant.parse("2024-07-09T10:00:00Z");

	private static final FormulaRun.FinancialYearAndPurpose Y2024 = new FormulaRun.FinancialYearAndPurpose(2024,
			RunPurpose.ALLOCATION);

	@Test
	void nobodyApprovesTheirOwnRunWhateverTheCaseOrWidthOfTheirName() {
		FormulaRun run = new FormulaRun(5, Y2024, "fran");
		assertThatThrownBy(() -> run.approve(user("FRAN"), NOW)).isInstanceOf(ConflictException.class)
			.hasMessage("Nobody approves their own proposal: another person must approve run 5");
		assertThatThrownBy(() -> run.approve(user("ｆｒａｎ"), NOW)).isInstanceOf(ConflictException.class);
		run.approve(user("finance"), NOW);
		assertThat(run.status()).isEqualTo(RunStatus.APPROVED);
	}

	@Test
	void aRunMovesOnlyAsItsStatusAllows() {
		FormulaRun first = new FormulaRun(5, Y2024, "officer");
		FormulaRun second = new FormulaRun(6, Y2024, "officer");
		assertThatThrownBy(() -> first.supersede(second, NOW)).isInstanceOf(ConflictException.class)
			.hasMessage("Run 5 is draft and cannot be superseded");
		first.approve(user("finance"), NOW);
		assertThatThrownBy(() -> first.approve(user("finance"), NOW)).isInstanceOf(ConflictException.class)
			.hasMessage("Run 5 is approved and cannot be approved");
		assertThatThrownBy(first::discard).isInstanceOf(ConflictException.class)
			.hasMessage("Run 5 is approved and cannot be discarded");
		first.supersede(second, NOW);
		assertThat(first.status()).isEqualTo(RunStatus.SUPERSEDED);
		second.discard();
		assertThatThrownBy(second::discard).isInstanceOf(ConflictException.class)
			.hasMessage("Run 6 is discarded and cannot be discarded any more");
		assertThatThrownBy(() -> second.approve(user("finance"), NOW)).isInstanceOf(ConflictException.class);
	}

	private static CurrentUser user(String username) {
		return new CurrentUser(1, username, username, "", true, Set.of(Role.FINANCE), null);
	}

}
