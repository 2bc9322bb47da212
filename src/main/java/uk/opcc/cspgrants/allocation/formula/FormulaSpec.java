package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A formula: how much each indicator counts, and the limits on what a partnership can
 * receive. Indicators with a weight of 0 are ignored (they need no data).
 *
 * @param weightsPercent the weight of each indicator by key (see {@link Indicators}), as
 * a percentage; each at least 0 and together exactly 100; kept in the order given
 * @param floor the least a partnership receives; {@code null} means {@link Floor#NONE}
 * @param damping how far a partnership may move from its baseline; {@code null} means
 * {@link Damping#NONE}
 */
public record FormulaSpec(Map<String, BigDecimal> weightsPercent, Floor floor, Damping damping) {

	public FormulaSpec {
		Objects.requireNonNull(weightsPercent, "weightsPercent");
		Map<String, BigDecimal> copy = new LinkedHashMap<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal> weight : weightsPercent.entrySet()) {
			String key = weight.getKey();
			if (key == null || key.isBlank()) {
				throw new IllegalArgumentException("Every weight needs an indicator");
			}
			if (weight.getValue() == null) {
				throw new IllegalArgumentException("Enter a weight for " + Indicators.label(key));
			}
			if (weight.getValue().signum() < 0) {
				throw new IllegalArgumentException("The weight for " + Indicators.label(key) + " cannot be negative");
			}
			copy.put(key, weight.getValue());
			sum = sum.add(weight.getValue());
		}
		if (sum.compareTo(FormulaMath.HUNDRED) != 0) {
			throw new IllegalArgumentException(
					"The weights add up to " + FormulaMath.percent(sum) + "; they must add up to exactly 100%");
		}
		weightsPercent = Collections.unmodifiableMap(copy);
		floor = (floor != null) ? floor : Floor.NONE;
		damping = (damping != null) ? damping : Damping.NONE;
	}

	/** Weights alone, with no floor and no damping. */
	public static FormulaSpec of(Map<String, BigDecimal> weightsPercent) {
		return new FormulaSpec(weightsPercent, Floor.NONE, Damping.NONE);
	}

	/** The same limits with other weights. */
	public FormulaSpec withWeights(Map<String, BigDecimal> weights) {
		return new FormulaSpec(weights, this.floor, this.damping);
	}

	/** The indicators that count (weight above 0), in the order given. */
	public List<String> weightedIndicators() {
		return this.weightsPercent.entrySet()
			.stream()
			.filter((weight) -> weight.getValue().signum() > 0)
			.map(Map.Entry::getKey)
			.toList();
	}

}
