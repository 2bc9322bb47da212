package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Each partnership's formula amount before any limit: its weighted share of the pot.
 * Arrays are indexed like the (code-sorted) areas.
 *
 * @param weightedShares {@code Σ weight ÷ 100 × share} for each partnership
 * @param contributionPence {@code [indicator][area]}: {@code pot × weight ÷ 100 × share},
 * in pence
 * @param rawPence the sum of a partnership's contributions, in pence
 */
record Weighting(BigDecimal[] weightedShares, BigDecimal[][] contributionPence, BigDecimal[] rawPence) {

	static Weighting of(List<IndicatorColumn> columns, long potPence, int areaCount) {
		BigDecimal pot = BigDecimal.valueOf(potPence);
		BigDecimal[] weightedShares = filled(areaCount);
		BigDecimal[] rawPence = filled(areaCount);
		BigDecimal[][] contributions = new BigDecimal[columns.size()][];
		for (int k = 0; k < columns.size(); k++) {
			IndicatorColumn column = columns.get(k);
			BigDecimal fraction = column.weightPercent().movePointLeft(2);
			BigDecimal potPart = pot.multiply(fraction);
			contributions[k] = new BigDecimal[areaCount];
			for (int i = 0; i < areaCount; i++) {
				BigDecimal share = column.shares()[i];
				contributions[k][i] = potPart.multiply(share, FormulaMath.CONTEXT);
				weightedShares[i] = weightedShares[i].add(fraction.multiply(share, FormulaMath.CONTEXT));
				rawPence[i] = rawPence[i].add(contributions[k][i]);
			}
		}
		return new Weighting(weightedShares, contributions, rawPence);
	}

	private static BigDecimal[] filled(int count) {
		BigDecimal[] zeros = new BigDecimal[count];
		Arrays.fill(zeros, BigDecimal.ZERO);
		return zeros;
	}

}
