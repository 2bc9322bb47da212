package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts a {@link Sweep}'s breakpoints exactly, by value ({@code bound ÷ raw}), then
 * entering before leaving, then by partnership. A primitive sort on the {@code double}
 * approximations does the bulk; runs of breakpoints too close to tell apart that way are
 * then sorted exactly.
 */
final class EventOrder {

	private EventOrder() {
	}

	static int[] sort(Sweep sweep) {
		int count = sweep.eventCount();
		int idBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, count - 1)));
		Comparator<Integer> exact = exactOrder(sweep);
		if (idBits > 20) {
			// Too many to pack with enough precision left: sort exactly throughout.
			return Arrays.stream(ids(count)).boxed().sorted(exact).mapToInt(Integer::intValue).toArray();
		}
		long idMask = (1L << idBits) - 1;
		long[] packed = new long[count];
		for (int event = 0; event < count; event++) {
			long bits = Double.doubleToLongBits(sweep.eventAt(event));
			packed[event] = (bits & ~idMask) | event;
		}
		Arrays.sort(packed);
		Integer[] order = new Integer[count];
		for (int position = 0; position < count; position++) {
			order[position] = (int) (packed[position] & idMask);
		}
		int start = 0;
		for (int position = 1; position <= count; position++) {
			if (position == count
					|| Approx.compare(sweep.eventAt(order[position - 1]), sweep.eventAt(order[position])) < 0) {
				if (position - start > 1) {
					Arrays.sort(order, start, position, exact);
				}
				start = position;
			}
		}
		return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
	}

	private static int[] ids(int count) {
		int[] ids = new int[count];
		Arrays.setAll(ids, (i) -> i);
		return ids;
	}

	/** {@code a ÷ x} against {@code b ÷ y} by {@code a × y} against {@code b × x}. */
	private static Comparator<Integer> exactOrder(Sweep sweep) {
		return (first, second) -> {
			BigDecimal one = BigDecimal.valueOf(sweep.eventBound(first)).multiply(sweep.eventRaw(second));
			BigDecimal other = BigDecimal.valueOf(sweep.eventBound(second)).multiply(sweep.eventRaw(first));
			int byValue = one.compareTo(other);
			if (byValue != 0) {
				return byValue;
			}
			int byKind = Boolean.compare(!sweep.isEntering(first), !sweep.isEntering(second));
			return (byKind != 0) ? byKind : Integer.compare(sweep.eventArea(first), sweep.eventArea(second));
		};
	}

}
