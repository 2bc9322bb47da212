package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;

/**
 * One line of a partnership's explanation: what one indicator contributed.
 *
 * @param indicator the indicator key (see {@link Indicators#label(String)})
 * @param value the partnership's value: the mean over the window, or derived from means
 * @param total the sum of the values over all partnerships
 * @param share {@code value ÷ total}
 * @param weightPercent the indicator's weight
 * @param contributionPounds {@code pot × weight ÷ 100 × share}, in pounds (unrounded)
 */
public record IndicatorLine(String indicator, BigDecimal value, BigDecimal total, BigDecimal share,
		BigDecimal weightPercent, BigDecimal contributionPounds) {

	/** What a person reads for the indicator. */
	public String label() {
		return Indicators.label(this.indicator);
	}

}
