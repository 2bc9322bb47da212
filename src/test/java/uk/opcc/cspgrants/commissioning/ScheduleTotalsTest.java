package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The schedule's totals against hand sums of the seed's "Police Force" and "Police In
 * Kind" sections (EXE 0025/13): printed 244,935 / 162,500 / 407,435 and 284,100.
 */
class ScheduleTotalsTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2013-14");

	private static final long FORCE = 1;

	private static final long INKIND = 2;

	private static final long GRANT_STREAM = 10;

	private static final long FORCE_STREAM = 11;

	private static final long RESERVE_STREAM = 12;

	private final List<AwardLineView> lines = new ArrayList<>();

	@Test
	void thePoliceForceSectionsAddUpAsPrintedAndTheStreamsLeaveWhatIsUnallocated() {
		force("DIP Drugs Testing Grant", "100000", "100000", "Reoffending and Offending", PurchasingRoute.CONTRACT);
		force("ICSB", "15000", "62500", "Making our Communities and Neighbourhoods Safer", PurchasingRoute.DIRECT);
		force("Juniper Lodge", "53608", "0", "Protecting the Vulnerable", PurchasingRoute.DIRECT);
		force("MAPPA", "34029", "0", "Reoffending and Offending", PurchasingRoute.DIRECT);
		force("St Bernards", "14298", "0", "Protecting the Vulnerable", PurchasingRoute.DIRECT);
		force("Integrated Offender Management (IOM)", "28000", "0", "Reoffending and Offending",
				PurchasingRoute.DIRECT);
		inKind("Alcohol Liaison", "36600");
		inKind("Youth Offending Service", "180000");
		inKind("MAPPOM", "29500");
		inKind("Offender Management", "38000");
		ScheduleTotals totals = totals("0");

		assertThat(totals.sections()).extracting(ScheduleTotals.Section::name)
			.containsExactly("Police Force", "Police In Kind");
		assertThat(totals.sections().get(0).subtotal().byColumn()).containsExactly(money("244935"), money("162500"));
		assertThat(totals.sections().get(0).subtotal().total()).isEqualTo(money("407435"));
		assertThat(totals.sections().get(1).subtotal().byColumn()).containsExactly(money("284100"), money("0"));
		// 407,435 + 284,100
		assertThat(totals.total().total()).isEqualTo(money("691535"));
		// Reoffending: 200,000 + 34,029 + 28,000 + 284,100 in kind; Safer: 77,500;
		// Vulnerable: 53,608 + 14,298
		assertThat(totals.byTheme()).containsExactly(entry("Reoffending and Offending", money("546129")),
				entry("Making our Communities and Neighbourhoods Safer", money("77500")),
				entry("Protecting the Vulnerable", money("67906")));
		assertThat(totals.byRoute()).containsExactly(entry(PurchasingRoute.DIRECT, money("491535")),
				entry(PurchasingRoute.CONTRACT, money("200000")));
		// the force stream: 1,305,029 - 691,535; the grant stream carries a formula pot
		// of
		// 97,905.00: 1,649,000 - 97,905
		assertThat(totals.byStream()).extracting(ScheduleTotals.StreamBalance::unallocated)
			.containsExactly(money("1551095"), money("613494"), money("294994"));
		assertThat(totals.streamsTotal()).isEqualTo(money("3249023"));
		// 3,249,023 - 691,535 - 97,905
		assertThat(totals.unallocated()).isEqualTo(money("2459583"));
		assertThat(totals.overAllocated()).isFalse();
		// the by-stream table's total row: 1,649,000 + 1,305,029 + 294,994; lines
		// 0 + 691,535 + 0; pots 97,905; left 1,551,095 + 613,494 + 294,994
		ScheduleTotals.StreamsAddedUp row = totals.byStreamAddedUp();
		assertThat(row.amount()).isEqualTo(money("3249023"));
		assertThat(row.lines()).isEqualTo(money("691535"));
		assertThat(row.pots()).isEqualTo(money("97905"));
		assertThat(row.unallocated()).isEqualTo(money("2459583"));
		assertThat(row.limit()).isEqualTo(money("3249023"));
	}

	@Test
	void aReplacedLineIsListedButNotCountedAndAStatedPeriodCountsInTheHalfYearItStartsIn() {
		AwardLineView youthCrime = line(1, FORCE, "Police Force", "Youth Crime", FORCE_STREAM, "Reoffending",
				PurchasingRoute.DIRECT, false, 99L, List.of(half(0, "52880")));
		this.lines.add(youthCrime);
		this.lines.add(line(99, FORCE, "Police Force", "DIP", FORCE_STREAM, "Reoffending", PurchasingRoute.DIRECT,
				false, null, List.of(half(1, "52880"))));
		AwardLineView stated = line(3, FORCE, "Police Force", "Domestic Homicide Reviews", FORCE_STREAM,
				"Protecting the Vulnerable", PurchasingRoute.DIRECT, false, null, List.of(new AwardLineView.Period(1,
						LocalDate.of(2013, 7, 1), LocalDate.of(2013, 12, 31), money("20500"))));
		this.lines.add(stated);
		ScheduleTotals totals = totals("0");
		assertThat(totals.sections().get(0).lines()).hasSize(3);
		assertThat(totals.total().byColumn()).containsExactly(money("20500"), money("52880"));
		assertThat(totals.stated(stated)).isTrue();
		assertThat(totals.stated(youthCrime)).isFalse();
		assertThat(totals.columns().get(0).label()).isEqualTo("Apr 13 to Sept 13");
		assertThat(totals.columns().get(1).label()).isEqualTo("Oct 13 to Mar 14");
	}

	@Test
	void aStreamBeyondItsAmountAndTheToleranceIsOverAllocated() {
		this.lines.add(line(1, FORCE, "Police Force", "Everything", RESERVE_STREAM, "Safer", PurchasingRoute.DIRECT,
				false, null, List.of(half(0, "324493.40"))));
		// 294,994 x 1.1 = 324,493.40 exactly: not over; a penny more is
		assertThat(totals("10").byStream().get(2).overAllocated()).isFalse();
		assertThat(totals("10").byStream().get(2).limit()).isEqualTo(money("324493.40"));
		this.lines.add(line(2, FORCE, "Police Force", "A penny", RESERVE_STREAM, "Safer", PurchasingRoute.DIRECT, false,
				null, List.of(half(0, "0.01"))));
		assertThat(totals("10").byStream().get(2).overAllocated()).isTrue();
		assertThat(totals("10").byStream().get(2).unallocated()).isEqualTo(Money.of("-29499.41"));
	}

	private ScheduleTotals totals(String tolerance) {
		ScheduleView schedule = new ScheduleView(1, YEAR, "Partner funding", ScheduleStatus.DRAFT,
				new BigDecimal(tolerance), null, 0, this.lines);
		List<FundingStreamView> streams = List.of(stream(GRANT_STREAM, "PCC Community Safety Grant", "1649000"),
				stream(FORCE_STREAM, "Former Police Force Partnership funding", "1305029"),
				stream(RESERVE_STREAM, "Use of Budget Equalisation Reserve", "294994"));
		return new ScheduleTotals(schedule, streams, Map.of(GRANT_STREAM, Money.of("97905.00")));
	}

	private void force(String initiative, String first, String second, String theme, PurchasingRoute route) {
		List<AwardLineView.Period> periods = new ArrayList<>();
		if (!first.equals("0")) {
			periods.add(half(0, first));
		}
		if (!second.equals("0")) {
			periods.add(half(1, second));
		}
		this.lines.add(line(this.lines.size() + 1, FORCE, "Police Force", initiative, FORCE_STREAM, theme, route, false,
				null, periods));
	}

	private void inKind(String initiative, String amount) {
		this.lines.add(line(this.lines.size() + 1, INKIND, "Police In Kind", initiative, FORCE_STREAM,
				"Reoffending and Offending", PurchasingRoute.DIRECT, true, null, List.of(half(0, amount))));
	}

	private static AwardLineView line(long id, long organisation, String name, String initiative, long stream,
			String theme, PurchasingRoute route, boolean inKind, Long replacedBy, List<AwardLineView.Period> periods) {
		return new AwardLineView(id, (int) id, null, organisation, name, "GB-TEST-" + organisation, null, initiative,
				LineStatus.COMMITTED, stream, "stream " + stream, theme.hashCode(), theme, route, null, null, null,
				inKind, null, null, replacedBy, null, periods);
	}

	private static AwardLineView.Period half(int which, String amount) {
		return (which == 0) ? new AwardLineView.Period(1, YEAR.startDate(), LocalDate.of(2013, 9, 30), money(amount))
				: new AwardLineView.Period(2, LocalDate.of(2013, 10, 1), YEAR.endDate(), money(amount));
	}

	private static FundingStreamView stream(long id, String name, String amount) {
		return new FundingStreamView(id, YEAR, name, "funder", StreamKind.GRANT, money(amount), null, false, 0);
	}

	private static Money money(String amount) {
		return Money.of(new BigDecimal(amount).setScale(2));
	}

}
