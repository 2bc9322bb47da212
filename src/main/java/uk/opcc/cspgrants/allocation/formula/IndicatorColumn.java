package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * One weighted indicator across all partnerships: each partnership's value, the total and
 * each partnership's share of it. Arrays are indexed like the (code-sorted) areas.
 *
 * @param key the indicator key
 * @param weightPercent its weight
 * @param values each partnership's value
 * @param total the sum of the values
 * @param shares each partnership's {@code value ÷ total}
 */
record IndicatorColumn(String key, BigDecimal weightPercent, BigDecimal[] values, BigDecimal total,
		BigDecimal[] shares) {

	/**
	 * The columns for every weighted indicator of the formula, in the formula's order.
	 * @throws FormulaException if data is missing or negative, a population is 0 where a
	 * rate needs it, or every partnership has zero of an indicator
	 */
	static List<IndicatorColumn> of(FormulaSpec spec, List<AreaInput> areas, List<FinancialYear> window) {
		Map<String, BigDecimal[]> means = new HashMap<>();
		List<IndicatorColumn> columns = new ArrayList<>();
		for (String key : spec.weightedIndicators()) {
			BigDecimal[] values = Indicators.isDerived(key) ? perThousand(key, areas, window, means)
					: means.computeIfAbsent(key, (base) -> means(base, areas, window));
			columns.add(column(key, spec.weightsPercent().get(key), values));
		}
		return columns;
	}

	private static IndicatorColumn column(String key, BigDecimal weightPercent, BigDecimal[] values) {
		BigDecimal total = BigDecimal.ZERO;
		for (BigDecimal value : values) {
			total = total.add(value);
		}
		if (total.signum() == 0) {
			throw new FormulaException("Every partnership has zero " + Indicators.label(key));
		}
		BigDecimal[] shares = new BigDecimal[values.length];
		for (int i = 0; i < values.length; i++) {
			shares[i] = values[i].divide(total, FormulaMath.CONTEXT);
		}
		return new IndicatorColumn(key, weightPercent, values, total, shares);
	}

	/** The mean of a base indicator over the window, for each partnership. */
	private static BigDecimal[] means(String key, List<AreaInput> areas, List<FinancialYear> window) {
		BigDecimal years = BigDecimal.valueOf(window.size());
		BigDecimal[] means = new BigDecimal[areas.size()];
		for (int i = 0; i < means.length; i++) {
			AreaInput area = areas.get(i);
			BigDecimal sum = BigDecimal.ZERO;
			for (FinancialYear year : window) {
				sum = sum.add(valueOf(area, key, year));
			}
			means[i] = (window.size() == 1) ? sum : sum.divide(years, FormulaMath.CONTEXT);
		}
		return means;
	}

	private static BigDecimal valueOf(AreaInput area, String key, FinancialYear year) {
		BigDecimal value = area.value(key, year);
		if (value == null) {
			throw new FormulaException(area.name() + " has no " + Indicators.label(key) + " for " + year);
		}
		if (value.signum() < 0) {
			throw new FormulaException(area.name() + " has a negative " + Indicators.label(key) + " for " + year + " ("
					+ value.toPlainString() + "); indicator values cannot be negative");
		}
		return value;
	}

	/** 1,000 × mean numerator ÷ mean population, for each partnership. */
	private static BigDecimal[] perThousand(String key, List<AreaInput> areas, List<FinancialYear> window,
			Map<String, BigDecimal[]> means) {
		List<String> inputs = Indicators.inputsOf(key);
		BigDecimal[] numerators = means.computeIfAbsent(inputs.get(0), (base) -> means(base, areas, window));
		BigDecimal[] populations = means.computeIfAbsent(inputs.get(1), (base) -> means(base, areas, window));
		BigDecimal[] rates = new BigDecimal[areas.size()];
		for (int i = 0; i < rates.length; i++) {
			if (populations[i].signum() == 0) {
				throw new FormulaException(areas.get(i).name() + " has a " + Indicators.label(inputs.get(1))
						+ " of 0, so its " + Indicators.label(key) + " cannot be worked out");
			}
			rates[i] = FormulaMath.THOUSAND.multiply(numerators[i]).divide(populations[i], FormulaMath.CONTEXT);
		}
		return rates;
	}

}
