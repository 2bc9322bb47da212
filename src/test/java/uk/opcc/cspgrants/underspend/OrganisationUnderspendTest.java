package uk.opcc.cspgrants.underspend;

import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.monitoring.OrganisationYearEnd;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year end of grants to organisations adds only what is known and leaves out grants
 * in kind: totals checked against sums worked by hand.
 */
class OrganisationUnderspendTest {

	@Test
	void totalsAddTheKnownUnderspendsAndLeaveOutGrantsInKind() {
		OrganisationUnderspend year = OrganisationUnderspend.of(List.of(
				new OrganisationYearEnd(1, 1, "A", "Drug Intervention Programme", Money.of("52880.00"), false,
						Money.of("50000.00"), Money.of("2880.00")),
				new OrganisationYearEnd(2, 1, "A", "Police volunteers in kind", Money.of("5000.00"), true, null, null),
				new OrganisationYearEnd(3, 2, "B", "Youth diversion", Money.of("10000.00"), false, null, null),
				new OrganisationYearEnd(4, 3, "C", "Hate crime hub", Money.of("31000.06"), false, Money.of("31100.06"),
						Money.of("-100.00"))));
		assertThat(year.rows()).extracting(OrganisationYearEnd::grantId).containsExactly(1L, 3L, 4L);
		assertThat(year.inKind()).isEqualTo(1);
		// 52,880.00 + 10,000.00 + 31,000.06
		assertThat(year.totalAmount()).isEqualTo(Money.of("93880.06"));
		// 50,000.00 + 31,100.06
		assertThat(year.totalSpend()).isEqualTo(Money.of("81100.06"));
		// 2,880.00 - 100.00
		assertThat(year.totalUnderspend()).isEqualTo(Money.of("2780.00"));
		assertThat(year.waiting()).isEqualTo(1);
		assertThat(year.rows().get(2).overspent()).isTrue();
		assertThat(OrganisationUnderspend.of(List.of()).isEmpty()).isTrue();
	}

}
