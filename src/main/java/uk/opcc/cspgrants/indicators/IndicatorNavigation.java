package uk.opcc.cspgrants.indicators;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class IndicatorNavigation {

	@Bean
	NavigationEntry indicatorsLink() {
		return NavigationEntry.of(200, "Indicators", "/indicators", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

}
