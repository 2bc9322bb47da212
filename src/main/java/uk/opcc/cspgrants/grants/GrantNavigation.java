package uk.opcc.cspgrants.grants;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class GrantNavigation {

	@Bean
	NavigationEntry grantsLink() {
		return NavigationEntry.of(400, "Grants", "/grants", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER, Role.CSP_MANAGER);
	}

}
