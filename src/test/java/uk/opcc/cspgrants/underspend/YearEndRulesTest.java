package uk.opcc.cspgrants.underspend;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of closing a year and of a redistribution proposal, without Spring or a
 * database, on the Leicestershire 2023-24 underspend (decision record EXE0019-24).
 */
class YearEndRulesTest {

	private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

	private static final FinancialYear YEAR = FinancialYear.parse("2023-24");

	@Test
	void theLeicestershirePotIsTopSlicedToThePennyLeaving97905ForTheFormula() {
		RedistributionPlan plan = RedistributionPlan.of(
				new RedistributionRequest(YEAR, null, null, Money.of("42800.06"),
						List.of(new TopSlice("Leicestershire Police", "Analysis work", Money.of("10000.00"), false),
								new TopSlice("Community safety", "ASB training", Money.of("1800.00"), false),
								new TopSlice("Leicestershire Police", "Hate Crime Hub", null, true)),
						1L, null),
				Money.of("140705.06"));
		assertThat(plan.topSlices()).extracting(TopSlice::amount)
			.containsExactly(Money.of("10000.00"), Money.of("1800.00"), Money.of("31000.06"));
		assertThat(plan.remainder()).isEqualTo(Money.of("97905.00"));
	}

	@Test
	void aPotThatIsNotTheReturnedUnderspendNeedsAReasonAndTwoBalanceLinesAreRefused() {
		assertThatThrownBy(() -> RedistributionPlan.of(
				new RedistributionRequest(YEAR, Money.of("1000.00"), null, null,
						List.of(new TopSlice("A", "a", null, true), new TopSlice("B", "b", null, true)), 1L, null),
				Money.of("140705.06")))
			.isInstanceOfSatisfying(ValidationException.class,
					refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("potReason", "topSlices")
						.containsEntry("topSlices", "Only one top-slice may take the balance of the top-slice budget"));
	}

	@Test
	void nobodyApprovesTheirOwnProposalAndItMustAddUp() {
		RedistributionPlan plan = RedistributionPlan.of(
				new RedistributionRequest(YEAR, null, null, null,
						List.of(new TopSlice("Hub", "Hate crime", Money.of("1000.00"), false)), 1L, null),
				Money.of("5000.00"));
		Redistribution proposal = new Redistribution(YEAR, plan, 7, "officer", NOW);
		assertThatThrownBy(() -> proposal.approve(user("Officer"), Money.of("4000.00"), "EXE0001-24", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessageStartingWith("Nobody approves their own proposal");
		assertThatThrownBy(() -> proposal.approve(user("finance"), Money.of("3999.99"), "EXE0001-24", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("The top-slices and the split do not add up to the pot");
		proposal.approve(user("finance"), Money.of("4000.00"), "EXE0001-24", NOW);
		assertThatThrownBy(() -> proposal.approve(user("finance"), Money.of("4000.00"), "EXE0002-24", NOW))
			.isInstanceOf(ConflictException.class);
		assertThat(proposal.decided(true, NOW)).isTrue();
		assertThat(proposal.decided(true, NOW)).as("the same decision again changes nothing").isFalse();
		assertThatThrownBy(() -> proposal.revise(plan, 8)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aYearIsClosedOnceAndItsUnderspendIsTotalMinusSpend() {
		YearClose close = new YearClose(YEAR);
		UnderspendRow coventry = new UnderspendRow(1, "COV", "Coventry", Money.of("300000"), Money.ZERO,
				Money.of("300000"), Money.of("197496"), Quarter.Q4, Money.of("102504"));
		assertThatThrownBy(() -> close.close(YearSettings.UnderspendPolicy.CARRY_FORWARD, List.of(coventry),
				List.of("Coventry"), " ", "finance", NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The Q4 return is not accepted for Coventry: give a reason to close the year without it");
		close.close(YearSettings.UnderspendPolicy.CARRY_FORWARD, List.of(coventry), List.of(), null, "finance", NOW);
		assertThat(close.underspends()).singleElement()
			.satisfies(frozen -> assertThat(frozen.toRow(coventry).underspend()).isEqualTo(Money.of("102504")));
		assertThatThrownBy(() -> close.close(YearSettings.UnderspendPolicy.CARRY_FORWARD, List.of(coventry), List.of(),
				null, "finance", NOW))
			.isInstanceOf(ConflictException.class);
		close.reopen("A late Q4 return");
		assertThatThrownBy(() -> close.reopen("Again")).isInstanceOf(ConflictException.class)
			.hasMessage("2023-24 is not closed");
	}

	private static CurrentUser user(String username) {
		return new CurrentUser(1, username, username, "", true, Set.of(Role.FINANCE), null);
	}

}
