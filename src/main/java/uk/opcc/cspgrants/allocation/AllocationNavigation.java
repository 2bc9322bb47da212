package uk.opcc.cspgrants.allocation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class AllocationNavigation {

	@Bean
	NavigationEntry allocationsLink() {
		return NavigationEntry.of(300, "Allocations", "/allocations", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

	@Bean
	NavigationEntry yourAllocationsLink() {
		return NavigationEntry.of(300, "Your allocations", "/allocations/mine", Role.CSP_MANAGER);
	}

}
