package uk.opcc.cspgrants.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class OrganisationReturnNavigation {

	/** A recipient contact's own grants, payments and returns. */
	@Bean
	NavigationEntry recipientReturnsLink() {
		return NavigationEntry.of(515, "Your returns", "/monitoring/organisations", Role.RECIPIENT);
	}

}
