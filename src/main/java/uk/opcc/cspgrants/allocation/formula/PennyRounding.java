package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Rounds amounts to whole pence so that they still add up to the pot, by largest
 * remainder: every amount is rounded down to the penny, then the pennies left over go one
 * each to the amounts that lost the most, ties going to the earlier partnership code.
 * Remainders are ranked by their first 18 decimal places of a penny and, where those are
 * equal, exactly.
 */
final class PennyRounding {

	private static final long KEY_DIGITS = 1_000_000_000_000_000_000L;

	private static final int KEY_SCALE = 18;

	private static final BigInteger[] POWERS_OF_TEN = new BigInteger[128];

	static {
		for (int i = 0; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
		}
	}

	private PennyRounding() {
	}

	/**
	 * @param amountsPence the amounts in pence, none negative, indexed like the
	 * code-sorted areas; they add up to the pot (to within far less than a penny)
	 * @throws IllegalStateException if they do not
	 */
	static Rounded round(BigDecimal[] amountsPence, long potPence) {
		int count = amountsPence.length;
		long[] pence = new long[count];
		long[] keys = new long[count];
		long total = 0;
		for (int i = 0; i < count; i++) {
			split(amountsPence[i], pence, keys, i);
			total = Math.addExact(total, pence[i]);
		}
		long left = potPence - total;
		if (left < 0 || left > count) {
			throw new IllegalStateException("Rounded down, the amounts add up to " + FormulaMath.pounds(total)
					+ ", which is not within a penny each of the pot of " + FormulaMath.pounds(potPence));
		}
		boolean[] extra = new boolean[count];
		for (int i : largestRemainders(amountsPence, pence, keys, (int) left)) {
			pence[i]++;
			extra[i] = true;
		}
		return new Rounded(pence, extra);
	}

	/**
	 * The partnerships with the {@code wanted} largest remainders, ties to the earlier
	 * code (index). Finds the {@code wanted}-th largest key by a primitive sort, takes
	 * everyone above it, and ranks only those on it exactly.
	 */
	private static List<Integer> largestRemainders(BigDecimal[] amounts, long[] pence, long[] keys, int wanted) {
		List<Integer> chosen = new ArrayList<>(wanted);
		if (wanted == 0) {
			return chosen;
		}
		long[] sorted = keys.clone();
		Arrays.sort(sorted);
		long threshold = sorted[keys.length - wanted];
		List<Integer> onThreshold = new ArrayList<>();
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] > threshold) {
				chosen.add(i);
			}
			else if (keys[i] == threshold) {
				onThreshold.add(i);
			}
		}
		onThreshold.sort(Comparator.comparing((Integer i) -> remainder(amounts, pence, i)).reversed());
		chosen.addAll(onThreshold.subList(0, wanted - chosen.size()));
		return chosen;
	}

	/**
	 * Whole pence (rounded down) and the first 18 decimals of the remainder, from
	 * {@code floor(amount × 10^18)}.
	 */
	private static void split(BigDecimal amount, long[] pence, long[] keys, int i) {
		int scale = amount.scale();
		if (scale <= 0) {
			pence[i] = amount.longValueExact();
			return;
		}
		BigInteger unscaled = amount.unscaledValue();
		BigInteger scaledUp = (scale <= KEY_SCALE) ? unscaled.multiply(powerOfTen(KEY_SCALE - scale))
				: unscaled.divide(powerOfTen(scale - KEY_SCALE));
		if (scaledUp.bitLength() < 63) {
			long value = scaledUp.longValue();
			pence[i] = value / KEY_DIGITS;
			keys[i] = value % KEY_DIGITS;
		}
		else {
			BigInteger[] wholeAndRest = scaledUp.divideAndRemainder(powerOfTen(KEY_SCALE));
			pence[i] = wholeAndRest[0].longValueExact();
			keys[i] = wholeAndRest[1].longValue();
		}
	}

	private static BigDecimal remainder(BigDecimal[] amounts, long[] pence, int i) {
		return amounts[i].subtract(BigDecimal.valueOf(pence[i]));
	}

	private static BigInteger powerOfTen(int exponent) {
		return (exponent < POWERS_OF_TEN.length) ? POWERS_OF_TEN[exponent] : BigInteger.TEN.pow(exponent);
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
