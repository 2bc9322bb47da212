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
	void withNobodyResponsibleEveryOfficerIsToldAndAdministratorsStandInForTheirManager() {
		assertThat(this.recipients.of(Audience.officerResponsibleFor("RUT")).stream().map(Recipient::username))
			.contains("officer")
			.doesNotContain("finance", "admin");
		assertThat(this.recipients.of(Audience.managerOfOfficerResponsibleFor("RUT")).stream().map(Recipient::username))
			.contains("admin")
			.doesNotContain("officer");
	}

}
