package uk.opcc.cspgrants.notifications;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node looks for messages to send every {@code csp-grants.notifications.send-every}
 * (30 seconds), one node at a time (ShedLock over PostgreSQL); each message is still
 * claimed row by row, so even two nodes sending at once send it once. Switched off with
 * {@code csp-grants.notifications.scheduled=false} (the tests call
 * {@link NotificationSender#sendDue()} themselves).
 */
@Component
@ConditionalOnBooleanProperty(name = "csp-grants.notifications.scheduled", matchIfMissing = true)
class SendingSchedule {

	private final NotificationSender sender;

	SendingSchedule(NotificationSender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${csp-grants.notifications.send-every:30s}",
			initialDelayString = "${csp-grants.notifications.send-every:30s}")
	@SchedulerLock(name = "notifications-sender")
	public void send() {
		this.sender.sendDue();
	}

}
