package uk.opcc.cspgrants.monitoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables 1 and 2 of the West Midlands 2016-17 Q2 report, exactly as printed. */
class QuarterlyReportTest {

	private static final String SOLIHULL_COMMENT = "Q2 report has not been received, Q1 figures have therefore been used for Q2";

	@Test
	void reproducesTable1AsPrinted() {
		QuarterlyReport report = westMidlandsAtQ2();

		assertThat(report.rows()).extracting(row -> row.remainder().formatWholePounds())
			.containsExactly("£242,820", "£19,754", "£23,936", "£23,801", "£0", "£38,164", "-£1");
		assertThat(report.rows()).extracting(QuarterlyReport.Row::percentAllocated)
			.containsExactly(87, 96, 93, 95, 100, 89, 100);
		assertThat(report.rows()).extracting(row -> row.totalAllocation().formatWholePounds())
			.containsExactly("£1,873,187", "£512,232", "£319,778", "£482,891", "£214,454", "£353,931", "£538,009");
		assertThat(report.rows().get(4).planned().formatWholePounds()).isEqualTo("£214,454");
		assertThat(report.rows().get(4).comment()).isEqualTo(SOLIHULL_COMMENT);
		assertThat(report.rows().get(0).comment()).isEmpty();

		assertThat(report.totalAllocation().formatWholePounds()).isEqualTo("£3,863,308");
		assertThat(report.totalCarryForward().formatWholePounds()).isEqualTo("£431,174");
		assertThat(report.totalTotalAllocation().formatWholePounds()).isEqualTo("£4,294,482");
		assertThat(report.totalPlanned().formatWholePounds()).isEqualTo("£3,946,008");
		assertThat(report.totalRemainder().formatWholePounds()).isEqualTo("£348,474");
	}

	@Test
	void reproducesTable2AsPrinted() {
		QuarterlyReport report = westMidlandsAtQ2();

		assertThat(report.rows()).extracting(QuarterlyReport.Row::percentSpent)
			.containsExactly(27, 47, 49, 43, 62, 37, 27);
		assertThat(report.rows().get(4).spendByQuarter()).extracting(Money::formatWholePounds)
			.containsExactly("£133,454", "£133,454");
		assertThat(report.totalSpendByQuarter()).extracting(Money::formatWholePounds)
			.containsExactly("£694,101", "£1,527,722");
		assertThat(report.quarters()).containsExactly(Quarter.Q1, Quarter.Q2);
	}

	@Test
	void aPartnershipWithNoReturnAtAllCountsNothing() {
		QuarterlyReport report = QuarterlyReport.of(FinancialYear.parse("2016-17"), Quarter.Q1,
				List.of(new QuarterlyReport.Input("Nowhere", Money.of("1000"), Money.ZERO, new EnumMap<>(Quarter.class),
						Map.of())));
		QuarterlyReport.Row row = report.rows().get(0);
		assertThat(row.comment()).isEqualTo("No return received");
		assertThat(row.planned()).isNull();
		assertThat(row.remainder()).isNull();
		assertThat(row.percentAllocated()).isNull();
		assertThat(report.totalPlanned()).isEqualTo(Money.ZERO);
		assertThat(report.totalAllocation()).isEqualTo(Money.of("1000"));
	}

	@Test
	void percentagesRoundHalfUp() {
		assertThat(QuarterlyReport.percent(Money.of("1"), Money.of("200"))).isEqualTo(1);
		assertThat(QuarterlyReport.percent(Money.of("0.99"), Money.of("200"))).isEqualTo(0);
		assertThat(QuarterlyReport.percent(Money.of("538010"), Money.of("538009"))).isEqualTo(100);
	}

	static QuarterlyReport westMidlandsAtQ2() {
		List<QuarterlyReport.Input> inputs = new ArrayList<>();
		for (WestMidlands2016.Partnership p : WestMidlands2016.PARTNERSHIPS) {
			Map<Quarter, QuarterlyReport.Figures> received = new EnumMap<>(Quarter.class);
			received.put(Quarter.Q1, new QuarterlyReport.Figures(Money.of(String.valueOf(p.planned())),
					Money.of(String.valueOf(p.q1Spend()))));
			if (p.q2Spend() != null) {
				received.put(Quarter.Q2, new QuarterlyReport.Figures(Money.of(String.valueOf(p.planned())),
						Money.of(String.valueOf(p.q2Spend()))));
			}
			inputs.add(new QuarterlyReport.Input(p.name(), Money.of(String.valueOf(p.allocation())),
					Money.of(String.valueOf(p.carryForward())), received, Map.of()));
		}
		return QuarterlyReport.of(FinancialYear.parse("2016-17"), Quarter.Q2, inputs);
	}

}
