package uk.opcc.cspgrants.partnership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class PartnershipNavigation {

	@Bean
	NavigationEntry partnershipsLink() {
		return NavigationEntry.of(100, "Partnerships", "/partnerships", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER, Role.CSP_MANAGER);
	}

}
