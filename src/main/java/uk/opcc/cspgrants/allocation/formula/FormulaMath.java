package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import uk.opcc.cspgrants.shared.Money;

/**
 * The precision of the formula arithmetic and how its figures are written in messages.
 */
final class FormulaMath {

	/**
	 * 40 significant digits: amounts of up to £10 billion keep 28 decimal places of a
	 * penny, far beyond anything rounding to the penny could notice.
	 */
	static final MathContext CONTEXT = new MathContext(40, RoundingMode.HALF_EVEN);

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private FormulaMath() {
	}

	/** {@code £97,905.00}. */
	static String pounds(long pence) {
		return Money.ofPence(pence).format();
	}

	/** {@code 12.5%}, with no trailing zeros. */
	static String percent(BigDecimal percent) {
		return percent.stripTrailingZeros().toPlainString() + "%";
	}

	/** {@code 1 partnership}, {@code 9 partnerships}. */
	static String partnerships(int count) {
		return count + ((count == 1) ? " partnership" : " partnerships");
	}

	/** A whole number as a long, or {@link Long#MAX_VALUE} if it is larger. */
	static long toLongSaturated(BigDecimal whole) {
		return (whole.compareTo(LONG_MAX) >= 0) ? Long.MAX_VALUE : whole.longValueExact();
	}

	/** Adds without overflowing: anything beyond {@link Long#MAX_VALUE} stays there. */
	static long addSaturated(long a, long b) {
		long sum = a + b;
		return (((a ^ sum) & (b ^ sum)) < 0) ? Long.MAX_VALUE : sum;
	}

}
