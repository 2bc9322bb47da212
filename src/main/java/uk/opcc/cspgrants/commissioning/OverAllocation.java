package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Refuses a change of the schedule that would allocate more than the year has: for each
 * stream, its counted award lines plus the formula pots drawn on it may not go beyond the
 * stream's amount plus the schedule's tolerance; overall, every counted line plus every
 * pot may not go beyond the sum of the streams plus the tolerance. The limit is rounded
 * down to the penny. Only a change that adds to a stream (or to the whole) is refused, so
 * that reducing or removing a line is always possible. The message gives the figures.
 */
final class OverAllocation {

	private OverAllocation() {
	}

	/** The most a stream of this amount allows with this tolerance. */
	static Money limit(Money amount, BigDecimal tolerancePercent) {
		BigDecimal factor = BigDecimal.ONE.add(tolerancePercent.movePointLeft(2));
		return Money.of(amount.amount().multiply(factor).setScale(2, RoundingMode.DOWN));
	}

	/**
	 * @param field the field the refusal is shown on
	 * @param streams the year's streams
	 * @param pots the formula pots drawn on each stream, by stream id
	 * @param before what the counted lines took from each stream before the change
	 * @param after what they take after it
	 * @param tolerancePercent the schedule's tolerance
	 */
	static void check(String field, List<FundingStreamView> streams, Map<Long, Money> pots, Map<Long, Money> before,
			Map<Long, Money> after, BigDecimal tolerancePercent) {
		List<String> refusals = new ArrayList<>();
		Money allStreams = Money.ZERO;
		Money allPots = Money.ZERO;
		Money allBefore = Money.ZERO;
		Money allAfter = Money.ZERO;
		String tolerance = tolerancePercent.stripTrailingZeros().toPlainString() + "%";
		for (FundingStreamView stream : streams) {
			Money pot = pots.getOrDefault(stream.id(), Money.ZERO);
			Money was = before.getOrDefault(stream.id(), Money.ZERO);
			Money now = after.getOrDefault(stream.id(), Money.ZERO);
			allStreams = allStreams.plus(stream.amount());
			allPots = allPots.plus(pot);
			allBefore = allBefore.plus(was);
			allAfter = allAfter.plus(now);
			Money limit = limit(stream.amount(), tolerancePercent);
			Money allocated = now.plus(pot);
			if (now.isGreaterThan(was) && allocated.isGreaterThan(limit)) {
				refusals.add("This would allocate " + allocated.format() + " from " + stream.name() + " ("
						+ now.format() + " in award lines and " + pot.format() + " in formula pots) against its "
						+ stream.amount().format() + " with a tolerance of " + tolerance + " (at most " + limit.format()
						+ "): " + allocated.minus(limit).format() + " too much");
			}
		}
		Money limit = limit(allStreams, tolerancePercent);
		Money allocated = allAfter.plus(allPots);
		if (allAfter.isGreaterThan(allBefore) && allocated.isGreaterThan(limit)) {
			refusals.add("This would allocate " + allocated.format() + " in all (" + allAfter.format()
					+ " in award lines and " + allPots.format() + " in formula pots) against the year's streams of "
					+ allStreams.format() + " with a tolerance of " + tolerance + " (at most " + limit.format() + "): "
					+ allocated.minus(limit).format() + " too much");
		}
		if (!refusals.isEmpty()) {
			throw new ValidationException(field, String.join(". ", refusals));
		}
	}

}
