package uk.opcc.cspgrants.decision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class DecisionNavigation {

	@Bean
	NavigationEntry decisionsLink() {
		return NavigationEntry.of(600, "Decisions", "/decisions", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

}
