package uk.opcc.cspgrants.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The people an audience names, found from the demo's users and partnerships. */
@IntegrationTest
class RecipientsTest {

	@Autowired
	Recipients recipients;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void findsPeopleByNameRoleAndPartnership() {
		assertThat(this.recipients.of(Audience.roles(Role.FINANCE)).stream().map(Recipient::username))
			.contains("finance")
			.doesNotContain("officer", "leicester.csp");
		assertThat(this.recipients.of(Audience.cspManagersOf("LEI")).stream().map(Recipient::name))
			.contains("Lee Leicester");
		assertThat(this.recipients.of(Audience.cspManagersOf("RUT")))
			.noneMatch(r -> r.username().equals("leicester.csp"));
		assertThat(this.recipients.of(Audience.users("COMMISSIONER").and(Audience.users("commissioner"))))
			.extracting(Recipient::name)
			.containsExactly("Chris Commissioner");
	}

	@Test
	void theOfficerResponsibleAndTheirManagerReplaceTheFallBacks() {
		// the demo: Olu Officer is responsible for the nine partnerships, Morgan Manager
		// is
		// Olu's manager
		assertThat(this.recipients.of(Audience.officerResponsibleFor("RUT")))
			.extracting(Recipient::username, Recipient::name, Recipient::email)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("officer", "Olu Officer", "olu.officer@opcc.example"));
		assertThat(this.recipients.of(Audience.managerOfOfficerResponsibleFor("RUT")))
			.extracting(Recipient::username, Recipient::name, Recipient::email)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("manager", "Morgan Manager", "morgan.manager@opcc.example"));
	}

	@Test
	@org.springframework.transaction.annotation.Transactional
	void anOfficerOrManagerWhoCanNoLongerSignInIsReplacedByTheFallBacks() {
		// rolled back at the end of the test
		this.jdbc.update("update app_user set enabled = false where username = 'manager'");
		assertThat(this.recipients.of(Audience.managerOfOfficerResponsibleFor("RUT")).stream().map(Recipient::username))
			.contains("admin")
			.doesNotContain("manager", "officer");
		this.jdbc.update("update app_user set enabled = true where username = 'manager'");
		this.jdbc.update("update app_user set enabled = false where username = 'officer'");
		assertThat(this.recipients.of(Audience.officerResponsibleFor("RUT")).stream().map(Recipient::username))
			.contains("manager")
			.doesNotContain("officer");
	}

	@Test
	@org.springframework.transaction.annotation.Transactional
	void withNobodyResponsibleEveryOfficerIsToldAndAdministratorsStandInForTheirManager() {
		// rolled back at the end of the test
		this.jdbc.update("update partnership set responsible_officer_id = null where code = 'RUT'");
		assertThat(this.recipients.of(Audience.officerResponsibleFor("RUT")).stream().map(Recipient::username))
			.contains("officer")
			.doesNotContain("finance", "admin");
		assertThat(this.recipients.of(Audience.managerOfOfficerResponsibleFor("RUT")).stream().map(Recipient::username))
			.contains("admin", "manager")
			.doesNotContain("officer");
		assertThat(this.recipients.of(Audience.officerResponsibleFor("RUT")).stream().map(Recipient::username))
			.contains("officer", "manager");
	}

}
