package uk.opcc.cspgrants.rounds.applying;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.security.HostileTextEverywhereTest;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.TestDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

	@Autowired
	ApplicationRepository repository;

	@Autowired
	BusinessCasePartnerships partnerships;

	@Autowired
	Rounds rounds;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

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
					allOf(containsString("You have completed 0 of 6 sections."), containsString("Your organisation"),
							containsString("Funding and budget"), containsString("Not yet started"))));
		this.mvc.perform(get("/apply").with(this.applicant))
			.andExpect(content().string(allOf(containsString("href=\"/apply/applications/" + id + "\""),
					containsString("Small grants APPLY-1994, Draft, 0 of 6 sections completed"))));
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
			.andExpect(content().string(containsString("You have completed 2 of 6 sections.")));
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
		ApplicantFixture.make(this.jdbc, OTHER, "other@applicants.example");
		RequestPostProcessor stranger = user(Principals.of(OTHER, this.jdbc));
		for (String task : new String[] { "", "/organisation", "/contact", "/project", "/funding", "/outcomes",
				"/documents" }) {
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
		this.jdbc.update("update application set status = 'SUBMITTED', number = 1, reference = 'APPLY-1994-001', "
				+ "submitted_at = now(), submitted_by = 'test' where id = ?", id);
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() "
				+ "where reference = 'APPLY-1994'");
		this.mvc
			.perform(post("/apply/rounds/APPLY-1994/start").with(this.applicant)
				.with(csrf())
				.param("startKey", UUID.randomUUID().toString()))
			.andExpect(status().isConflict())
			.andExpect(
					content().string(containsString("Small grants APPLY-1994 is not taking applications: it closed")));
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

	@Test
	void aCompleteApplicationIsCheckedThenSubmittedOnceUnderTheRoundsNextNumber() throws Exception {
		long id = start(UUID.randomUUID());
		this.mvc.perform(
				post("/apply/applications/" + id + "/submit").with(this.applicant).with(csrf()).param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Complete every section before you submit: Your organisation, "
					+ "Contact details, Your project, Funding and budget, Outcomes, Supporting documents")));
		complete(id);
		this.mvc.perform(get("/apply/applications/" + id).with(this.applicant))
			.andExpect(content().string(allOf(containsString("You have completed 6 of 6 sections."),
					containsString(">Check your answers and submit<"))));
		this.mvc.perform(get("/apply/applications/" + id + "/check").with(this.applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Westcotes Street Pastors"),
					containsString("Reoffending and Offending"), containsString("id=\"asking-for\">£2,500.00<"),
					containsString(">Submit your application</button>"))));
		this.mvc.perform(
				post("/apply/applications/" + id + "/submit").with(this.applicant).with(csrf()).param("version", "8"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/apply/applications/" + id + "/submitted"));
		this.mvc.perform(get("/apply/applications/" + id + "/submitted").with(this.applicant))
			.andExpect(content().string(allOf(containsString("Application submitted"),
					containsString("id=\"reference\">APPLY-1994-001<"))));
		this.mvc.perform(
				post("/apply/applications/" + id + "/submit").with(this.applicant).with(csrf()).param("version", "9"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This application is submitted")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where template = 'application-received' " + "and username = ?",
				Long.class, ApplicantFixture.USERNAME))
			.isEqualTo(1);
		this.mvc.perform(get("/apply/applications/" + id).with(this.applicant))
			.andExpect(content().string(allOf(containsString("Reference APPLY-1994-001, submitted on"),
					not(containsString("Check your answers and submit")))));
		this.mvc.perform(get("/rounds/APPLY-1994/applications").with(user(Principals.of("officer", this.jdbc))))
			.andExpect(content().string(allOf(containsString("1 submitted; 0 being written"),
					containsString("id=\"total-asked\"><strong>£2,500.00</strong>"),
					containsString("href=\"/rounds/APPLY-1994/applications/APPLY-1994-001\""),
					containsString("£2,500.00"))));
		this.mvc
			.perform(get("/rounds/APPLY-1994/applications/apply-1994-001")
				.with(user(Principals.of("officer", this.jdbc))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Radios and first aid kits")));
		this.mvc.perform(get("/rounds/APPLY-1994/applications").with(user(Principals.of("finance", this.jdbc))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anApplicationSubmittedAfterTheClosingTimeIsRefusedSayingWhen() throws Exception {
		long id = start(UUID.randomUUID());
		complete(id);
		Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(31));
		ApplicationManagement afterClosing = new ApplicationManagement(this.repository, this.rounds, this.auditTrail,
				this.jdbcClient, this.events, later, this.partnerships);
		CurrentUser who = Principals.of(ApplicantFixture.USERNAME, this.jdbc);
		assertThatThrownBy(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult(status -> afterClosing.submit(id, 8L, who))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("Small grants APPLY-1994 closed to applications at")
			.hasMessageContaining("your application has not been submitted. You tried to submit it at");
		assertThat(this.jdbc.queryForObject("select status from application where id = ?", String.class, id))
			.isEqualTo("DRAFT");
	}

	@Test
	void hostileTextTypedByAnApplicantIsKeptAsTypedAndShownEscapedToThemAndToOfficers() throws Exception {
		long id = start(UUID.randomUUID());
		complete(id);
		this.mvc
			.perform(post("/apply/applications/" + id + "/project").with(this.applicant)
				.with(csrf())
				.param("title", HostileTextEverywhereTest.HOSTILE)
				.param("summary", HostileTextEverywhereTest.HOSTILE)
				.param("themeId", Long.toString(this.fixture.vulnerable))
				.param("starts.day", "1")
				.param("starts.month", "12")
				.param("starts.year", "2026")
				.param("ends.day", "31")
				.param("ends.month", "3")
				.param("ends.year", "2027")
				.param("version", "8"))
			.andExpect(status().isFound());
		assertThat(this.jdbc.queryForObject("select project_title from application where id = ?", String.class, id))
			.isEqualTo(HostileTextEverywhereTest.HOSTILE);
		for (String page : new String[] { "/apply", "/apply/applications/" + id, "/apply/applications/" + id + "/check",
				"/apply/applications/" + id + "/project" }) {
			this.mvc.perform(get(page).with(this.applicant))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString(HostileTextEverywhereTest.ESCAPED),
						not(containsString("<script>alert")))));
		}
		this.mvc.perform(
				post("/apply/applications/" + id + "/submit").with(this.applicant).with(csrf()).param("version", "9"))
			.andExpect(status().isFound());
		for (String page : new String[] { "/rounds/APPLY-1994/applications",
				"/rounds/APPLY-1994/applications/APPLY-1994-001" }) {
			this.mvc.perform(get(page).with(user(Principals.of("officer", this.jdbc))))
				.andExpect(content().string(allOf(containsString(HostileTextEverywhereTest.ESCAPED),
						not(containsString("<script>alert")))));
		}
	}

	private void complete(long id) throws Exception {
		long theme = this.fixture.reoffending;
		String[][] pages = {
				{ "organisation", "name", "Westcotes Street Pastors", "type", "CHARITY", "charityNumber", "1123456",
						"address", "Leicester", "version", "0" },
				{ "contact", "name", "Sam Smith", "email", "sam@westcotes.example", "version", "1" },
				{ "project", "title", "Night patrols", "summary", "Volunteers on Friday nights", "themeId",
						Long.toString(theme), "starts.day", "1", "starts.month", "12", "starts.year", "2026",
						"ends.day", "31", "ends.month", "3", "ends.year", "2027", "version", "2" },
				{ "funding", "amount", "2500", "item-1", "Radios and first aid kits", "amount-1", "1000", "item-2",
						"Volunteer training", "amount-2", "1500", "version", "3" },
				{ "outcomes", "outcomes", "Fewer call-outs on Friday nights", "version", "4" } };
		for (String[] page : pages) {
			var request = post("/apply/applications/" + id + "/" + page[0]).with(this.applicant).with(csrf());
			for (int i = 1; i < page.length; i += 2) {
				request = request.param(page[i], page[i + 1]);
			}
			this.mvc.perform(request).andExpect(status().isFound());
		}
		for (String[] document : TestDocuments.REQUIRED) {
			this.mvc
				.perform(multipart("/apply/applications/" + id + "/documents")
					.file(new MockMultipartFile("file", document[1], "application/pdf", TestDocuments.pdf(document[1])))
					.param("kind", document[0])
					.with(this.applicant)
					.with(csrf()))
				.andExpect(status().isFound());
		}
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
