package uk.opcc.cspgrants.allocation.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.opcc.cspgrants.allocation.formula.AreaInput;
import uk.opcc.cspgrants.allocation.formula.AreaResult;
import uk.opcc.cspgrants.allocation.formula.FormulaCalculator;
import uk.opcc.cspgrants.allocation.formula.FormulaException;
import uk.opcc.cspgrants.allocation.formula.FormulaRequest;
import uk.opcc.cspgrants.allocation.formula.FormulaResult;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.allocation.formula.Indicators;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Checks a published split against indicator data: which weights reproduce it best, how
 * close they get, and which published orderings no weighting can give. Plain Java,
 * stateless.
 *
 * <ol>
 * <li><b>Shares.</b> Each chosen indicator's share per partnership over the window,
 * worked out by the formula service itself ({@link FormulaCalculator}, with that
 * indicator at 100%), over the partnerships of the published table only.</li>
 * <li><b>Fit.</b> The weights {@code w ≥ 0}, {@code Σ w = 100%}, that minimise
 * {@code Σ (total × Σ_i w_i × share_i − published)²} ({@link SimplexLeastSquares}).</li>
 * <li><b>Shown weights.</b> The fitted weights to 2 decimal places of a percentage point,
 * adding up to exactly 100% (largest remainder, ties to the earlier indicator); the
 * amounts are those the formula service gives for a formula with the shown weights and a
 * pot of the published total, to the penny: anyone can reproduce them.</li>
 * <li><b>Orderings no weighting can give.</b> A partnership published above another
 * although its share of every chosen indicator is lower or equal: any weighting gives it
 * at most the other's amount.</li>
 * </ol>
 */
public final class SplitCheck {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final FormulaCalculator calculator;

	public SplitCheck(FormulaCalculator calculator) {
		this.calculator = Objects.requireNonNull(calculator, "calculator");
	}

	/**
	 * What is checked.
	 *
	 * @param areas the published table's partnerships with their indicator data
	 * @param publishedPence partnership code → the published amount in pence
	 * @param indicators the indicator keys to consider, at least one
	 * @param window the financial years averaged
	 */
	public record Input(List<AreaInput> areas, Map<String, Long> publishedPence, List<String> indicators,
			List<FinancialYear> window) {

		public Input {
			areas = List.copyOf(areas);
			publishedPence = Map.copyOf(publishedPence);
			indicators = List.copyOf(indicators);
			window = List.copyOf(window);
		}

	}

	/**
	 * One weight of the fit.
	 *
	 * @param indicator the indicator key
	 * @param fittedPercent the exact optimum, as a percentage
	 * @param shownPercent to 2 decimal places; the shown weights add up to 100
	 */
	public record Weight(String indicator, double fittedPercent, BigDecimal shownPercent) {

		public String label() {
			return Indicators.label(this.indicator);
		}

	}

	/**
	 * A partnership published above another that is at least as high on every chosen
	 * indicator.
	 */
	public record Pair(String aboveCode, String aboveName, long abovePence, String belowCode, String belowName,
			long belowPence) {

	}

	/**
	 * The check.
	 *
	 * @param totalPence the published table's total
	 * @param weights the fitted weights, in the order of the indicators asked for
	 * @param fit the published amounts against the amounts of the shown weights
	 * @param pairs published orderings no weighting of these indicators can give
	 * @param shares partnership code → indicator key → share (0 to 1)
	 */
	public record Result(long totalPence, List<Weight> weights, Comparison fit, List<Pair> pairs,
			Map<String, Map<String, BigDecimal>> shares) {

		/** The shown weights, as a formula. */
		public FormulaSpec shownSpec() {
			Map<String, BigDecimal> weights = new LinkedHashMap<>();
			this.weights.forEach((weight) -> weights.put(weight.indicator(), weight.shownPercent()));
			return FormulaSpec.of(weights);
		}

	}

	/**
	 * Fits the weights and compares.
	 * @throws FormulaException if the data does not allow it (the message says why)
	 */
	public Result check(Input input) {
		if (input.indicators().isEmpty()) {
			throw new FormulaException(FormulaException.Input.INDICATORS, "Choose at least one indicator");
		}
		if (input.indicators().size() > SimplexLeastSquares.MAX_INDICATORS) {
			throw new FormulaException(FormulaException.Input.INDICATORS,
					"Choose at most " + SimplexLeastSquares.MAX_INDICATORS + " indicators");
		}
		long total = total(input);
		List<AreaInput> areas = input.areas();
		Map<String, Map<String, BigDecimal>> shares = new LinkedHashMap<>();
		areas.forEach((area) -> shares.put(area.code(), new LinkedHashMap<>()));
		double[][] columns = new double[input.indicators().size()][areas.size()];
		for (int i = 0; i < input.indicators().size(); i++) {
			String key = input.indicators().get(i);
			Map<String, BigDecimal> column = sharesOf(key, input, total);
			for (int a = 0; a < areas.size(); a++) {
				BigDecimal share = column.get(areas.get(a).code());
				shares.get(areas.get(a).code()).put(key, share);
				columns[i][a] = share.doubleValue();
			}
		}
		double[] target = new double[areas.size()];
		for (int a = 0; a < areas.size(); a++) {
			target[a] = (double) input.publishedPence().get(areas.get(a).code()) / total;
		}
		SimplexLeastSquares.Fit fit = SimplexLeastSquares.solve(columns, target);
		List<Weight> weights = shownWeights(input.indicators(), fit.weights());
		Map<String, BigDecimal> shown = new LinkedHashMap<>();
		weights.forEach((weight) -> shown.put(weight.indicator(), weight.shownPercent()));
		Comparison comparison = compare(input, FormulaSpec.of(shown));
		return new Result(total, weights, comparison, pairs(input, shares), shares);
	}

	/**
	 * The published amounts against a formula's amounts for a pot of the published total
	 * over the same partnerships and window (e.g. a saved formula version).
	 * @throws FormulaException if the data or the formula's limits do not allow it
	 */
	public Comparison compare(Input input, FormulaSpec spec) {
		long total = total(input);
		FormulaResult result = this.calculator
			.calculate(new FormulaRequest(total, input.window(), spec, input.areas()));
		List<Comparison.Row> rows = new ArrayList<>();
		for (AreaResult area : result.areas()) {
			rows.add(new Comparison.Row(area.code(), area.name(), input.publishedPence().get(area.code()),
					area.finalPence()));
		}
		return Comparison.of(rows);
	}

	private static long total(Input input) {
		if (input.areas().isEmpty()) {
			throw new FormulaException(FormulaException.Input.PARTNERSHIPS, "Enter at least one partnership");
		}
		long total = 0;
		for (AreaInput area : input.areas()) {
			Long pence = input.publishedPence().get(area.code());
			if (pence == null || pence < 0) {
				throw new FormulaException(FormulaException.Input.PARTNERSHIPS,
						"Enter an amount of £0.00 or more for " + area.name());
			}
			total = Math.addExact(total, pence);
		}
		if (total <= 0) {
			throw new FormulaException(FormulaException.Input.PARTNERSHIPS,
					"The published amounts add up to £0.00; enter the amounts that were published");
		}
		return total;
	}

	/** One indicator's shares, as the formula service works them out (weight 100%). */
	private Map<String, BigDecimal> sharesOf(String key, Input input, long total) {
		FormulaResult alone = this.calculator
			.calculate(new FormulaRequest(total, input.window(), FormulaSpec.of(Map.of(key, HUNDRED)), input.areas()));
		Map<String, BigDecimal> shares = new LinkedHashMap<>();
		alone.areas().forEach((area) -> shares.put(area.code(), area.weightedShare()));
		return shares;
	}

	/**
	 * The weights in hundredths of a percentage point: each rounded down, then the
	 * hundredths left over to the largest remainders (ties to the earlier indicator), so
	 * that they add up to exactly 100.00.
	 */
	static List<Weight> shownWeights(List<String> indicators, double[] fitted) {
		long[] hundredths = new long[fitted.length];
		double[] remainders = new double[fitted.length];
		long sum = 0;
		for (int i = 0; i < fitted.length; i++) {
			double exact = Math.max(0, fitted[i]) * 10_000;
			hundredths[i] = (long) Math.floor(exact);
			remainders[i] = exact - hundredths[i];
			sum += hundredths[i];
		}
		for (long left = 10_000 - sum; left > 0; left--) {
			int largest = 0;
			for (int i = 1; i < fitted.length; i++) {
				if (remainders[i] > remainders[largest]) {
					largest = i;
				}
			}
			hundredths[largest]++;
			remainders[largest] = -1;
		}
		List<Weight> weights = new ArrayList<>();
		for (int i = 0; i < fitted.length; i++) {
			weights.add(new Weight(indicators.get(i), fitted[i] * 100, BigDecimal.valueOf(hundredths[i], 2)));
		}
		return weights;
	}

	private static List<Pair> pairs(Input input, Map<String, Map<String, BigDecimal>> shares) {
		List<AreaInput> byPublished = new ArrayList<>(input.areas());
		byPublished
			.sort((a, b) -> Long.compare(input.publishedPence().get(b.code()), input.publishedPence().get(a.code())));
		List<Pair> pairs = new ArrayList<>();
		for (AreaInput above : byPublished) {
			for (AreaInput below : byPublished) {
				long abovePence = input.publishedPence().get(above.code());
				long belowPence = input.publishedPence().get(below.code());
				if (abovePence <= belowPence) {
					continue;
				}
				boolean nowhereHigher = input.indicators()
					.stream()
					.allMatch((key) -> shares.get(above.code())
						.get(key)
						.compareTo(shares.get(below.code()).get(key)) <= 0);
				if (nowhereHigher) {
					pairs.add(new Pair(above.code(), above.name(), abovePence, below.code(), below.name(), belowPence));
				}
			}
		}
		return pairs;
	}

	/** A difference as a percentage of the published amount, 2 places, half up. */
	static BigDecimal percentOf(long difference, long published) {
		if (published == 0) {
			return null;
		}
		return BigDecimal.valueOf(difference)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(published), 2, RoundingMode.HALF_UP);
	}

}
