package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Applies the floor and damping: finds the one scale {@code s ≥ 0} for which
 * {@code Σ clamp(raw × s, lower, upper) = pot}, and clamps every partnership with it.
 *
 * <p>
 * This is exactly where "the others pay in proportion, again and again until every limit
 * holds" ends up, found directly rather than by iterating or searching. The sum is a
 * non-decreasing, piecewise linear function {@code f(s)}: a partnership sits at its lower
 * bound until {@code s = lower ÷ raw} (where it <em>enters</em>), follows
 * {@code raw × s}, and sits at its upper bound from {@code s = upper ÷ raw} (where it
 * <em>leaves</em>). With the breakpoints sorted, on the segment between two of them
 * {@code f(s) = C + s × R}, where {@code C} is the sum of the bounds held and {@code R}
 * the sum of the raw amounts following {@code s}; in the segment where {@code f} reaches
 * the pot, {@code s = (pot − C) ÷ R}, the one division to 40 significant digits.
 *
 * <p>
 * Everything that decides the segment is exact: breakpoints are compared by
 * cross-multiplying ({@code a ÷ x < b ÷ y} iff {@code a × y < b × x}) and {@code f} at a
 * breakpoint is compared with the pot the same way. {@code double} approximations are
 * used only to sort quickly and to guess the segment; near-ties are sorted exactly and
 * the guess is checked and moved exactly. {@code O(n log n)}.
 */
final class ScaleSolver {

	/**
	 * A scale this close to 1 is 1: when the floor lifts and the caps trim exactly the
	 * same, the difference is the rounding of the raw amounts to 40 significant digits,
	 * not a limit.
	 */
	static final BigDecimal NOISE = new BigDecimal("1e-30");

	private ScaleSolver() {
	}

	/**
	 * The amounts after the limits, in pence (unrounded), and the limit that set each.
	 * @param rawPence the formula amounts; they add up to the pot (to 40 digits)
	 * @param bounds the limits; together they must leave room for the pot
	 */
	static Adjusted solve(BigDecimal[] rawPence, Bounds bounds, long potPence) {
		if (bounds.unlimited()) {
			return unchanged(rawPence);
		}
		double[] approx = new double[rawPence.length];
		for (int i = 0; i < approx.length; i++) {
			approx[i] = Approx.of(rawPence[i]);
		}
		if (withinBounds(rawPence, approx, bounds)) {
			return unchanged(rawPence);
		}
		return new Sweep(rawPence, approx, bounds, potPence).solve();
	}

	private static Adjusted unchanged(BigDecimal[] rawPence) {
		Limit[] limits = new Limit[rawPence.length];
		Arrays.fill(limits, Limit.NONE);
		return new Adjusted(rawPence.clone(), limits, BigDecimal.ONE);
	}

	/** Whether every raw amount already keeps its limits: then nobody is moved. */
	private static boolean withinBounds(BigDecimal[] rawPence, double[] approx, Bounds bounds) {
		for (int i = 0; i < rawPence.length; i++) {
			long lower = bounds.lower()[i];
			long upper = bounds.upper()[i];
			if (lower > 0 && compare(rawPence[i], approx[i], lower) < 0) {
				return false;
			}
			if (upper != Damping.NO_UPPER && compare(rawPence[i], approx[i], upper) > 0) {
				return false;
			}
		}
		return true;
	}

	private static int compare(BigDecimal value, double approx, long pence) {
		int quick = Approx.compare(approx, pence);
		return (quick != 0) ? quick : value.compareTo(BigDecimal.valueOf(pence));
	}

	/**
	 * The amounts after the limits.
	 *
	 * @param amountsPence each partnership's amount, in pence (unrounded)
	 * @param limits the limit that set each amount
	 * @param scale the common scale {@code s}
	 */
	record Adjusted(BigDecimal[] amountsPence, Limit[] limits, BigDecimal scale) {

	}

}
