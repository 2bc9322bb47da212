package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How sensitive the allocations are to the weights: for each indicator of the formula,
 * its weight 10 points higher and 10 points lower, the other weights scaled in proportion
 * so that they still add up to 100.
 *
 * <p>
 * The other weights are rounded to the most decimal places any weight has (at least 2),
 * by largest remainder, so that the weights add up to exactly 100; ties go to the earlier
 * indicator in the formula. A direction is left out when it is impossible: the weight
 * would go below 0 or above 100, or the other weights add up to 0 so there is nothing to
 * scale. A direction is also left out when its run fails with a {@link FormulaException}
 * (for example an indicator weighted 0 in the formula has no data); the formula's own run
 * reports such problems.
 */
public final class Sensitivity {

	private static final BigDecimal STEP = BigDecimal.TEN;

	private Sensitivity() {
	}

	/**
	 * The scenarios, indicator by indicator in the formula's order, {@code +10} before
	 * {@code -10}.
	 */
	public static List<SensitivityRow> of(FormulaCalculator calculator, FormulaRequest request) {
		List<SensitivityRow> rows = new ArrayList<>();
		Map<String, BigDecimal> weights = request.spec().weightsPercent();
		for (String indicator : weights.keySet()) {
			addRow(rows, calculator, request, indicator, "+10", STEP);
			addRow(rows, calculator, request, indicator, "-10", STEP.negate());
		}
		return rows;
	}

	private static void addRow(List<SensitivityRow> rows, FormulaCalculator calculator, FormulaRequest request,
			String indicator, String direction, BigDecimal change) {
		Map<String, BigDecimal> weights = moved(request.spec().weightsPercent(), indicator, change);
		if (weights == null) {
			return;
		}
		FormulaResult result;
		try {
			result = calculator.calculate(request.withSpec(request.spec().withWeights(weights)));
		}
		catch (FormulaException ex) {
			return;
		}
		Map<String, Long> finalPence = new LinkedHashMap<>();
		result.areas().forEach((area) -> finalPence.put(area.code(), area.finalPence()));
		rows.add(new SensitivityRow(indicator, direction, weights, finalPence));
	}

	/**
	 * The weights with one moved by {@code change} and the others scaled to make up 100,
	 * or {@code null} if that is impossible.
	 */
	static Map<String, BigDecimal> moved(Map<String, BigDecimal> weights, String indicator, BigDecimal change) {
		BigDecimal target = weights.get(indicator).add(change);
		BigDecimal othersBefore = FormulaMath.HUNDRED.subtract(weights.get(indicator));
		if (target.signum() < 0 || target.compareTo(FormulaMath.HUNDRED) > 0 || othersBefore.signum() == 0) {
			return null;
		}
		BigDecimal othersAfter = FormulaMath.HUNDRED.subtract(target);
		int scale = Math.max(2, weights.values().stream().mapToInt(BigDecimal::scale).max().orElse(0));
		Map<String, BigDecimal> moved = new LinkedHashMap<>();
		List<String> others = new ArrayList<>();
		List<BigDecimal> remainders = new ArrayList<>();
		BigDecimal given = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal> weight : weights.entrySet()) {
			if (weight.getKey().equals(indicator)) {
				moved.put(indicator, target.setScale(scale));
				continue;
			}
			BigDecimal exact = weight.getValue().multiply(othersAfter).divide(othersBefore, FormulaMath.CONTEXT);
			BigDecimal down = exact.setScale(scale, RoundingMode.FLOOR);
			moved.put(weight.getKey(), down);
			others.add(weight.getKey());
			remainders.add(exact.subtract(down));
			given = given.add(down);
		}
		BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
		int left = othersAfter.subtract(given).divide(unit).intValueExact();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < others.size(); i++) {
			order.add(i);
		}
		order.sort((a, b) -> remainders.get(b).compareTo(remainders.get(a)));
		for (int n = 0; n < left; n++) {
			String key = others.get(order.get(n));
			moved.put(key, moved.get(key).add(unit));
		}
		return moved;
	}

}
