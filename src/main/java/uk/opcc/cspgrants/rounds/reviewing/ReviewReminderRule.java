package uk.opcc.cspgrants.rounds.reviewing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Optional;

/**
 * When a reviewer is reminded of reviews they have not finished: once a week, from the
 * week in which the oldest of them has waited {@value #AFTER_DAYS} days since it was
 * given to them (or since their scores were returned to them). The reminder of a week is
 * named by the Monday that starts it, so reminding again later that week sends nothing
 * more. Plain Java.
 */
public final class ReviewReminderRule {

	/** How long a review waits before its reviewer is first reminded. */
	public static final int AFTER_DAYS = 7;

	private ReviewReminderRule() {
	}

	/**
	 * The Monday of the week whose reminder is due on {@code today}, or nothing when no
	 * review has waited long enough.
	 * @param waitingSince when each unfinished review was given to the reviewer (or
	 * returned to them)
	 */
	public static Optional<LocalDate> due(LocalDate today, Collection<LocalDate> waitingSince) {
		Optional<LocalDate> oldest = waitingSince.stream().min(LocalDate::compareTo);
		if (oldest.isEmpty() || ChronoUnit.DAYS.between(oldest.get(), today) < AFTER_DAYS) {
			return Optional.empty();
		}
		return Optional.of(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
	}

	/** How long the oldest review has waited, in days. */
	public static long longestWait(LocalDate today, Collection<LocalDate> waitingSince) {
		return waitingSince.stream().mapToLong(since -> ChronoUnit.DAYS.between(since, today)).max().orElse(0);
	}

}
