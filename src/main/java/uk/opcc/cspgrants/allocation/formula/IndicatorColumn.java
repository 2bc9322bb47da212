package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * One weighted indicator across all partnerships, indexed like the (code-sorted) areas.
 *
 * <p>
 * What is kept per partnership is its <em>measure</em>: for a base indicator the sum over
 * the window (exact), for a derived rate {@code 1,000 × numerator sum ÷ population sum}
 * (which equals {@code 1,000 × mean ÷ mean}). A base indicator's value is its measure ÷
 * the number of years, and its share {@code value ÷ total} equals
 * {@code measure ÷ total measure}: the number of years cancels, so shares are worked out
 * from exact sums, and means only for the explanation.
 */
final class IndicatorColumn {

	/** Significant digits of the smallest derived rate: one more than 40, for safety. */
	private static final int RATE_DIGITS = 41;

	private final String key;

	private final BigDecimal weightPercent;

	private final BigDecimal[] measures;

	private final BigDecimal measureTotal;

	private final int years;

	private final BigDecimal total;

	/**
	 * {@code weight ÷ 100 ÷ total measure}: a partnership's weighted share per measure.
	 */
	private final BigDecimal sharePerMeasure;

	private IndicatorColumn(String key, BigDecimal weightPercent, BigDecimal[] measures, int years) {
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal measure : measures) {
			sum = sum.add(measure);
		}
		if (sum.signum() == 0) {
			throw new FormulaException(FormulaException.Input.INDICATORS,
					"Every partnership has zero " + Indicators.label(key));
		}
		this.key = key;
		this.weightPercent = weightPercent;
		this.measures = measures;
		this.measureTotal = sum;
		this.years = years;
		this.total = mean(sum);
		this.sharePerMeasure = weightPercent.movePointLeft(2).divide(sum, FormulaMath.CONTEXT);
	}

	/**
	 * The columns for every weighted indicator of the formula, in the formula's order.
	 * @throws FormulaException if data is missing or negative, a population is 0 where a
	 * rate needs it, or every partnership has zero of an indicator
	 */
	static List<IndicatorColumn> of(FormulaSpec spec, List<AreaInput> areas, List<FinancialYear> window) {
		List<String> weighted = spec.weightedIndicators();
		Map<String, BigDecimal[]> sums = sums(baseInputs(weighted), areas, window);
		List<IndicatorColumn> columns = new ArrayList<>();
		for (String key : weighted) {
			BigDecimal weight = spec.weightsPercent().get(key);
			columns.add(Indicators.isDerived(key) ? new IndicatorColumn(key, weight, perThousand(key, areas, sums), 1)
					: new IndicatorColumn(key, weight, sums.get(key), window.size()));
		}
		return columns;
	}

	String key() {
		return this.key;
	}

	/**
	 * {@code weight ÷ 100 × share} for one partnership, exact given
	 * {@link #sharePerMeasure} (40 digits).
	 */
	BigDecimal weightedShare(int area) {
		return this.sharePerMeasure.multiply(this.measures[area]);
	}

	/** The explanation line for one partnership (worked out when asked for). */
	IndicatorLine line(int area, BigDecimal potPounds) {
		BigDecimal share = this.measures[area].divide(this.measureTotal, FormulaMath.CONTEXT);
		BigDecimal contribution = potPounds.multiply(this.weightPercent.movePointLeft(2))
			.multiply(share, FormulaMath.CONTEXT);
		return new IndicatorLine(this.key, mean(this.measures[area]), this.total, share, this.weightPercent,
				contribution);
	}

	private BigDecimal mean(BigDecimal measure) {
		return (this.years == 1) ? measure : measure.divide(BigDecimal.valueOf(this.years), FormulaMath.CONTEXT);
	}

	/** The base indicators the weighted ones need, each once, in order. */
	private static List<String> baseInputs(List<String> weighted) {
		Set<String> inputs = new LinkedHashSet<>();
		weighted.forEach((key) -> inputs.addAll(Indicators.inputsOf(key)));
		return List.copyOf(inputs);
	}

	/**
	 * The sum over the window of each base indicator, for each partnership: one pass over
	 * the partnerships, reading each one's data once.
	 */
	private static Map<String, BigDecimal[]> sums(List<String> keys, List<AreaInput> areas,
			List<FinancialYear> window) {
		BigDecimal[][] sums = new BigDecimal[keys.size()][areas.size()];
		for (int i = 0; i < areas.size(); i++) {
			AreaInput area = areas.get(i);
			for (int k = 0; k < sums.length; k++) {
				String key = keys.get(k);
				Map<FinancialYear, BigDecimal> byYear = area.values().get(key);
				BigDecimal sum = null;
				for (FinancialYear year : window) {
					BigDecimal value = valueOf(area, byYear, key, year);
					sum = (sum != null) ? sum.add(value) : value;
				}
				sums[k][i] = sum;
			}
		}
		Map<String, BigDecimal[]> byKey = new HashMap<>();
		for (int k = 0; k < sums.length; k++) {
			byKey.put(keys.get(k), sums[k]);
		}
		return byKey;
	}

	private static BigDecimal valueOf(AreaInput area, Map<FinancialYear, BigDecimal> byYear, String key,
			FinancialYear year) {
		BigDecimal value = (byYear != null) ? byYear.get(year) : null;
		if (value == null) {
			throw new FormulaException(FormulaException.Input.INDICATORS,
					area.name() + " has no " + Indicators.label(key) + " for " + year);
		}
		if (value.signum() < 0) {
			throw new FormulaException(FormulaException.Input.INDICATORS,
					area.name() + " has a negative " + Indicators.label(key) + " for " + year + " ("
							+ value.toPlainString() + "); indicator values cannot be negative");
		}
		return value;
	}

	/**
	 * 1,000 × numerator sum ÷ population sum (= 1,000 × mean ÷ mean), per partnership,
	 * all to the same number of decimal places: enough for the smallest rate to have 40
	 * significant digits (the others have more). One scale for all keeps the sums and
	 * products that follow cheap.
	 */
	private static BigDecimal[] perThousand(String key, List<AreaInput> areas, Map<String, BigDecimal[]> sums) {
		List<String> inputs = Indicators.inputsOf(key);
		BigDecimal[] numerators = sums.get(inputs.get(0));
		BigDecimal[] populations = sums.get(inputs.get(1));
		double smallest = Double.MAX_VALUE;
		for (int i = 0; i < populations.length; i++) {
			if (populations[i].signum() == 0) {
				throw new FormulaException(FormulaException.Input.INDICATORS,
						areas.get(i).name() + " has a " + Indicators.label(inputs.get(1)) + " of 0, so its "
								+ Indicators.label(key) + " cannot be worked out");
			}
			if (numerators[i].signum() > 0) {
				smallest = Math.min(smallest, 1000 * Approx.of(numerators[i]) / Approx.of(populations[i]));
			}
		}
		int scale = Math.max(0, RATE_DIGITS - 1 - (int) Math.floor(Math.log10(smallest)));
		BigDecimal[] rates = new BigDecimal[areas.size()];
		for (int i = 0; i < rates.length; i++) {
			rates[i] = FormulaMath.THOUSAND.multiply(numerators[i])
				.divide(populations[i], scale, RoundingMode.HALF_EVEN);
		}
		return rates;
	}

}
