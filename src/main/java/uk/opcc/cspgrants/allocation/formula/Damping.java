package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a partnership's amount may move from its baseline (usually last year's
 * allocation): at most {@code maxDecreasePercent} down and {@code maxIncreasePercent} up.
 * Either may be {@code null} for no limit that way; partnerships without a baseline are
 * not damped. The others pay for it in proportion to their formula amounts.
 *
 * @param maxDecreasePercent the largest fall allowed, as a percentage of the baseline
 * @param maxIncreasePercent the largest rise allowed, as a percentage of the baseline
 */
public record Damping(BigDecimal maxDecreasePercent, BigDecimal maxIncreasePercent) {

	/** No damping. */
	public static final Damping NONE = new Damping(null, null);

	/** Marks an upper bound that does not exist. */
	static final long NO_UPPER = Long.MAX_VALUE;

	public Damping {
		if (maxDecreasePercent != null && maxDecreasePercent.signum() < 0) {
			throw new IllegalArgumentException("A maximum decrease cannot be negative");
		}
		if (maxIncreasePercent != null && maxIncreasePercent.signum() < 0) {
			throw new IllegalArgumentException("A maximum increase cannot be negative");
		}
	}

	/** Whether there is no damping at all. */
	public boolean isNone() {
		return this.maxDecreasePercent == null && this.maxIncreasePercent == null;
	}

	/**
	 * The least a partnership with this baseline may receive, in whole pence rounded up;
	 * 0 when there is no limit.
	 */
	long lowerPence(Long baselinePence) {
		if (baselinePence == null || this.maxDecreasePercent == null) {
			return 0;
		}
		BigDecimal lower = BigDecimal.valueOf(baselinePence)
			.multiply(FormulaMath.HUNDRED.subtract(this.maxDecreasePercent))
			.movePointLeft(2)
			.setScale(0, RoundingMode.CEILING);
		return Math.max(0, FormulaMath.toLongSaturated(lower));
	}

	/**
	 * The most a partnership with this baseline may receive, in whole pence rounded down;
	 * {@link #NO_UPPER} when there is no limit.
	 */
	long upperPence(Long baselinePence) {
		if (baselinePence == null || this.maxIncreasePercent == null) {
			return NO_UPPER;
		}
		BigDecimal upper = BigDecimal.valueOf(baselinePence)
			.multiply(FormulaMath.HUNDRED.add(this.maxIncreasePercent))
			.movePointLeft(2)
			.setScale(0, RoundingMode.FLOOR);
		return FormulaMath.toLongSaturated(upper);
	}

}
