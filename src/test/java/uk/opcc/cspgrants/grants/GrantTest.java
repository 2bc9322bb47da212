package uk.opcc.cspgrants.grants;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a grant, without Spring or a database. */
class GrantTest {

	private static final Instant NOW = Instant.parse("2024-09-30T10:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2024, 9, 30);

	private final Grant grant = new Grant(7, FinancialYear.parse("2024-25"), Instant.parse("2024-04-01T09:00:00Z"));

	@Test
	void aRunGivesAGrantOneLineOnly() {
		this.grant.addFromRun(GrantView.Source.FORMULA_RUN, Money.of("6945.56"), 12, "Run 12", "officer", NOW);
		assertThatThrownBy(() -> this.grant.addFromRun(GrantView.Source.FORMULA_RUN, Money.of("6945.56"), 12, "Run 12",
				"officer", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Grants have already been created from run 12");
		this.grant.addFromRun(GrantView.Source.REDISTRIBUTION, Money.of("100.00"), 13, "Run 13", "officer", NOW);
		assertThat(this.grant.allocation()).isEqualTo(Money.of("7045.56"));
	}

	@Test
	void theHistoricAllocationIsReplacedNotAddedTo() {
		this.grant.enterHistoricAllocation(Money.of("1000.00"), "From the 2014 minutes", "officer", NOW);
		this.grant.enterHistoricAllocation(Money.of("1200.00"), "Corrected", "officer", NOW);
		assertThat(this.grant.allocation()).isEqualTo(Money.of("1200.00"));
		assertThat(this.grant.toView("MEL", "Melton").lines()).singleElement()
			.satisfies(line -> assertThat(line.note()).isEqualTo("Corrected"));
	}

	@Test
	void moneyIsNeverNegativeButACarriedOverspend() {
		assertThatThrownBy(() -> this.grant.enterHistoricAllocation(Money.of("-1.00"), null, "officer", NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The allocation cannot be negative");
		assertThatThrownBy(() -> this.grant.carryForward(Money.of("-5.00"), CarryForward.ENTERED, null, NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The carry forward cannot be negative");
		this.grant.enterHistoricAllocation(Money.of("1000.00"), null, "officer", NOW);
		this.grant.carryForward(Money.of("-250.00"), CarryForward.OVERSPEND, "Overspend of 2023-24", NOW);
		assertThat(this.grant.totalAvailable()).isEqualTo(Money.of("750.00"));
	}

	@Test
	void eachPaymentIsRecordedOnceTheAnnualOneToo() {
		this.grant.enterHistoricAllocation(Money.of("4000.00"), null, "officer", NOW);
		this.grant.pay(Quarter.Q1, Money.of("1000.00"), TODAY, "BACS 1", "finance", NOW);
		assertThatThrownBy(() -> this.grant.pay(Quarter.Q1, Money.of("1000.00"), TODAY, "BACS 2", "finance", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("The Q1 payment has already been recorded as paid");
		this.grant.pay(null, Money.of("3000.00"), TODAY, "BACS 3", "finance", NOW);
		assertThatThrownBy(() -> this.grant.pay(null, Money.of("1.00"), TODAY, "BACS 4", "finance", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("The annual payment has already been recorded as paid");
		assertThat(this.grant.paid()).isEqualTo(Money.of("4000.00"));
	}

	@Test
	void nothingIsPaidBeyondTheTotalAvailableNorTheGrantReducedBelowWhatWasPaid() {
		this.grant.enterHistoricAllocation(Money.of("6945.56"), null, "officer", NOW);
		assertThatThrownBy(() -> this.grant.pay(null, Money.of("6945.57"), TODAY, "BACS", "finance", NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Paying £6,945.57 would take the payments to £6,945.57, more than the total available of "
					+ "£6,945.56");
		this.grant.pay(Quarter.Q1, Money.of("2000.00"), TODAY, "BACS", "finance", NOW);
		assertThatThrownBy(() -> this.grant.enterHistoricAllocation(Money.of("1999.99"), null, "officer", NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The total available would be £1,999.99, less than the £2,000.00 already paid");
	}

	@Test
	void aPaymentIsNeverDatedInTheFutureNorLongBeforeItsYear() {
		this.grant.enterHistoricAllocation(Money.of("4000.00"), null, "officer", NOW);
		assertThatThrownBy(
				() -> this.grant.pay(Quarter.Q1, Money.of("1000.00"), TODAY.plusDays(1), "BACS", "finance", NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The date it was paid cannot be in the future");
		assertThatThrownBy(
				() -> this.grant.pay(Quarter.Q1, Money.of("1000.00"), LocalDate.of(1, 1, 1), "BACS", "finance", NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("The date it was paid must be on or after 1 April 2023, the year before 2024-25 began");
		assertThatThrownBy(() -> this.grant.pay(Quarter.Q1, Money.of("1000.00"), TODAY, " ", "finance", NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessage("Enter the payment reference, up to 100 characters");
		this.grant.pay(Quarter.Q1, Money.of("1000.00"), LocalDate.of(2023, 4, 1), "BACS", "finance", NOW);
	}

}
