package uk.opcc.cspgrants.rounds.applying;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An officer decides whether submitted applications are eligible: the service's checks
 * (two applications from one charity number, documents missing), a "yes" against a failed
 * check refused without reasons, a "no" checked then recorded and the applicant told with
 * the reasons, a decision from an older version refused keeping the choice, a "no"
 * changed to "yes" (the applicant told again), and nothing changed once the round is
 * assessed. On the shared demo database in 1990-91, applications written in SQL.
 */
@IntegrationTest
class EligibilityPagesTest {

	private static final String PAGE = "/rounds/ELIG-1990/applications/ELIG-1990-001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	private RequestPostProcessor officer;

	private long first;

	private long round;

	@BeforeEach
	void applications() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1990-91"));
		this.round = this.fixture.openRound("ELIG-1990", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(this.jdbc);
		this.first = this.fixture.submittedApplication(this.round, applicant, 1, "Westcotes Street Pastors", "1123456",
				new BigDecimal("2500.00"));
		this.fixture.submittedApplication(this.round, applicant, 2, "Street Pastors Westcotes", "1123456",
				new BigDecimal("4000.00"));
		this.officer = user(Principals.of("officer", this.jdbc));
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.jdbc);
	}

	@Test
	void theChecksAdviseAndANoIsCheckedRecordedAndToldThenChangedToAYes() throws Exception {
		this.mvc.perform(get(PAGE).with(this.officer))
			.andExpect(content().string(allOf(containsString("Not decided yet."),
					containsString("href=\"" + PAGE + "/eligibility\">Decide</a>"))));
		this.mvc.perform(get(PAGE + "/eligibility").with(this.officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Asks for £2,500.00"),
					containsString("Charity number 1123456: check it on the Charity Commission&#39;s register"),
					containsString("Missing: Governing document, Latest annual accounts, Safeguarding policy"),
					containsString("The same organisation also sent ELIG-1990-002"),
					containsString("Runs 1 April 1990 to 31 March 1991"))));
		this.mvc
			.perform(post(PAGE + "/eligibility").with(this.officer)
				.with(csrf())
				.param("eligible", "yes")
				.param("version", version()))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("Say why the application is eligible although a check failed"),
						containsString("value=\"yes\" checked=\"checked\""))));
		String reasons = "The constitution says it works only in Nottingham";
		String before = version();
		this.mvc
			.perform(post(PAGE + "/eligibility").with(this.officer)
				.with(csrf())
				.param("eligible", "no")
				.param("reasons", reasons)
				.param("version", before))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Check the decision before you record it"),
					containsString("id=\"decision\">Not eligible<"),
					containsString("The applicant is sent a message at once"))));
		assertThat(applicationStatus()).isEqualTo("SUBMITTED");
		this.mvc.perform(confirm("no", reasons, before)).andExpect(redirectedUrl(PAGE));
		assertThat(applicationStatus()).isEqualTo("INELIGIBLE");
		this.mvc.perform(confirm("no", reasons + " again", before))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("(found not eligible by Olu Officer)"),
					containsString(reasons + " again</textarea>"))));
		assertThat(notices("application-not-eligible")).isEqualTo(1);
		this.mvc
			.perform(get("/apply/applications/" + this.first)
				.with(user(Principals.of(ApplicantFixture.USERNAME, this.jdbc))))
			.andExpect(content().string(allOf(containsString("Not eligible"), containsString(reasons))));
		this.mvc.perform(get("/rounds/ELIG-1990/applications").with(this.officer))
			.andExpect(content()
				.string(allOf(containsString(">Not eligible<"), containsString(">Eligibility to decide<"))));
		this.mvc.perform(confirm("yes", null, version()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Say why the application is eligible although a check failed")));
		assertThat(applicationStatus()).isEqualTo("INELIGIBLE");
	}

	@Test
	void aNoChangedToAYesIsToldAndNothingChangesOnceTheRoundIsAssessed() throws Exception {
		this.mvc.perform(confirm("no", "Not a charity after all", version())).andExpect(redirectedUrl(PAGE));
		this.mvc.perform(confirm("yes", "It is a charity: registered last week", version()))
			.andExpect(redirectedUrl(PAGE));
		assertThat(applicationStatus()).isEqualTo("ELIGIBLE");
		assertThat(notices("application-eligible-after-all")).isEqualTo(1);
		this.mvc.perform(confirm("yes", "It is a charity: registered last week", version()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This application was already found eligible by Olu Officer")));
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		this.fixture.assessed(this.owner, this.round);
		this.mvc.perform(get(PAGE).with(this.officer))
			.andExpect(content().string(not(containsString("/eligibility\">"))));
		this.mvc.perform(confirm("no", "Changed my mind", version()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("is assessed: eligibility no longer changes")));
		assertThat(applicationStatus()).isEqualTo("ELIGIBLE");
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where entity_type = 'Application' " + "and entity_id = ? order by id",
				String.class, Long.toString(this.first)))
			.containsExactly("DECIDE_ELIGIBILITY", "DECIDE_ELIGIBILITY");
	}

	@Test
	void dueDiligenceIsRecordedOnAnEligibleApplicationThenChangedFromTheVersionRead() throws Exception {
		this.mvc.perform(get(PAGE + "/due-diligence").with(this.officer)).andExpect(redirectedUrl(PAGE));
		this.mvc.perform(confirm("yes", "Documents sent by post", version())).andExpect(redirectedUrl(PAGE));
		this.mvc.perform(get(PAGE).with(this.officer))
			.andExpect(content().string(allOf(containsString("Not recorded yet."),
					containsString("href=\"" + PAGE + "/due-diligence\">Record</a>"))));
		this.mvc
			.perform(post(PAGE + "/due-diligence").with(this.officer)
				.with(csrf())
				.param("registrationConfirmed", "yes")
				.param("accountsSatisfactory", "no"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#safeguardingSatisfactory\">Select yes or no"),
					containsString("href=\"#risk\">Select the overall risk"),
					containsString("id=\"accountsSatisfactory-no\" name=\"accountsSatisfactory\" type=\"radio\" "
							+ "value=\"no\" checked=\"checked\""))));
		this.mvc.perform(dueDiligence(null, "no", "MEDIUM", "Accounts show a deficit: paid in two parts"))
			.andExpect(redirectedUrl(PAGE));
		this.mvc.perform(get(PAGE).with(this.officer))
			.andExpect(content().string(allOf(containsString("id=\"risk\">Medium<"),
					containsString("Accounts show a deficit: paid in two parts"),
					containsString("By Olu Officer on"))));
		this.mvc.perform(dueDiligence(null, "yes", "LOW", "Second look, another tab"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("was saved by Olu Officer on"),
					containsString("Second look, another tab</textarea>"))));
		this.mvc.perform(dueDiligence("0", "yes", "LOW", null)).andExpect(redirectedUrl(PAGE));
		assertThat(this.jdbc.queryForObject("select risk || ' ' || accounts_satisfactory || ' ' || version "
				+ "from application_due_diligence where application_id = ?", String.class, this.first))
			.isEqualTo("LOW true 1");
		this.mvc.perform(confirm("no", "Works only in Nottingham", version())).andExpect(redirectedUrl(PAGE));
		this.mvc.perform(dueDiligence("1", "yes", "LOW", null))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(
					"Due diligence is recorded only on an eligible application: " + "ELIG-1990-001 is not eligible")));
	}

	private org.springframework.test.web.servlet.RequestBuilder dueDiligence(String version, String accounts,
			String risk, String notes) {
		var request = post(PAGE + "/due-diligence").with(this.officer)
			.with(csrf())
			.param("registrationConfirmed", "yes")
			.param("accountsSatisfactory", accounts)
			.param("safeguardingSatisfactory", "yes")
			.param("bankAccountVerified", "yes")
			.param("interestsChecked", "yes")
			.param("risk", risk);
		if (version != null) {
			request.param("version", version);
		}
		return (notes == null) ? request : request.param("notes", notes);
	}

	private org.springframework.test.web.servlet.RequestBuilder confirm(String eligible, String reasons,
			String version) {
		var request = post(PAGE + "/eligibility/confirm").with(this.officer)
			.with(csrf())
			.param("eligible", eligible)
			.param("version", version);
		return (reasons == null) ? request : request.param("reasons", reasons);
	}

	private String version() {
		return this.jdbc.queryForObject("select version::text from application where id = ?", String.class, this.first);
	}

	private String applicationStatus() {
		return this.jdbc.queryForObject("select status from application where id = ?", String.class, this.first);
	}

	private long notices(String template) {
		return this.jdbc.queryForObject("select count(*) from notification where template = ? and username = ?",
				Long.class, template, ApplicantFixture.USERNAME);
	}

}
