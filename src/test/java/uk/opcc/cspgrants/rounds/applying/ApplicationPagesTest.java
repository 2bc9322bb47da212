package uk.opcc.cspgrants.rounds.applying;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An applicant's application on the pages: started once per press of Start, its task
 * list, each task refused with messages on its fields and what was typed kept, saved, and
 * a change from an older version refused; another applicant finds none of it, staff get
 * 403. On the shared demo database in 1994-95 (a year no other test uses), with a round
 * opened in SQL closing in thirty days.
 */
@IntegrationTest
class ApplicationPagesTest {

	private static final String OTHER = "applicant.other";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	private RequestPostProcessor applicant;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1994-95"));
		this.fixture.openRound("APPLY-1994", Instant.now().plus(Duration.ofDays(30)));
		ApplicantFixture.make(this.jdbc);
		this.applicant = user(Principals.of(ApplicantFixture.USERNAME, this.jdbc));
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.jdbc);
		ApplicantFixture.removeApplicants(this.jdbc, "email = 'other@applicants.example'");
	}

	@Test
	void startingTwiceWithOneKeyStartsOneApplicationWithFiveTasksToDo() throws Exception {
		this.mvc.perform(get("/apply/rounds/APPLY-1994/start").with(this.applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">Start your application</button>"),
					containsString("the amount you are asking for (£500.00 to £5,000.00)"))));
		long id = start(UUID.randomUUID());
		String key = this.jdbc.queryForObject("select start_key::text from application where id = ?", String.class, id);
		this.mvc
			.perform(post("/apply/rounds/APPLY-1994/start").with(this.applicant).with(csrf()).param("startKey", key))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("You pressed Start more than once"), containsString("href=\"/apply\""))));
		assertThat(this.jdbc.queryForObject("select count(*) from application where applicant_user_id = "
				+ "(select id from app_user where username = ?)", Long.class, ApplicantFixture.USERNAME))
			.isEqualTo(1);
		this.mvc.perform(get("/apply/applications/" + id).with(this.applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("You have completed 0 of 5 sections."), containsString("Your organisation"),
							containsString("Funding and budget"), containsString("Not yet started"))));
		this.mvc.perform(get("/apply").with(this.applicant))
			.andExpect(content().string(allOf(containsString("href=\"/apply/applications/" + id + "\""),
					containsString("Small grants APPLY-1994, Draft, 0 of 5 sections completed"))));
	}

	@Test
	void eachTaskIsRefusedOnItsFieldsWithWhatWasTypedKeptThenSaved() throws Exception {
		long id = start(UUID.randomUUID());
		this.mvc
			.perform(post("/apply/applications/" + id + "/organisation").with(this.applicant)
				.with(csrf())
				.param("name", "Westcotes Street Pastors")
				.param("type", "CHARITY")
				.param("address", "Westcotes, Leicester LE3 0QE")
				.param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#charityNumber\""),
					containsString("Enter your charity number"), containsString("value=\"Westcotes Street Pastors\""),
					containsString("Westcotes, Leicester LE3 0QE</textarea>"))));
		this.mvc
			.perform(post("/apply/applications/" + id + "/organisation").with(this.applicant)
				.with(csrf())
				.param("name", "Westcotes Street Pastors")
				.param("type", "CHARITY")
				.param("charityNumber", "1 123 456")
				.param("address", "Westcotes, Leicester LE3 0QE")
				.param("version", "0"))
			.andExpect(status().isFound());
		this.mvc
			.perform(post("/apply/applications/" + id + "/funding").with(this.applicant)
				.with(csrf())
				.param("amount", "2,500")
				.param("item-1", "Radios and first aid kits")
				.param("amount-1", "1,000")
				.param("item-2", "Volunteer training")
				.param("amount-2", "1,499.99")
				.param("version", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(
					containsString("The budget lines add up to £2,499.99: they must add up to the amount you are "
							+ "asking for, £2,500.00"),
					containsString("value=\"1,499.99\""), containsString("value=\"Volunteer training\""))));
		this.mvc
			.perform(post("/apply/applications/" + id + "/funding").with(this.applicant)
				.with(csrf())
				.param("amount", "2,500")
				.param("item-1", "Radios and first aid kits")
				.param("amount-1", "1,000")
				.param("item-2", "Volunteer training")
				.param("amount-2", "1,500")
				.param("version", "1"))
			.andExpect(status().isFound());
		assertThat(this.jdbc.queryForList("select item || ' ' || amount from application_budget_line "
				+ "where application_id = ? order by position", String.class, id))
			.containsExactly("Radios and first aid kits 1000.00", "Volunteer training 1500.00");
		assertThat(this.jdbc.queryForObject("select charity_number from application where id = ?", String.class, id))
			.isEqualTo("1123456");
		this.mvc.perform(get("/apply/applications/" + id).with(this.applicant))
			.andExpect(content().string(containsString("You have completed 2 of 5 sections.")));
		this.mvc
			.perform(post("/apply/applications/" + id + "/contact").with(this.applicant)
				.with(csrf())
				.param("name", "Sam Smith")
				.param("email", "sam@westcotes.example")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("This application was changed in another window"),
					containsString("value=\"Sam Smith\""), containsString("name=\"version\" value=\"2\""))));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'Application' and entity_id = ?", Long.class,
				Long.toString(id)))
			.isEqualTo(3);
	}

	@Test
	void anotherApplicantFindsNothingAndStaffAreRefused() throws Exception {
		long id = start(UUID.randomUUID());
		long other = this.jdbc.queryForObject("insert into app_user (username, display_name, password_hash, enabled, "
				+ "email, created_at, updated_at) values (?, 'other@applicants.example', '{bcrypt}$2a$10$unusableunusab"
				+ "leunusableunusableunusableunusableunusa', true, 'other@applicants.example', now(), now()) "
				+ "returning id", Long.class, OTHER);
		this.jdbc.update("insert into app_user_role (user_id, role) values (?, 'APPLICANT')", other);
		this.jdbc.update("insert into applicant_account (user_id, email, created_at) values (?, ?, now())", other,
				"other@applicants.example");
		RequestPostProcessor stranger = user(Principals.of(OTHER, this.jdbc));
		for (String task : new String[] { "", "/organisation", "/contact", "/project", "/funding", "/outcomes" }) {
			this.mvc.perform(get("/apply/applications/" + id + task).with(stranger))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("Small grants APPLY-1994"))));
		}
		this.mvc
			.perform(post("/apply/applications/" + id + "/outcomes").with(stranger)
				.with(csrf())
				.param("outcomes", "Mine now")
				.param("version", "0"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/apply").with(stranger))
			.andExpect(content().string(containsString("You have not started an application")));
		this.mvc.perform(get("/apply/applications/" + id).with(user(Principals.of("officer", this.jdbc))))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select outcomes from application where id = ?", String.class, id))
			.isNull();
	}

	@Test
	void aRoundPastItsClosingTimeStartsNothingAndASubmittedApplicationDoesNotChange() throws Exception {
		long id = start(UUID.randomUUID());
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() "
				+ "where reference = 'APPLY-1994'");
		this.mvc
			.perform(post("/apply/rounds/APPLY-1994/start").with(this.applicant)
				.with(csrf())
				.param("startKey", UUID.randomUUID().toString()))
			.andExpect(status().isConflict())
			.andExpect(
					content().string(containsString("Small grants APPLY-1994 is not taking applications: it closed")));
		this.jdbc.update("update application set status = 'SUBMITTED' where id = ?", id);
		this.mvc
			.perform(post("/apply/applications/" + id + "/outcomes").with(this.applicant)
				.with(csrf())
				.param("outcomes", "Fewer call-outs on Friday nights")
				.param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("This application is submitted: its answers no longer " + "change"),
						containsString("Fewer call-outs on Friday nights</textarea>"))));
	}

	private long start(UUID key) throws Exception {
		MvcResult started = this.mvc
			.perform(post("/apply/rounds/APPLY-1994/start").with(this.applicant)
				.with(csrf())
				.param("startKey", key.toString()))
			.andExpect(status().isFound())
			.andReturn();
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/apply/applications/");
		return Long.parseLong(location.substring("/apply/applications/".length()));
	}

}
