package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.calendar.WorkingDays;

/**
 * Which reminders a return not yet received calls for on a day, counted in working days
 * (plain Java: no Spring, no database). Nothing is sent on a day that is not a working
 * day; on a working day, with the return due on {@code due}:
 * <ol>
 * <li>before the due date, the most pressing reminder whose number of working days has
 * been reached (with 10 and 3: from 10 working days before, "10"; from 3 before, "3"),
 * each sent once since its key carries the number: 3 working days before Wednesday 30
 * October 2024 is Friday 25 October;</li>
 * <li>on the due date, "due today";</li>
 * <li>after it, "overdue"; overdue by the escalation days or more, the officer's manager
 * is told; overdue by the hold days or more, the partnership's payments are held. With
 * the return due on Tuesday 30 July 2024 and a hold after 20 working days, the hold comes
 * on Wednesday 28 August, not Tuesday 27 August, because of the summer bank holiday on
 * Monday 26 August.</li>
 * </ol>
 * The job asks every working day, so a step reached on a day the job did not run is taken
 * on the next day it does; keys make each message once.
 */
final class ReminderRule {

	/** A step of the ladder. */
	enum Step {

		DUE_SOON, DUE_TODAY, OVERDUE, ESCALATE, HOLD

	}

	/**
	 * One step due on a day.
	 *
	 * @param step which
	 * @param days for {@link Step#DUE_SOON} the reminder's number of working days before
	 * the due date; for the others the working days overdue
	 */
	record Reminder(Step step, int days) {
	}

	private final WorkingDays workingDays;

	private final YearSettings.Reminders settings;

	ReminderRule(WorkingDays workingDays, YearSettings.Reminders settings) {
		this.workingDays = workingDays;
		this.settings = settings;
	}

	/**
	 * The steps a return due on {@code due} and not received calls for on {@code today}.
	 */
	List<Reminder> on(LocalDate today, LocalDate due) {
		List<Reminder> steps = new ArrayList<>();
		if (!this.workingDays.isWorkingDay(today)) {
			return steps;
		}
		int late = this.workingDays.between(due, today);
		if (late < 0) {
			int before = -late;
			this.settings.daysBefore()
				.stream()
				.filter(days -> before <= days)
				.min(Integer::compare)
				.ifPresent(days -> steps.add(new Reminder(Step.DUE_SOON, days)));
		}
		else if (late == 0) {
			steps.add(new Reminder(Step.DUE_TODAY, 0));
		}
		else {
			steps.add(new Reminder(Step.OVERDUE, late));
			if (late >= this.settings.escalateAfter()) {
				steps.add(new Reminder(Step.ESCALATE, late));
			}
			if (late >= this.settings.holdAfter()) {
				steps.add(new Reminder(Step.HOLD, late));
			}
		}
		return steps;
	}

}
