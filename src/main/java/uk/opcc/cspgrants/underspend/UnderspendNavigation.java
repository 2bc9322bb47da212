package uk.opcc.cspgrants.underspend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class UnderspendNavigation {

	@Bean
	NavigationEntry underspendLink() {
		return NavigationEntry.of(550, "Underspend", "/underspend", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.COMMISSIONER);
	}

	@Bean
	NavigationEntry redistributionsLink() {
		return NavigationEntry.of(560, "Redistributions", "/redistributions", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.COMMISSIONER);
	}

}
