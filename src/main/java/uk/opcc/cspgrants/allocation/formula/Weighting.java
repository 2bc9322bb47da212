package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.List;

/**
 * Each partnership's formula amount before any limit, indexed like the (code-sorted)
 * areas: {@code weighted share = Σ weight ÷ 100 × share} and
 * {@code raw = pot × weighted share} in pence. Each indicator's {@code weight ÷ 100 ÷
 * total} is worked out once to 40 significant digits; from there the products and sums
 * are exact (not rounded again: rounding is a division, the costliest step per area).
 *
 * @param weightedShares each partnership's weighted share
 * @param rawPence each partnership's formula amount, in pence
 */
record Weighting(BigDecimal[] weightedShares, BigDecimal[] rawPence) {

	static Weighting of(List<IndicatorColumn> columns, long potPence, int areaCount) {
		BigDecimal pot = BigDecimal.valueOf(potPence);
		BigDecimal[] weightedShares = new BigDecimal[areaCount];
		BigDecimal[] rawPence = new BigDecimal[areaCount];
		for (int i = 0; i < areaCount; i++) {
			BigDecimal share = BigDecimal.ZERO;
			for (IndicatorColumn column : columns) {
				share = share.add(column.weightedShare(i));
			}
			weightedShares[i] = share;
			rawPence[i] = weightedShares[i].multiply(pot);
		}
		return new Weighting(weightedShares, rawPence);
	}

}
