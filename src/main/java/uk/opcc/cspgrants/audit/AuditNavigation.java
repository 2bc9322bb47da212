package uk.opcc.cspgrants.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.NavigationEntry;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

	@Bean
	NavigationEntry auditTrailLink() {
		return NavigationEntry.of(910, "Audit trail", "/admin/audit", Role.ADMIN);
	}

}
