package uk.opcc.cspgrants.monitoring;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a quarterly return, without Spring or a database. */
class QuarterlyReturnTest {

	private static final Instant NOW = Instant.parse("2024-10-15T10:00:00Z");

	private static final FinancialYear YEAR = FinancialYear.parse("2024-25");

	@Test
	void aReturnMovesOnlyAsItsStatusAllows() {
		QuarterlyReturn q2 = saved(Quarter.Q2, "1000", "400", null);
		assertThatThrownBy(() -> q2.accept("officer", NOW)).isInstanceOf(ConflictException.class)
			.hasMessage("A return that is draft cannot become accepted");
		q2.submit("officer", NOW);
		assertThatThrownBy(() -> q2.submit("officer", NOW)).isInstanceOf(ConflictException.class)
			.hasMessage("A return that is submitted cannot become submitted");
		q2.accept("officer", NOW);
		assertThat(q2.status()).isEqualTo(ReturnStatus.ACCEPTED);
		assertThatThrownBy(() -> q2.reopen(" ", "officer", NOW)).isInstanceOf(ValidationException.class)
			.hasMessage("Say why the accepted return is re-opened");
		q2.reopen("Spend was wrong", "officer", NOW);
		assertThat(q2.status()).isEqualTo(ReturnStatus.DRAFT);
	}

	@Test
	void theFiguresOfASubmittedOrAcceptedReturnDoNotChange() {
		QuarterlyReturn q1 = saved(Quarter.Q1, "1000", "400", null);
		q1.submit("officer", NOW);
		assertThatThrownBy(() -> q1.saveFigures(details("1000", "500", null), null, "officer", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This return is submitted: accept it or return it for correction first");
		q1.accept("officer", NOW);
		assertThatThrownBy(() -> q1.saveFigures(details("1000", "500", null), null, "officer", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This return is accepted: re-open it, with a reason, to change it");
	}

	@Test
	void spendBelowTheLastReturnsNeedsAReason() {
		QuarterlyReturn q1 = saved(Quarter.Q1, "1000", "600", null);
		QuarterlyReturn q2 = new QuarterlyReturn(3, YEAR, Quarter.Q2, "officer", NOW);
		assertThatThrownBy(() -> q2.saveFigures(details("1000", "550", null), q1, "officer", NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("Cumulative spend is lower than at Q1 (£600.00): say why");
		q2.saveFigures(details("1000", "550", "A refund from a provider"), q1, "officer", NOW);
		assertThat(q2.toView("BLA", "Blaby", Money.of("1000"), null).details().cumulativeSpend())
			.isEqualTo(Money.of("550"));
	}

	@Test
	void textLongerThanItsFieldIsRefusedBeforeAnythingIsSaved() {
		QuarterlyReturn q1 = new QuarterlyReturn(3, YEAR, Quarter.Q1, "officer", NOW);
		ReturnDetails tooLong = new ReturnDetails(Money.of("1"), Money.of("1"),
				List.of(new ReturnDetails.Activity("t".repeat(301), null, Money.ZERO, Money.ZERO, null)),
				"c".repeat(4001), null, null);
		assertThatThrownBy(() -> q1.saveFigures(tooLong, null, "officer", NOW)).isInstanceOfSatisfying(
				ValidationException.class,
				refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("comments", "activities[0].title"));
	}

	private static QuarterlyReturn saved(Quarter quarter, String planned, String spend, String reason) {
		QuarterlyReturn saved = new QuarterlyReturn(3, YEAR, quarter, "officer", NOW);
		saved.saveFigures(details(planned, spend, reason), null, "officer", NOW);
		return saved;
	}

	private static ReturnDetails details(String planned, String spend, String reason) {
		return new ReturnDetails(Money.of(planned), Money.of(spend), List.of(), null, reason, null);
	}

}
