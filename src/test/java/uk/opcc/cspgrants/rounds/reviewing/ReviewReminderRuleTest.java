package uk.opcc.cspgrants.rounds.reviewing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a reviewer is reminded, worked on a calendar: 3 December 2026 is a Thursday. */
class ReviewReminderRuleTest {

	private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

	@Test
	void aReviewGivenSixDaysAgoWaitsAndOneGivenSevenDaysAgoIsChasedInTheWeekOfMonday30November() {
		assertThat(ReviewReminderRule.due(THURSDAY, List.of(LocalDate.of(2026, 11, 27)))).isEmpty();
		assertThat(ReviewReminderRule.due(THURSDAY, List.of(LocalDate.of(2026, 11, 26))))
			.isEqualTo(Optional.of(LocalDate.of(2026, 11, 30)));
	}

	@Test
	void theOldestReviewDecidesAndEveryDayOfAWeekNamesTheSameReminder() {
		List<LocalDate> given = List.of(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 11, 16));
		assertThat(ReviewReminderRule.due(LocalDate.of(2026, 11, 30), given))
			.isEqualTo(Optional.of(LocalDate.of(2026, 11, 30)));
		assertThat(ReviewReminderRule.due(LocalDate.of(2026, 12, 6), given))
			.isEqualTo(Optional.of(LocalDate.of(2026, 11, 30)));
		assertThat(ReviewReminderRule.due(LocalDate.of(2026, 12, 7), given))
			.isEqualTo(Optional.of(LocalDate.of(2026, 12, 7)));
		assertThat(ReviewReminderRule.longestWait(THURSDAY, given)).isEqualTo(17);
	}

	@Test
	void noReviewsNoReminder() {
		assertThat(ReviewReminderRule.due(THURSDAY, List.of())).isEmpty();
	}

}
