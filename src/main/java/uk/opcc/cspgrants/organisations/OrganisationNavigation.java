package uk.opcc.cspgrants.organisations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class OrganisationNavigation {

	@Bean
	NavigationEntry organisationsLink() {
		return NavigationEntry.of(450, "Organisations", "/organisations", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

}
