package uk.opcc.cspgrants.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.opcc.cspgrants.shared.Money;

/**
 * The two charts of a quarterly report, drawn as SVG on the server so that they need no
 * JavaScript: each partnership's cumulative spend by quarter against a straight-line
 * profile of its total allocation, and allocated and spent per partnership. The tables
 * carry the same figures for anyone who cannot see the charts.
 * <p>
 * The bars are drawn with widths in percent of the chart's width and no viewBox, so the
 * chart fills any screen from a 320 px phone up while its text keeps the page's size (a
 * viewBox would shrink the names with the chart).
 *
 * @param bars one per partnership: total, planned and spent as widths in percent of the
 * chart, the largest figure (a total, or a plan or spend above its total) at
 * {@value #BAR_WIDTH}%
 * @param lines one per partnership: points of actual spend and of the straight-line
 * profile
 */
public record ReportCharts(List<Bar> bars, List<Line> lines) {

	static final double BAR_WIDTH = 98;

	static final double LINE_WIDTH = 200;

	static final double LINE_HEIGHT = 80;

	public record Bar(String name, double total, double planned, double spent) {
	}

	public record Line(String name, String actual, String profile) {
	}

	static ReportCharts of(QuarterlyReport report) {
		double largest = report.rows()
			.stream()
			.mapToDouble((row) -> Math.max(row.totalAllocation().amount().doubleValue(),
					Math.max(value(row.planned()), value(row.spendAtQuarter()))))
			.max()
			.orElse(1);
		largest = (largest > 0) ? largest : 1;
		List<Bar> bars = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (QuarterlyReport.Row row : report.rows()) {
			double total = row.totalAllocation().amount().doubleValue();
			bars.add(new Bar(row.name(), percent(total, largest), percent(value(row.planned()), largest),
					percent(value(row.spendAtQuarter()), largest)));
			double scale = (total > 0) ? total : 1;
			StringBuilder actual = new StringBuilder(point(0, 0, scale));
			List<Money> spend = row.spendByQuarter();
			for (int q = 0; q < spend.size(); q++) {
				if (spend.get(q) != null) {
					actual.append(' ').append(point(q + 1, spend.get(q).amount().doubleValue(), scale));
				}
			}
			String profile = point(0, 0, scale) + " " + point(4, total, scale);
			lines.add(new Line(row.name(), actual.toString(), profile));
		}
		return new ReportCharts(bars, lines);
	}

	/**
	 * The width of a bar, to a tenth of a percent (short attributes on a 300-row chart).
	 */
	private static double percent(double amount, double largest) {
		return Math.round(10 * BAR_WIDTH * Math.max(0, amount) / largest) / 10.0;
	}

	private static double value(Money money) {
		return (money != null) ? money.amount().doubleValue() : 0;
	}

	private static String point(int quarter, double amount, double scale) {
		double x = LINE_WIDTH * quarter / 4;
		double y = LINE_HEIGHT - Math.min(LINE_HEIGHT, LINE_HEIGHT * amount / scale);
		return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
	}

}
