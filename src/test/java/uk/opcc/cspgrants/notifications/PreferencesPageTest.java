package uk.opcc.cspgrants.notifications;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person's choice of how they are told: by e-mail or here only, one e-mail each or a
 * daily summary; saved against its version; every question answered; their address.
 */
@IntegrationTest
class PreferencesPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	private String keptEmail;

	@BeforeEach
	@AfterEach
	void putBack() {
		this.jdbc.update("delete from notification_preference where user_id = (select id from app_user "
				+ "where username = 'monitoring')");
		if (this.keptEmail != null) {
			String email = this.keptEmail;
			this.keptEmail = null;
			this.jdbc.update("update app_user set email = ? where username = 'monitoring'",
					"-".equals(email) ? null : email);
		}
	}

	@Test
	void withNoChoiceSavedAPersonIsToldByEmailOneEachAndTheirChoiceIsSaved() throws Exception {
		String page = page();
		assertThat(page).contains("How should we tell you?")
			.contains("How often?")
			.containsPattern("id=\"byEmail\" name=\"byEmail\" value=\"true\" checked")
			.containsPattern("id=\"dailyDigest\" name=\"dailyDigest\" value=\"false\" checked")
			.contains("name=\"version\" value=\"-1\"");

		save("false", "true", "-1").andExpect(redirectedUrl("/notifications/settings"));
		assertThat(this.jdbc.queryForMap("select by_email, daily_digest, version from notification_preference "
				+ "where user_id = (select id from app_user where username = 'monitoring')"))
			.containsEntry("by_email", false)
			.containsEntry("daily_digest", true)
			.containsEntry("version", 0L);
		assertThat(page()).containsPattern("id=\"byEmail-app\" name=\"byEmail\" value=\"false\" checked")
			.containsPattern("id=\"dailyDigest-daily\" name=\"dailyDigest\" value=\"true\" checked")
			.contains("name=\"version\" value=\"0\"");
		save("true", "true", "0").andExpect(redirectedUrl("/notifications/settings"));
	}

	@Test
	void aChoiceSavedMeanwhileIsAClashThatKeepsWhatWasChosen() throws Exception {
		save("true", "false", "-1").andExpect(redirectedUrl("/notifications/settings"));
		String clash = save("false", "true", "-1").andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(clash).contains("There is a problem")
			.contains("were changed in another window or by someone else")
			.containsPattern("id=\"byEmail-app\" name=\"byEmail\" value=\"false\" checked")
			.containsPattern("id=\"dailyDigest-daily\" name=\"dailyDigest\" value=\"true\" checked")
			.contains("Your choices as saved now:")
			.contains("name=\"version\" value=\"0\"");
	}

	@Test
	void bothQuestionsMustBeAnsweredAndAnAnswerGivenStaysChosen() throws Exception {
		String refused = this.mvc
			.perform(post("/notifications/settings").with(csrf())
				.with(user(Principals.of("monitoring", this.jdbc)))
				.param("byEmail", "false")
				.param("version", "-1"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("href=\"#dailyDigest\"")
			.contains("Select how often we should email you")
			.contains("govuk-form-group--error")
			.containsPattern("id=\"byEmail-app\" name=\"byEmail\" value=\"false\" checked");
		assertThat(this.jdbc.queryForObject("select count(*) from notification_preference where user_id = "
				+ "(select id from app_user where username = 'monitoring')", Integer.class))
			.isZero();
	}

	@Test
	void thePageSaysWhereEmailsGoOrThatThereIsNoAddress() throws Exception {
		String email = this.jdbc.queryForObject("select email from app_user where username = 'monitoring'",
				String.class);
		this.keptEmail = (email != null) ? email : "-";
		this.jdbc.update("update app_user set email = null where username = 'monitoring'");
		assertThat(page()).contains("We have no email address for you, so your messages are kept in CSP Grants only");
		this.jdbc.update("update app_user set email = 'mo.monitoring@example.org' where username = 'monitoring'");
		assertThat(page()).contains("We email you at <strong>mo.monitoring@example.org</strong>");
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/notifications/settings").with(user(Principals.of("monitoring", this.jdbc))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private org.springframework.test.web.servlet.ResultActions save(String byEmail, String dailyDigest, String version)
			throws Exception {
		return this.mvc.perform(post("/notifications/settings").with(csrf())
			.with(user(Principals.of("monitoring", this.jdbc)))
			.param("byEmail", byEmail)
			.param("dailyDigest", dailyDigest)
			.param("version", version));
	}

}
