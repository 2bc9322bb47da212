package uk.opcc.cspgrants.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.security.SignInMappings;
import uk.opcc.cspgrants.security.SignInMappings.MappingForm;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Sign-in mappings as an OPCC on Microsoft Entra ID would set them up (issue 17): one
 * security group per role of the OPCC's staff, an app role for the Monitoring Officer,
 * and Leicester's CSP managers' group; one older mapping switched off. The group names
 * are invented (Entra sends a group's object id; these read better in a demonstration).
 * Added once, to a database with no mappings; they give roles only where a provider is
 * set up (see the README).
 */
@Component
@Profile("demo")
@Order(11)
class SignInMappingsDemo implements ApplicationRunner {

	private final SignInMappings mappings;

	private final UserManagement users;

	SignInMappingsDemo(SignInMappings mappings, UserManagement users) {
		this.mappings = mappings;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mappings.all().isEmpty()) {
			return;
		}
		CurrentUser admin = this.users.principalOf("admin").orElse(null);
		if (admin == null) {
			return;
		}
		this.mappings.add(new MappingForm("groups", "CSP-Grants-Administrators", "ADMIN", null), admin);
		this.mappings.add(new MappingForm("groups", "CSP-Grants-Officers", "OFFICER", null), admin);
		this.mappings.add(new MappingForm("groups", "CSP-Grants-Finance", "FINANCE", null), admin);
		this.mappings.add(new MappingForm("roles", "CspGrants.MonitoringOfficer", "MONITORING_OFFICER", null), admin);
		this.mappings.add(new MappingForm("groups", "CSP-Grants-Commissioner", "COMMISSIONER", null), admin);
		this.mappings.add(new MappingForm("groups", "Leicester-CSP-Managers", "CSP_MANAGER", "LEI"), admin);
		SignInMappings.MappingView old = this.mappings
			.add(new MappingForm("groups", "OPCC-Finance-2019", "FINANCE", null), admin);
		this.mappings.switchTo(old.id(), false, old.version(), admin);
	}

}
