package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;

/**
 * Fast {@code double} approximations of exact amounts, used only to decide quickly what
 * is clearly larger or smaller; anything close is decided exactly. An approximation is
 * within a relative {@code 1e-15} of the exact value, far inside {@link #TOLERANCE}.
 */
final class Approx {

	/** Values this close, relatively, are compared exactly. */
	static final double TOLERANCE = 1e-9;

	private static final double[] POWERS_OF_TEN = new double[309];

	static {
		for (int i = 0; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
		}
	}

	private Approx() {
	}

	/**
	 * The value as a {@code double}, within a relative {@code 1e-15}. Faster than
	 * {@link BigDecimal#doubleValue()}, which goes through text for large unscaled
	 * values.
	 */
	static double of(BigDecimal value) {
		int scale = value.scale();
		if (scale >= 0 && scale < POWERS_OF_TEN.length) {
			double approx = value.unscaledValue().doubleValue() / POWERS_OF_TEN[scale];
			if (Double.isFinite(approx) && (approx != 0 || value.signum() == 0)) {
				return approx;
			}
		}
		return value.doubleValue();
	}

	/**
	 * Compares two non-negative approximations: -1 or 1 when they clearly differ, 0 when
	 * they are too close to tell (then compare exactly).
	 */
	static int compare(double a, double b) {
		if (a < b * (1 - TOLERANCE)) {
			return -1;
		}
		if (a > b * (1 + TOLERANCE)) {
			return 1;
		}
		return 0;
	}

}
