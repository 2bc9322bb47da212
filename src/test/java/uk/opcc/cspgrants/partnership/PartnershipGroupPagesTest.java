package uk.opcc.cspgrants.partnership;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The partnership group pages and API on the demo data. */
@IntegrationTest
class PartnershipGroupPagesTest {

	private static final String PASSWORD = SignIn.DEMO_PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PartnershipGroupManagement groups;

	@Test
	void everyoneSignedInSeesTheDemoGroupReachedFromThePartnershipsPage() throws Exception {
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		this.mvc.perform(get("/partnerships").session(manager))
			.andExpect(content().string(containsString("href=\"/partnership-groups\"")));
		long id = this.groups.findByName("Leicestershire and Rutland districts").orElseThrow().id();
		this.mvc.perform(get("/partnership-groups").session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Leicestershire and Rutland districts"),
					not(containsString("Make a group")))));
		this.mvc.perform(get("/partnerships/LEI").session(manager))
			.andExpect(content().string(allOf(containsString("In the groups"), not(containsString("districts")))));
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/partnerships/MEL").session(officer))
			.andExpect(content().string(containsString("href=\"/partnership-groups/" + id + "\"")));
		this.mvc.perform(get("/partnership-groups/" + id).session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Hinckley &amp; Bosworth"), containsString("Rutland"),
					containsString("8 active partnerships"), not(containsString(">Leicester<")))));
	}

	@Test
	void aGroupRefusedOnItsFieldsKeepsWhatWasTyped() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/partnership-groups").session(officer)
				.with(csrf())
				.param("name", " ")
				.param("description", "Typed description kept"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("href=\"#name\">Enter the group&#39;s name"),
					containsString("href=\"#members\">Choose at least one partnership for the group"),
					containsString("Typed description kept"))));

		this.mvc
			.perform(post("/partnership-groups").session(officer)
				.with(csrf())
				.param("name", "Tampered group")
				.param("members", "not-a-partnership"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#members\">Choose partnerships from the list"),
					containsString("value=\"Tampered group\""))));

		long charnwood = partnershipId("CHA");
		this.mvc
			.perform(post("/partnership-groups").session(officer)
				.with(csrf())
				.param("name", "leicestershire AND rutland districts")
				.param("members", String.valueOf(charnwood)))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("href=\"#name\">A group called Leicestershire and Rutland districts already exists"),
					containsString("value=\"" + charnwood + "\" checked"))));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from partnership_group where lower(name) = 'leicestershire and rutland districts'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void anOfficerMakesChangesAndArchivesAGroupAfterACheckPage() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/partnership-groups").session(officer)
				.with(csrf())
				.param("name", "North and east")
				.param("description", "Pages test")
				.param("members", String.valueOf(partnershipId("CHA")), String.valueOf(partnershipId("MEL"))))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("success", "The group North and east has been made"));
		PartnershipGroupView made = this.groups.findByName("North and east").orElseThrow();
		assertThat(made.members()).extracting(PartnershipGroupView.Member::code).containsExactly("CHA", "MEL");

		this.mvc
			.perform(post("/partnership-groups/" + made.id()).session(officer)
				.with(csrf())
				.param("name", "North and east districts")
				.param("members", String.valueOf(partnershipId("CHA")), String.valueOf(partnershipId("NWL")))
				.param("version", String.valueOf(made.version())))
			.andExpect(status().isFound());
		// a second change from the same page, read before the first was saved
		this.mvc
			.perform(post("/partnership-groups/" + made.id()).session(officer)
				.with(csrf())
				.param("name", "My stale name")
				.param("members", String.valueOf(partnershipId("CHA")))
				.param("version", String.valueOf(made.version())))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("changed by someone else"), containsString("value=\"My stale name\""),
						containsString("The values saved now are"), containsString("North West Leicestershire"))));

		this.mvc.perform(get("/partnership-groups/" + made.id() + "/archive").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Archive North and east districts?")));
		long version = this.groups.get(made.id()).version();
		this.mvc
			.perform(post("/partnership-groups/" + made.id() + "/archive").session(officer)
				.with(csrf())
				.param("version", String.valueOf(version)))
			.andExpect(status().isFound());
		assertThat(this.groups.get(made.id()).active()).isFalse();
		this.mvc.perform(get("/allocations/runs/new").session(officer))
			.andExpect(content().string(not(containsString("North and east districts"))));
		this.mvc
			.perform(post("/partnership-groups/" + made.id() + "/archive").session(officer)
				.with(csrf())
				.param("version", String.valueOf(version)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("There is a problem")));
	}

	@Test
	void theApiMakesChangesWithTheVersionAndArchivesAGroup() throws Exception {
		this.mvc
			.perform(post("/api/v1/partnership-groups").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"API group\", \"members\": [\"BLA\", \"har\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.members.length()").value(2));
		long id = this.groups.findByName("API group").orElseThrow().id();
		this.mvc
			.perform(put("/api/v1/partnership-groups/" + id).with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"API group\", \"members\": [\"BLA\"], \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put("/api/v1/partnership-groups/" + id).with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"API group\", \"members\": [\"HAR\"], \"version\": 0}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/v1/partnership-groups").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Gotham\", \"members\": [\"BLA\", \"GOT\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.members").value("There is no partnership with the code GOT"));
		this.mvc
			.perform(post("/api/v1/partnership-groups").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"\", \"members\": []}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Enter the group's name"),
					containsString("Choose at least one partnership"))));
		this.mvc
			.perform(post("/api/v1/partnership-groups/" + id + "/archive").with(httpBasic("finance", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 1}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/partnership-groups/" + id + "/archive").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		this.mvc.perform(get("/api/v1/partnership-groups").with(httpBasic("leicester.csp", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("API group"))));
		this.mvc
			.perform(get("/api/v1/partnership-groups?includeArchived=true").with(httpBasic("leicester.csp", PASSWORD)))
			.andExpect(content().string(containsString("API group")));
	}

	private long partnershipId(String code) {
		return this.jdbc.queryForObject("select id from partnership where code = ?", Long.class, code);
	}

}
