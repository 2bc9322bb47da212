package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Rounds amounts to whole pence so that they still add up to the pot, by largest
 * remainder: every amount is rounded down to the penny, then the pennies left over go one
 * each to the amounts that lost the most, ties going to the earlier partnership code.
 */
final class PennyRounding {

	private PennyRounding() {
	}

	/**
	 * @param amountsPence the amounts in pence, indexed like the code-sorted areas; they
	 * add up to the pot (to within far less than a penny)
	 * @throws IllegalStateException if they do not
	 */
	static Rounded round(BigDecimal[] amountsPence, long potPence) {
		int count = amountsPence.length;
		long[] pence = new long[count];
		BigDecimal[] remainders = new BigDecimal[count];
		long total = 0;
		for (int i = 0; i < count; i++) {
			BigDecimal whole = amountsPence[i].setScale(0, RoundingMode.FLOOR);
			pence[i] = whole.longValueExact();
			remainders[i] = amountsPence[i].subtract(whole);
			total = Math.addExact(total, pence[i]);
		}
		long left = potPence - total;
		if (left < 0 || left > count) {
			throw new IllegalStateException("Rounded down, the amounts add up to " + FormulaMath.pounds(total)
					+ ", which is not within a penny each of the pot of " + FormulaMath.pounds(potPence));
		}
		boolean[] extra = new boolean[count];
		if (left > 0) {
			Integer[] order = new Integer[count];
			Arrays.setAll(order, (i) -> i);
			Arrays.sort(order, (a, b) -> {
				int byRemainder = remainders[b].compareTo(remainders[a]);
				return (byRemainder != 0) ? byRemainder : Integer.compare(a, b);
			});
			for (int n = 0; n < left; n++) {
				pence[order[n]]++;
				extra[order[n]] = true;
			}
		}
		return new Rounded(pence, extra);
	}

	/**
	 * Amounts in whole pence.
	 *
	 * @param pence each partnership's amount
	 * @param receivedPenny whether it was given one of the pennies left over
	 */
	record Rounded(long[] pence, boolean[] receivedPenny) {

	}

}
