package uk.opcc.cspgrants.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class SecurityNavigation {

	@Bean
	NavigationEntry usersLink() {
		return NavigationEntry.of(900, "Users", "/admin/users", Role.ADMIN);
	}

}
