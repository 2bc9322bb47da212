package uk.opcc.cspgrants.grants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a grant to an organisation, without Spring: its payments make up its
 * amount (none when given in kind), and each is recorded paid once, by the version read,
 * with a date and a reference.
 */
class OrganisationGrantTest {

	private static final Instant NOW = Instant.parse("2013-11-01T10:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2013, 11, 1);

	@Test
	void theIcsbLineOfTwoHalvesIsAGrantOf77500WithTwoPayments() {
		OrganisationGrant grant = icsb();
		assertThat(grant.amount()).isEqualTo(Money.of("77500.00"));
		assertThat(grant.payments()).extracting(OrganisationGrantPayment::amount)
			.containsExactly(Money.of("15000.00"), Money.of("62500.00"));
		assertThat(grant.paid()).isEqualTo(Money.ZERO);
	}

	@Test
	void paymentsThatDoNotMakeUpTheGrantAreRefusedWithTheirSum() {
		assertThatThrownBy(() -> OrganisationGrant.of(command(false, "77500.00", "15000.00", "62000.00"), NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("The payments add up to £77,000.00, not the grant's £77,500.00");
		assertThatThrownBy(() -> OrganisationGrant.of(command(true, "53608.00", "53608.00"), NOW))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("A grant given in kind is not paid");
		assertThat(OrganisationGrant.of(command(true, "53608.00"), NOW).payments()).isEmpty();
	}

	@Test
	void aPaymentIsRecordedPaidOnceAndTheSecondIsToldWhoRecordedIt() {
		OrganisationGrant grant = icsb();
		grant.recordPaid(1L, 0L, LocalDate.of(2013, 10, 3), " BACS-17 ", "Fran Finance", NOW, TODAY);
		assertThat(grant.paid()).isEqualTo(Money.of("15000.00"));
		assertThat(grant.payments().get(0).reference()).isEqualTo("BACS-17");
		assertThatThrownBy(
				() -> grant.recordPaid(1L, 0L, LocalDate.of(2013, 10, 4), "BACS-18", "Pat Payer", NOW, TODAY))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This payment was already recorded paid on 3 October 2013 by Fran Finance, reference BACS-17");
	}

	@Test
	void aStaleVersionAFutureDateOrNoReferenceIsRefused() {
		OrganisationGrant grant = icsb();
		assertThatThrownBy(() -> grant.recordPaid(2L, 3L, TODAY, "BACS-1", "Fran Finance", NOW, TODAY))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("changed by someone else");
		assertThatThrownBy(() -> grant.recordPaid(2L, 0L, TODAY.plusDays(1), " ", "Fran Finance", NOW, TODAY))
			.isInstanceOfSatisfying(ValidationException.class,
					refused -> assertThat(refused.fieldErrors())
						.containsEntry("paidOn", "The date it was paid cannot be in the future")
						.containsEntry("reference", "Enter the payment reference, up to 100 characters"));
		assertThatThrownBy(
				() -> grant.recordPaid(2L, 0L, LocalDate.of(2012, 3, 31), "BACS-1", "Fran Finance", NOW, TODAY))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("on or after 1 April 2012");
		assertThat(grant.paid()).isEqualTo(Money.ZERO);
	}

	@Test
	void everyRouteOfTheCommissioningIntentionsHasTheSameWordsOnTheGrantsPages() {
		for (PurchasingRoute route : PurchasingRoute.values()) {
			assertThat(RouteWords.of(route.name())).isEqualTo(route.label());
		}
		assertThat(RouteWords.LABELS).hasSize(PurchasingRoute.values().length);
	}

	private static OrganisationGrant icsb() {
		OrganisationGrant grant = OrganisationGrant.of(command(false, "77500.00", "15000.00", "62500.00"), NOW);
		long id = 1;
		for (OrganisationGrantPayment payment : grant.payments()) {
			ReflectionTestUtils.setField(payment, "id", id++);
		}
		return grant;
	}

	private static NewOrganisationGrant command(boolean inKind, String amount, String... halves) {
		LocalDate[][] periods = { { LocalDate.of(2013, 4, 1), LocalDate.of(2013, 9, 30) },
				{ LocalDate.of(2013, 10, 1), LocalDate.of(2014, 3, 31) } };
		List<NewOrganisationGrant.PlannedPayment> payments = new java.util.ArrayList<>();
		for (int i = 0; i < halves.length; i++) {
			payments.add(new NewOrganisationGrant.PlannedPayment(periods[i][0], periods[i][1], Money.of(halves[i])));
		}
		return new NewOrganisationGrant(7, null, new FinancialYear(2013), 11, "ICSB", Money.of(amount), 1, 2, "DIRECT",
				inKind, "EXE0025-13", payments);
	}

}
