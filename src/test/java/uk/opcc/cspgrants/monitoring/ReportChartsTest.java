package uk.opcc.cspgrants.monitoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

import static org.assertj.core.api.Assertions.assertThat;

/** The bar chart's widths, in percent of the chart, so that it fits any screen. */
class ReportChartsTest {

	@Test
	void theLargestTotalFillsTheChartAndTheOthersAreInProportion() {
		ReportCharts charts = ReportCharts.of(QuarterlyReportTest.westMidlandsAtQ2());

		ReportCharts.Bar birmingham = charts.bars().get(0);
		assertThat(birmingham.total()).isEqualTo(98.0);
		// planned £1,630,367 (£1,873,187 less the £242,820 to be allocated) of £1,873,187
		assertThat(birmingham.planned()).isEqualTo(85.3);
		// Solihull: £214,454 of £1,873,187
		assertThat(charts.bars().get(4).total()).isEqualTo(11.2);
	}

	@Test
	void aPlanAboveItsTotalStillFitsTheChart() {
		Map<Quarter, QuarterlyReport.Figures> received = new EnumMap<>(Quarter.class);
		received.put(Quarter.Q1, new QuarterlyReport.Figures(Money.of("1500"), Money.of("250")));
		QuarterlyReport report = QuarterlyReport.of(FinancialYear.parse("2024-25"), Quarter.Q1,
				List.of(new QuarterlyReport.Input("Over-committed", Money.of("1000"), Money.ZERO, received, Map.of())));

		ReportCharts.Bar bar = ReportCharts.of(report).bars().get(0);

		assertThat(bar.planned()).isEqualTo(98.0);
		assertThat(bar.total()).isEqualTo(65.3);
		assertThat(bar.spent()).isEqualTo(16.3);
	}

}
