package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the floor and damping: finds the one scale {@code s ≥ 0} for which
 * {@code Σ clamp(raw × s, lower, upper) = pot}, and clamps every partnership with it.
 *
 * <p>
 * This is exactly where "the others pay in proportion, again and again until every limit
 * holds" ends up, found directly. The sum is a non-decreasing, piecewise linear function
 * of {@code s}: a partnership sits at its lower bound until {@code s = lower ÷ raw},
 * follows {@code raw × s} until {@code s = upper ÷ raw}, then sits at its upper bound.
 * Sorting those breakpoints and walking up them, keeping the sum of the bounds held
 * ({@code C}) and of the raw amounts that follow {@code s} ({@code R}), finds the segment
 * where the sum reaches the pot; there {@code s = (pot − C) ÷ R}. That is
 * {@code O(n log n)} for the sort and one division. If the sum is flat at the pot over a
 * range (everyone held at a bound), the {@code s} nearest 1 is taken; the amounts are the
 * same anywhere in the range.
 */
final class ScaleSolver {

	/**
	 * A scale this close to 1 is 1: the difference is rounding at 40 significant digits,
	 * not a limit.
	 */
	private static final BigDecimal NOISE = new BigDecimal("1e-25");

	private ScaleSolver() {
	}

	/**
	 * The amounts after the limits, in pence (unrounded), and the limit that set each.
	 * @param rawPence the formula amounts
	 * @param bounds the limits; together they must leave room for the pot
	 */
	static Adjusted solve(BigDecimal[] rawPence, Bounds bounds, long potPence) {
		if (withinBounds(rawPence, bounds)) {
			Limit[] limits = new Limit[rawPence.length];
			Arrays.fill(limits, Limit.NONE);
			return new Adjusted(rawPence.clone(), limits, BigDecimal.ONE);
		}
		BigDecimal scale = scale(rawPence, bounds, potPence);
		if (scale.subtract(BigDecimal.ONE).abs().compareTo(NOISE) <= 0) {
			scale = BigDecimal.ONE;
		}
		return clamp(rawPence, bounds, scale);
	}

	/** Whether every raw amount already keeps its limits: then nobody is moved. */
	private static boolean withinBounds(BigDecimal[] rawPence, Bounds bounds) {
		for (int i = 0; i < rawPence.length; i++) {
			if (rawPence[i].compareTo(BigDecimal.valueOf(bounds.lower()[i])) < 0
					|| (bounds.upper()[i] != Damping.NO_UPPER
							&& rawPence[i].compareTo(BigDecimal.valueOf(bounds.upper()[i])) > 0)) {
				return false;
			}
		}
		return true;
	}

	private static Adjusted clamp(BigDecimal[] rawPence, Bounds bounds, BigDecimal scale) {
		boolean scaled = scale.compareTo(BigDecimal.ONE) != 0;
		BigDecimal[] amounts = new BigDecimal[rawPence.length];
		Limit[] limits = new Limit[rawPence.length];
		for (int i = 0; i < rawPence.length; i++) {
			BigDecimal target = scaled ? rawPence[i].multiply(scale, FormulaMath.CONTEXT) : rawPence[i];
			long upper = bounds.upper()[i];
			if (target.compareTo(BigDecimal.valueOf(bounds.lower()[i])) < 0) {
				amounts[i] = BigDecimal.valueOf(bounds.lower()[i]);
				limits[i] = bounds.floorBinds()[i] ? Limit.FLOOR : Limit.MAX_DECREASE;
			}
			else if (upper != Damping.NO_UPPER && target.compareTo(BigDecimal.valueOf(upper)) > 0) {
				amounts[i] = BigDecimal.valueOf(upper);
				limits[i] = Limit.MAX_INCREASE;
			}
			else {
				amounts[i] = target;
				limits[i] = (scaled && rawPence[i].signum() > 0) ? Limit.SCALED : Limit.NONE;
			}
		}
		return new Adjusted(amounts, limits, scale);
	}

	/** The scale that makes the clamped amounts add up to the pot. */
	private static BigDecimal scale(BigDecimal[] rawPence, Bounds bounds, long potPence) {
		BigDecimal held = BigDecimal.ZERO;
		BigDecimal following = BigDecimal.ZERO;
		List<Breakpoint> breakpoints = new ArrayList<>();
		for (int i = 0; i < rawPence.length; i++) {
			BigDecimal raw = rawPence[i];
			long lower = bounds.lower()[i];
			long upper = bounds.upper()[i];
			if (raw.signum() == 0) {
				held = held.add(BigDecimal.valueOf(lower));
				continue;
			}
			if (lower == 0) {
				following = following.add(raw);
			}
			else {
				held = held.add(BigDecimal.valueOf(lower));
				breakpoints.add(new Breakpoint(BigDecimal.valueOf(lower).divide(raw, FormulaMath.CONTEXT), i, true));
			}
			if (upper != Damping.NO_UPPER) {
				breakpoints.add(new Breakpoint(BigDecimal.valueOf(upper).divide(raw, FormulaMath.CONTEXT), i, false));
			}
		}
		breakpoints.sort(Comparator.comparing(Breakpoint::scale));
		BigDecimal pot = BigDecimal.valueOf(potPence);
		BigDecimal start = BigDecimal.ZERO;
		BigDecimal flatFrom = null;
		int next = 0;
		while (true) {
			BigDecimal end = (next < breakpoints.size()) ? breakpoints.get(next).scale() : null;
			if (following.signum() > 0) {
				if (flatFrom != null) {
					return nearestOne(flatFrom, start);
				}
				BigDecimal scale = pot.subtract(held).divide(following, FormulaMath.CONTEXT);
				if (end == null || scale.compareTo(end) <= 0) {
					return scale.max(start);
				}
			}
			else {
				int comparison = held.compareTo(pot);
				if (comparison > 0) {
					return (flatFrom != null) ? nearestOne(flatFrom, start) : start;
				}
				if (comparison == 0 && flatFrom == null) {
					flatFrom = start;
				}
				if (end == null) {
					if (flatFrom != null) {
						return nearestOne(flatFrom, null);
					}
					throw new IllegalStateException("The limits leave part of the pot unpaid");
				}
			}
			while (next < breakpoints.size() && breakpoints.get(next).scale().compareTo(end) == 0) {
				Breakpoint breakpoint = breakpoints.get(next++);
				BigDecimal raw = rawPence[breakpoint.area()];
				if (breakpoint.entering()) {
					held = held.subtract(BigDecimal.valueOf(bounds.lower()[breakpoint.area()]));
					following = following.add(raw);
				}
				else {
					following = following.subtract(raw);
					held = held.add(BigDecimal.valueOf(bounds.upper()[breakpoint.area()]));
				}
			}
			start = end;
		}
	}

	/**
	 * The scale in {@code [from, to]} nearest 1; {@code to} may be {@code null} for ∞.
	 */
	private static BigDecimal nearestOne(BigDecimal from, BigDecimal to) {
		if (BigDecimal.ONE.compareTo(from) < 0) {
			return from;
		}
		if (to != null && BigDecimal.ONE.compareTo(to) > 0) {
			return to;
		}
		return BigDecimal.ONE;
	}

	/**
	 * Where one partnership starts or stops following the scale.
	 *
	 * @param scale the value of {@code s} at which it happens
	 * @param area the partnership's index
	 * @param entering {@code true} when it leaves its lower bound, {@code false} when it
	 * reaches its upper bound
	 */
	private record Breakpoint(BigDecimal scale, int area, boolean entering) {

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
