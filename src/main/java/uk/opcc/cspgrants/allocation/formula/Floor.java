package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The least any partnership receives, either as an amount or as a percentage of the pot
 * (at most one of the two). The others pay for it in proportion to their formula amounts.
 *
 * @param amountPounds the floor in pounds, or {@code null}
 * @param percentOfPot the floor as a percentage of the pot, or {@code null}
 */
public record Floor(BigDecimal amountPounds, BigDecimal percentOfPot) {

	/** No floor. */
	public static final Floor NONE = new Floor(null, null);

	public Floor {
		if (amountPounds != null && percentOfPot != null) {
			throw new IllegalArgumentException(
					"Give the floor either as an amount or as a percentage of the pot, not both");
		}
		if ((amountPounds != null && amountPounds.signum() < 0)
				|| (percentOfPot != null && percentOfPot.signum() < 0)) {
			throw new IllegalArgumentException("A floor cannot be negative");
		}
		if (percentOfPot != null && percentOfPot.compareTo(FormulaMath.HUNDRED) > 0) {
			throw new IllegalArgumentException("A floor cannot be more than 100% of the pot");
		}
	}

	/** A floor of an amount in pounds. */
	public static Floor ofAmount(BigDecimal pounds) {
		return new Floor(pounds, null);
	}

	/** A floor of a percentage of the pot. */
	public static Floor ofPercentOfPot(BigDecimal percent) {
		return new Floor(null, percent);
	}

	/** Whether there is no floor at all. */
	public boolean isNone() {
		return this.amountPounds == null && this.percentOfPot == null;
	}

	/** The floor in whole pence, rounded up so that rounding can never break it. */
	long inPence(long potPence) {
		if (this.amountPounds != null) {
			return FormulaMath.toLongSaturated(this.amountPounds.movePointRight(2).setScale(0, RoundingMode.CEILING));
		}
		if (this.percentOfPot != null) {
			return FormulaMath.toLongSaturated(BigDecimal.valueOf(potPence)
				.multiply(this.percentOfPot)
				.movePointLeft(2)
				.setScale(0, RoundingMode.CEILING));
		}
		return 0;
	}

	/**
	 * {@code a floor of £20,000.00} or {@code a floor of 12% of the pot (£11,748.60)}.
	 */
	String describe(long potPence) {
		String amount = FormulaMath.pounds(inPence(potPence));
		return (this.percentOfPot != null)
				? "a floor of " + FormulaMath.percent(this.percentOfPot) + " of the pot (" + amount + ")"
				: "a floor of " + amount;
	}

}
