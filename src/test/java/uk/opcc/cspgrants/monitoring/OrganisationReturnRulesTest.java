package uk.opcc.cspgrants.monitoring;

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

/**
 * The rules of a return for a grant to an organisation, without Spring: figures change
 * only in a draft or a returned return, each step is taken once and the second taker is
 * told who took it, and the year end counts only an accepted Q4 return.
 */
class OrganisationReturnRulesTest {

	private static final Instant AT = Instant.parse("2013-07-20T10:00:00Z");

	private static final OrganisationReturnGrant GRANT = new OrganisationReturnGrant(7, 3, "Voluntary Action Testshire",
			"Drug Intervention Programme", new FinancialYear(2013), Money.of("52880.00"), false);

	@Test
	void aDraftTakesFiguresAndRefusesWhatIsNotMoneyOrTooLong() {
		OrganisationReturn draft = new OrganisationReturn(7, Quarter.Q1, "rita", AT);
		assertThatThrownBy(
				() -> draft.saveFigures(new OrganisationReturnDetails(null, "x".repeat(4001), null, 0L), "rita", AT))
			.isInstanceOfSatisfying(ValidationException.class,
					(refused) -> assertThat(refused.fieldErrors()).containsOnlyKeys("spendToDate", "outcomes"));
		assertThatThrownBy(() -> draft.saveFigures(details("-1.00"), "rita", AT))
			.isInstanceOfSatisfying(ValidationException.class, (refused) -> assertThat(refused.fieldErrors())
				.containsEntry("spendToDate", "Enter a spend to date of £0.00 or more"));
		draft.saveFigures(details("12500.50"), "rita", AT);
		OrganisationReturnView view = draft.toView(GRANT, LocalDate.of(2013, 7, 30));
		assertThat(view.spendToDate()).isEqualTo(Money.of("12500.50"));
		assertThat(view.remaining()).isEqualTo(Money.of("40379.50"));
		assertThat(view.outcomes()).isEqualTo("40 people in treatment");
		assertThat(view.flags()).isEmpty();
		// due 30 July 2013: a draft is overdue from 31 July, a submitted return never
		assertThat(view.overdueOn(LocalDate.of(2013, 7, 30))).isFalse();
		assertThat(view.overdueOn(LocalDate.of(2013, 7, 31))).isTrue();
		draft.submit("Rita Recipient", "rita", AT);
		assertThat(draft.toView(GRANT, LocalDate.of(2013, 7, 30)).overdueOn(LocalDate.of(2013, 8, 1))).isFalse();
	}

	@Test
	void spendAboveTheGrantIsFlaggedWithTheDifference() {
		OrganisationReturn draft = new OrganisationReturn(7, Quarter.Q4, "rita", AT);
		draft.saveFigures(details("53000.00"), "rita", AT);
		assertThat(draft.toView(GRANT, null).flags())
			.containsExactly("Spend to date (£53,000.00) is above the grant (£52,880.00) by £120.00");
	}

	@Test
	void eachStepIsTakenOnceAndTheSecondIsToldWhoTookIt() {
		OrganisationReturn found = new OrganisationReturn(7, Quarter.Q2, "rita", AT);
		found.saveFigures(details("100.00"), "rita", AT);
		found.submit("Rita Recipient", "rita", AT);
		assertThatThrownBy(() -> found.submit("Olu Officer", "officer", AT)).isInstanceOf(ConflictException.class)
			.hasMessage("This return has already been submitted by Rita Recipient");
		assertThatThrownBy(() -> found.saveFigures(details("1.00"), "rita", AT)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("submitted");
		found.accept("Olu Officer", "officer", AT);
		assertThatThrownBy(() -> found.accept("Owen Other", "other", AT)).isInstanceOf(ConflictException.class)
			.hasMessage("This return has already been accepted by Olu Officer");
		assertThatThrownBy(() -> found.submit("Rita Recipient", "rita", AT)).isInstanceOf(ConflictException.class)
			.hasMessage("This return has already been submitted by Rita Recipient and accepted by Olu Officer");
		assertThatThrownBy(() -> found.returnForCorrection("Wrong", "officer", AT))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> found.reopen(" ", "officer", AT)).isInstanceOfSatisfying(ValidationException.class,
				(refused) -> assertThat(refused.fieldErrors()).containsKey("reason"));
		found.reopen("The Q2 spend included Q3 invoices", "officer", AT);
		assertThat(found.status()).isEqualTo(ReturnStatus.DRAFT);
		assertThat(found.toView(GRANT, null).acceptedBy()).isNull();
	}

	@Test
	void aReturnSentBackCanBeCorrectedAndSubmittedAgain() {
		OrganisationReturn found = new OrganisationReturn(7, Quarter.Q3, "rita", AT);
		found.saveFigures(details("100.00"), "rita", AT);
		assertThatThrownBy(() -> found.accept("Olu Officer", "officer", AT)).isInstanceOf(ConflictException.class)
			.hasMessage("Only a submitted return can be accepted: this one is draft");
		found.submit("Rita Recipient", "rita", AT);
		found.returnForCorrection("Spend should include September", "officer", AT);
		assertThat(found.toView(GRANT, null).statusReason()).isEqualTo("Spend should include September");
		found.saveFigures(details("150.00"), "rita", AT);
		found.submit("Rita Recipient", "rita", AT);
		assertThat(found.status()).isEqualTo(ReturnStatus.SUBMITTED);
	}

	@Test
	void theYearEndCountsOnlyAnAcceptedQ4Return() {
		OrganisationReturn q4 = new OrganisationReturn(7, Quarter.Q4, "rita", AT);
		q4.saveFigures(details("49999.99"), "rita", AT);
		q4.submit("Rita Recipient", "rita", AT);
		OrganisationYearEnd submitted = OrganisationYearEnd.of(q4.toView(GRANT, null));
		assertThat(submitted.known()).isFalse();
		assertThat(submitted.underspend()).isNull();
		q4.accept("Olu Officer", "officer", AT);
		OrganisationYearEnd accepted = OrganisationYearEnd.of(q4.toView(GRANT, null));
		// 52,880.00 - 49,999.99, by hand
		assertThat(accepted.underspend()).isEqualTo(Money.of("2880.01"));
		assertThat(accepted.finalSpend()).isEqualTo(Money.of("49999.99"));
		assertThat(accepted.overspent()).isFalse();
		assertThat(accepted.counts()).isTrue();
	}

	private static OrganisationReturnDetails details(String spend) {
		return new OrganisationReturnDetails(Money.of(spend), "40 people in treatment", null, 0L);
	}

}
