package uk.opcc.cspgrants.rounds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class RoundsNavigation {

	@Bean
	NavigationEntry roundsLink() {
		return NavigationEntry.of(430, "Grant rounds", "/rounds", Role.ADMIN, Role.OFFICER, Role.FINANCE,
				Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

}
