package uk.opcc.cspgrants.commissioning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class CommissioningNavigation {

	@Bean
	NavigationEntry commissioningLink() {
		return NavigationEntry.of(420, "Commissioning", "/commissioning", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

}
