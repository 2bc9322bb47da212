package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.calendar.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.monitoring.ReminderRule.Step.DUE_SOON;
import static uk.opcc.cspgrants.monitoring.ReminderRule.Step.DUE_TODAY;
import static uk.opcc.cspgrants.monitoring.ReminderRule.Step.ESCALATE;
import static uk.opcc.cspgrants.monitoring.ReminderRule.Step.HOLD;
import static uk.opcc.cspgrants.monitoring.ReminderRule.Step.OVERDUE;

/**
 * Which reminder on which working day, without Spring: England and Wales' bank holidays
 * of 2023 to 2025 from the GOV.UK file, 2024-25's first return due on Tuesday 30 July
 * 2024 and its second on Wednesday 30 October 2024, reminders 10 and 3 working days
 * before, the manager told after 5 and the payments held after 20 working days overdue.
 */
class ReminderRuleTest {

	static final WorkingDays WORKING_DAYS = new WorkingDays(List.of(LocalDate.of(2023, 5, 29),
			LocalDate.of(2023, 8, 28), LocalDate.of(2023, 12, 25), LocalDate.of(2023, 12, 26), LocalDate.of(2024, 1, 1),
			LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 27),
			LocalDate.of(2024, 8, 26), LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 26), LocalDate.of(2025, 1, 1),
			LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 26),
			LocalDate.of(2025, 8, 25)));

	static final FinancialYear YEAR = FinancialYear.parse("2024-25");

	final ReminderRule rule = new ReminderRule(WORKING_DAYS, new YearSettings.Reminders(List.of(3, 10), 5, 20));

	final LocalDate q1Due = LocalDate.of(2024, 7, 30);

	final LocalDate q2Due = LocalDate.of(2024, 10, 30);

	@Test
	void theDemoYearsDueDatesAreWorkingDaysAlreadyAndDoNotMove() {
		assertThat(List.of(Quarter.values())
			.stream()
			.map(quarter -> ReturnDueDates.dueDate(YEAR, quarter, 30, WORKING_DAYS))
			.toList()).containsExactly(this.q1Due, this.q2Due, LocalDate.of(2025, 1, 30), LocalDate.of(2025, 4, 30));
	}

	@Test
	void aDueDateOnAWeekendOrABankHolidayMovesToTheNextWorkingDay() {
		// 2023-24's first return, 30 days after 30 June 2023, would be due on Sunday 30
		// July
		assertThat(ReturnDueDates.dueDate(FinancialYear.parse("2023-24"), Quarter.Q1, 30, WORKING_DAYS))
			.isEqualTo(LocalDate.of(2023, 7, 31));
		// 56 days after 30 June 2025 is the summer bank holiday, Monday 25 August 2025
		assertThat(ReturnDueDates.dueDate(FinancialYear.parse("2025-26"), Quarter.Q1, 56, WORKING_DAYS))
			.isEqualTo(LocalDate.of(2025, 8, 26));
	}

	@Test
	void theTenDayReminderComesTenWorkingDaysBeforeAndNotADayEarlier() {
		assertThat(this.rule.on(LocalDate.of(2024, 7, 15), this.q1Due)).isEmpty();
		assertThat(this.rule.on(LocalDate.of(2024, 7, 16), this.q1Due))
			.containsExactly(new ReminderRule.Reminder(DUE_SOON, 10));
		assertThat(this.rule.on(LocalDate.of(2024, 7, 24), this.q1Due))
			.containsExactly(new ReminderRule.Reminder(DUE_SOON, 10));
	}

	@Test
	void theThreeDayReminderForThirtyOctoberComesOnFridayTwentyFifthOctober() {
		assertThat(this.rule.on(LocalDate.of(2024, 10, 24), this.q2Due))
			.containsExactly(new ReminderRule.Reminder(DUE_SOON, 10));
		assertThat(this.rule.on(LocalDate.of(2024, 10, 25), this.q2Due))
			.containsExactly(new ReminderRule.Reminder(DUE_SOON, 3));
		assertThat(this.rule.on(LocalDate.of(2024, 10, 26), this.q2Due)).as("a Saturday").isEmpty();
		assertThat(this.rule.on(LocalDate.of(2024, 10, 28), this.q2Due))
			.containsExactly(new ReminderRule.Reminder(DUE_SOON, 3));
	}

	@Test
	void onTheDayItIsDueTodayAndTheDayAfterOverdue() {
		assertThat(this.rule.on(this.q1Due, this.q1Due)).containsExactly(new ReminderRule.Reminder(DUE_TODAY, 0));
		assertThat(this.rule.on(LocalDate.of(2024, 7, 31), this.q1Due))
			.containsExactly(new ReminderRule.Reminder(OVERDUE, 1));
	}

	@Test
	void theManagerIsToldFiveWorkingDaysOverdue() {
		assertThat(this.rule.on(LocalDate.of(2024, 8, 5), this.q1Due))
			.containsExactly(new ReminderRule.Reminder(OVERDUE, 4));
		assertThat(this.rule.on(LocalDate.of(2024, 8, 6), this.q1Due))
			.containsExactly(new ReminderRule.Reminder(OVERDUE, 5), new ReminderRule.Reminder(ESCALATE, 5));
	}

	@Test
	void theHoldAfterTwentyWorkingDaysFallsOnWednesdayTwentyEighthAugustBecauseOfTheBankHoliday() {
		assertThat(this.rule.on(LocalDate.of(2024, 8, 26), this.q1Due)).as("the summer bank holiday").isEmpty();
		assertThat(this.rule.on(LocalDate.of(2024, 8, 27), this.q1Due)).extracting(ReminderRule.Reminder::step)
			.containsExactly(OVERDUE, ESCALATE);
		assertThat(this.rule.on(LocalDate.of(2024, 8, 28), this.q1Due)).containsExactly(
				new ReminderRule.Reminder(OVERDUE, 20), new ReminderRule.Reminder(ESCALATE, 20),
				new ReminderRule.Reminder(HOLD, 20));
	}

	@Test
	void theDefaultsAreTenAndThreeDaysBeforeTheManagerAfterFiveAndAHoldAfterFifteen() {
		YearSettings.Reminders defaults = YearSettings.defaultsFor(YEAR).reminders();
		assertThat(defaults.daysBefore()).containsExactly(10, 3);
		assertThat(defaults.daysBeforeText()).isEqualTo("10, 3");
		assertThat(defaults.escalateAfter()).isEqualTo(5);
		assertThat(defaults.holdAfter()).isEqualTo(15);
		// 15 working days after Tuesday 30 July 2024: Tuesday 20 August
		ReminderRule byDefault = new ReminderRule(WORKING_DAYS, defaults);
		assertThat(byDefault.on(LocalDate.of(2024, 8, 19), this.q1Due)).extracting(ReminderRule.Reminder::step)
			.doesNotContain(HOLD);
		assertThat(byDefault.on(LocalDate.of(2024, 8, 20), this.q1Due)).extracting(ReminderRule.Reminder::step)
			.contains(HOLD);
	}

}
