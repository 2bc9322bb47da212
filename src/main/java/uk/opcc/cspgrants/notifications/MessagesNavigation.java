package uk.opcc.cspgrants.notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

/**
 * Everyone's messages, and the administrator's page of every message. Neither link counts
 * anything: a count on every page would be a query on every page.
 */
@Configuration(proxyBeanMethods = false)
class MessagesNavigation {

	@Bean
	NavigationEntry yourMessagesLink() {
		return NavigationEntry.of(950, "Your messages", "/notifications", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER, Role.CSP_MANAGER);
	}

	@Bean
	NavigationEntry messagesSentLink() {
		return NavigationEntry.of(920, "Messages sent", "/admin/notifications", Role.ADMIN);
	}

}
