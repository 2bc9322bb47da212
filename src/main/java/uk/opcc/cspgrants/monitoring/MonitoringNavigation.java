package uk.opcc.cspgrants.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class MonitoringNavigation {

	@Bean
	NavigationEntry monitoringLink() {
		return NavigationEntry.of(500, "Returns", "/monitoring", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

	/** A CSP manager's own returns: the dashboard of their partnership. */
	@Bean
	NavigationEntry yourReturnsLink() {
		return NavigationEntry.of(510, "Your returns", "/monitoring/returns", Role.CSP_MANAGER);
	}

	/** A CSP manager's own payments. */
	@Bean
	NavigationEntry yourPaymentsLink() {
		return NavigationEntry.of(520, "Your payments", "/monitoring/payments", Role.CSP_MANAGER);
	}

}
