package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.List;

/**
 * One partnership's amount and how it was reached.
 *
 * @param code the partnership's code
 * @param name the partnership's name
 * @param lines what each weighted indicator contributed (in a run, worked out when read)
 * @param weightedShare {@code Σ weight ÷ 100 × share}: the partnership's share of the pot
 * by the formula alone (at least 40 significant digits; not rounded, so it may carry
 * more)
 * @param rawAmount {@code pot × weightedShare}, in pounds (unrounded)
 * @param limit which limit, if any, moved the amount
 * @param adjustedAmount the amount after the floor and damping, in pounds (unrounded)
 * @param finalPence the allocation, in whole pence
 * @param receivedRoundingPenny whether rounding to the penny gave this partnership one of
 * the pennies left over (largest remainders first)
 * @param baselinePence the baseline, or {@code null}
 * @param changePence {@code finalPence − baselinePence}, or {@code null} without a
 * baseline
 * @param changePercent the change as a percentage of the baseline, to 2 decimal places
 * (half up); {@code null} without a baseline or with a baseline of 0
 */
public record AreaResult(String code, String name, List<IndicatorLine> lines, BigDecimal weightedShare,
		BigDecimal rawAmount, Limit limit, BigDecimal adjustedAmount, long finalPence, boolean receivedRoundingPenny,
		Long baselinePence, Long changePence, BigDecimal changePercent) {

	public AreaResult {
		lines = (lines instanceof ExplanationLines) ? lines : List.copyOf(lines);
	}

}
