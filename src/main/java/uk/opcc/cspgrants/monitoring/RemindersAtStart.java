package uk.opcc.cspgrants.monitoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The reminder job once as soon as the application is ready (after the demo data is
 * loaded), not only at the next hour on the schedule: a node started at 9:05 tells people
 * of what is due that day at once, and the demo shows its reminders, escalation and
 * payment hold on the first start. Locked like the scheduled runs; off with the schedule
 * ({@code csp-grants.reminders.cron=-}).
 */
@Component
class RemindersAtStart {

	private final ReturnReminders reminders;

	private final boolean scheduled;

	RemindersAtStart(ReturnReminders reminders,
			@Value("${csp-grants.reminders.cron:0 0 7-18 * * MON-FRI}") String cron) {
		this.reminders = reminders;
		this.scheduled = !"-".equals(cron.strip());
	}

	@EventListener(ApplicationReadyEvent.class)
	void remindNow() {
		if (this.scheduled) {
			this.reminders.remindToday();
		}
	}

}
