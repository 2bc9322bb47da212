package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Shares a pot of money between partnerships by weighted indicators, exact to the penny,
 * with an explanation for each partnership. Stateless and thread-safe.
 *
 * <ol>
 * <li><b>Values.</b> Each indicator's value for a partnership is its mean over the
 * window's financial years, at 40 significant digits. A missing year is an error naming
 * the partnership, the indicator and the year, never a silent zero. The derived rates are
 * {@code 1,000 × mean recorded crime (or crime harm) ÷ mean population}.</li>
 * <li><b>Shares.</b> A partnership's share of an indicator is its value ÷ the total over
 * all partnerships (worked out from the exact sums over the window, since the number of
 * years cancels). Only indicators with a weight above 0 are used, and need data.</li>
 * <li><b>Formula amount.</b> {@code weighted share = Σ weight ÷ 100 × share} (at least 40
 * significant digits); {@code raw amount = pot × weighted share}.</li>
 * <li><b>Floor and damping.</b> Each partnership gets a lower bound (the larger of the
 * floor and {@code baseline × (1 − max decrease ÷ 100)}), rounded up to the penny, and an
 * upper bound ({@code baseline × (1 + max increase ÷ 100)}, or none), rounded down, so
 * that rounding can never break a limit. Partnerships without a baseline are not damped.
 * Limits that cannot all hold are refused with a message. What the limits move is paid
 * for by scaling the others in proportion until every limit holds; exactly, the adjusted
 * amount is {@code clamp(raw × s, lower, upper)} for the one scale {@code s} that makes
 * the adjusted amounts add up to the pot (see {@link ScaleSolver}). With no limit to
 * apply, {@code s = 1}.</li>
 * <li><b>Pence.</b> Adjusted amounts are rounded to the penny by largest remainder, ties
 * going to the earlier partnership code (see {@link PennyRounding}). The allocations
 * always add up to the pot exactly.</li>
 * <li><b>Change.</b> Against the baseline: in pence, and as a percentage to 2 decimal
 * places, half up.</li>
 * </ol>
 * The work is {@code O(n log n)} in the number of partnerships. Each partnership's
 * explanation lines ({@link AreaResult#lines()}) are worked out when read, so that runs
 * over many areas or many scenarios pay only for the explanations someone looks at.
 */
public final class FormulaCalculator {

	/**
	 * Runs the formula.
	 * @param request the pot, window, formula and partnerships
	 * @return every partnership's allocation and its explanation, sorted by code
	 * @throws FormulaException if the data or the limits do not allow a run; the message
	 * says why
	 */
	public FormulaResult calculate(FormulaRequest request) {
		Objects.requireNonNull(request, "request");
		long pot = request.potPence();
		if (pot <= 0) {
			throw new FormulaException(FormulaException.Input.POT, "The pot must be more than £0.00");
		}
		List<FinancialYear> window = sortedWindow(request.window());
		List<AreaInput> areas = sortedAreas(request.areas());
		FormulaSpec spec = request.spec();
		List<IndicatorColumn> columns = IndicatorColumn.of(spec, areas, window);
		Weighting weighting = Weighting.of(columns, pot, areas.size());
		Bounds bounds = Bounds.of(spec, areas, pot);
		bounds.requireRoomFor(weighting.rawPence(), pot, spec.damping());
		ScaleSolver.Adjusted adjusted = ScaleSolver.solve(weighting.rawPence(), bounds, pot);
		PennyRounding.Rounded rounded = PennyRounding.round(adjusted.amountsPence(), pot);
		List<AreaResult> results = new ArrayList<>(areas.size());
		BigDecimal potPounds = BigDecimal.valueOf(pot, 2);
		long total = 0;
		for (int i = 0; i < areas.size(); i++) {
			long pence = rounded.pence()[i];
			if (pence < bounds.lower()[i] || pence > bounds.upper()[i]) {
				throw new IllegalStateException(areas.get(i).name() + " was rounded outside its limits");
			}
			total += pence;
			results.add(result(areas.get(i), i, columns, potPounds, weighting, adjusted, rounded));
		}
		if (total != pot) {
			throw new IllegalStateException("The allocations add up to " + FormulaMath.pounds(total)
					+ ", not the pot of " + FormulaMath.pounds(pot));
		}
		return new FormulaResult(pot, window, spec, results);
	}

	private static AreaResult result(AreaInput area, int i, List<IndicatorColumn> columns, BigDecimal potPounds,
			Weighting weighting, ScaleSolver.Adjusted adjusted, PennyRounding.Rounded rounded) {
		long pence = rounded.pence()[i];
		Long baseline = area.baselinePence();
		Long change = (baseline != null) ? pence - baseline : null;
		BigDecimal changePercent = (baseline != null && baseline != 0) ? BigDecimal.valueOf(change)
			.multiply(FormulaMath.HUNDRED)
			.divide(BigDecimal.valueOf(baseline), 2, RoundingMode.HALF_UP) : null;
		return new AreaResult(area.code(), area.name(), new ExplanationLines(columns, i, potPounds),
				weighting.weightedShares()[i], weighting.rawPence()[i].movePointLeft(2), adjusted.limits()[i],
				adjusted.amountsPence()[i].movePointLeft(2), pence, rounded.receivedPenny()[i], baseline, change,
				changePercent);
	}

	private static List<FinancialYear> sortedWindow(List<FinancialYear> window) {
		if (window.isEmpty()) {
			throw new FormulaException(FormulaException.Input.WINDOW,
					"Choose at least one financial year to average the indicators over");
		}
		List<FinancialYear> sorted = window.stream().sorted().toList();
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).equals(sorted.get(i - 1))) {
				throw new FormulaException(FormulaException.Input.WINDOW,
						"The window lists " + sorted.get(i) + " more than once");
			}
		}
		return sorted;
	}

	private static List<AreaInput> sortedAreas(List<AreaInput> areas) {
		if (areas.isEmpty()) {
			throw new FormulaException(FormulaException.Input.PARTNERSHIPS,
					"There are no partnerships to share the pot between");
		}
		AreaInput[] sorted = areas.toArray(AreaInput[]::new);
		Arrays.sort(sorted, Comparator.comparing(AreaInput::code));
		for (int i = 0; i < sorted.length; i++) {
			if (i > 0 && sorted[i].code().equals(sorted[i - 1].code())) {
				throw new FormulaException(FormulaException.Input.PARTNERSHIPS,
						"More than one partnership has the code " + sorted[i].code());
			}
			if (sorted[i].baselinePence() != null && sorted[i].baselinePence() < 0) {
				throw new FormulaException(FormulaException.Input.PARTNERSHIPS,
						sorted[i].name() + "'s baseline cannot be negative");
			}
		}
		return Arrays.asList(sorted);
	}

}
