package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.allocation.formula.IndicatorLine;
import uk.opcc.cspgrants.allocation.formula.Indicators;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * One partnership's allocation explained so that a CSP manager can check it: each input
 * as counted (crimes, harm in days, people), year by year with where it came from, then
 * each indicator's value beside how it was worked out and what its total is a total of.
 * Plain Java: built from a frozen run and tested without Spring.
 *
 * @param run the run
 * @param line the partnership's line
 * @param counted the inputs as counted, in the order the indicators need them
 * @param indicators one row per weighted indicator
 */
public record Explanation(RunView run, RunView.Line line, List<Counted> counted, List<Row> indicators) {

	/**
	 * The rule for anti-social behaviour, stated wherever crime is explained.
	 */
	public static final String ANTI_SOCIAL_BEHAVIOUR_RULE = "Anti-social behaviour incidents are listed by "
			+ "police.uk but are not crimes: they are left out of recorded crime and crime harm, and kept as an "
			+ "indicator of their own that a formula may weigh.";

	/**
	 * An input as counted.
	 *
	 * @param indicator its key
	 * @param byYear its value in each year of the window
	 * @param sources where each year's value came from, when the run kept it
	 * @param mean the mean over the window, which the formula uses
	 */
	public record Counted(String indicator, Map<FinancialYear, BigDecimal> byYear, Map<FinancialYear, String> sources,
			BigDecimal mean) {

		public String label() {
			return Indicators.label(this.indicator);
		}

		public String text(BigDecimal value) {
			return quantity(this.indicator, value);
		}

	}

	/**
	 * One weighted indicator.
	 *
	 * @param line the formula's line: value, total, share, weight, contribution
	 * @param working how the value was worked out from the counted inputs, or
	 * {@code null} when it is an input itself
	 * @param total what the total is: all partnerships' counts added up, or (for a rate)
	 * their rates added up
	 */
	public record Row(IndicatorLine line, String working, String total) {

		public String label() {
			return this.line.label();
		}

		public String value() {
			return quantity(this.line.indicator(), this.line.value());
		}

	}

	/**
	 * Explains a line of a run from the inputs the run froze for that partnership.
	 * @param inputs the partnership's inputs by indicator and year
	 * @param sources where each input came from, by indicator and year (may be empty)
	 */
	public static Explanation of(RunView run, RunView.Line line, Map<String, Map<FinancialYear, BigDecimal>> inputs,
			Map<String, Map<FinancialYear, String>> sources) {
		int partnerships = run.lines().size();
		List<String> needed = new ArrayList<>();
		for (IndicatorLine indicator : line.indicators()) {
			for (String input : Indicators.inputsOf(indicator.indicator())) {
				if (!needed.contains(input)) {
					needed.add(input);
				}
			}
		}
		needed.sort((a, b) -> Integer.compare(order(a), order(b)));
		List<Counted> counted = new ArrayList<>();
		Map<String, BigDecimal> means = new LinkedHashMap<>();
		for (String input : needed) {
			Map<FinancialYear, BigDecimal> byYear = new LinkedHashMap<>();
			for (FinancialYear year : run.window()) {
				BigDecimal value = inputs.getOrDefault(input, Map.of()).get(year);
				if (value != null) {
					byYear.put(year, value);
				}
			}
			if (byYear.isEmpty()) {
				continue;
			}
			BigDecimal mean = byYear.values()
				.stream()
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(byYear.size()), MathContext.DECIMAL128);
			means.put(input, mean);
			counted.add(new Counted(input, byYear, sources.getOrDefault(input, Map.of()), mean));
		}
		List<Row> rows = new ArrayList<>();
		for (IndicatorLine indicator : line.indicators()) {
			String key = indicator.indicator();
			String working = null;
			if (Indicators.isDerived(key)) {
				List<String> parts = Indicators.inputsOf(key);
				BigDecimal numerator = means.get(parts.get(0));
				BigDecimal population = means.get(parts.get(1));
				if (numerator != null && population != null) {
					working = "1,000 × " + quantity(parts.get(0), numerator) + " ÷ "
							+ quantity(parts.get(1), population)
							+ ((run.window().size() > 1) ? " (means over " + run.window().size() + " years)" : "");
				}
			}
			else if (run.window().size() > 1) {
				working = "The mean over " + run.window().size() + " years";
			}
			String total;
			if (partnerships == 1) {
				total = (Indicators.isDerived(key) ? number(indicator.total(), 2) : quantity(key, indicator.total()))
						+ ": this partnership is the only one in the run";
			}
			else if (Indicators.isDerived(key)) {
				total = number(indicator.total(), 2) + ": the " + partnerships
						+ " partnerships' rates added up (not the rate of the whole area); the share is this "
						+ "partnership's rate ÷ that sum";
			}
			else {
				total = quantity(key, indicator.total()) + " in all " + partnerships + " partnerships";
			}
			rows.add(new Row(indicator, working, total));
		}
		return new Explanation(run, line, counted, rows);
	}

	/** A value with its unit: "373,399 people", "32.58 crimes per 1,000 people". */
	static String quantity(String indicator, BigDecimal value) {
		String unit = Indicators.unit(indicator);
		int decimals = (Indicators.isWholeCount(indicator) && value.stripTrailingZeros().scale() <= 0) ? 0 : 2;
		return number(value, decimals) + (unit.isEmpty() ? "" : " " + unit);
	}

	private static String number(BigDecimal value, int decimals) {
		return String.format(java.util.Locale.UK, "%,." + decimals + "f",
				value.setScale(decimals, RoundingMode.HALF_UP));
	}

	private static int order(String input) {
		int known = Indicators.wellKnown().indexOf(input);
		return (known >= 0) ? known : Integer.MAX_VALUE;
	}

}
