package uk.opcc.cspgrants.rounds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opening, moving the closing time of, closing and cancelling a round, on the pages, the
 * API and the public pages, on the shared demo database in 1995-96 (a year no other test
 * uses). Rounds open and close on the real clock: each test's round opens a day ago and
 * closes in thirty days; the closing job is run with a clock forty days on.
 */
@IntegrationTest
class RoundStepsPagesTest {

	private static final String YEAR = "1995-96";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	RoundLocks locks;

	@Autowired
	Rounds rounds;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	PlatformTransactionManager transactions;

	private RoundFixture fixture;

	private Instant closes;

	@BeforeEach
	void year() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse(YEAR));
		this.closes = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
	}

	@Test
	void aDraftSaysWhatItStillNeedsAndIsRefusedUntilItHasIt() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		draft("NEEDS-1995", false);
		this.mvc.perform(get("/rounds/NEEDS-1995/open").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("set the criteria reviewers score against"),
					containsString("write the guidance for applicants"), containsString("say who may apply"),
					containsString("choose at least one theme"), not(containsString(">Open the round</button>")))));
		this.mvc.perform(post("/rounds/NEEDS-1995/open").session(officer).with(csrf()).param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("NEEDS-1995 cannot open yet: choose at least one theme")));
		this.mvc.perform(get("/public/rounds/NEEDS-1995")).andExpect(status().isNotFound());
		assertThat(statusOf("NEEDS-1995")).isEqualTo("DRAFT");
	}

	@Test
	void anOpenedRoundIsPublishedWithItsClosingTimeAndCriteria() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long version = draft("OPEN-1995", true);
		this.mvc.perform(get("/rounds/OPEN-1995/open").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">Open the round</button>"),
					containsString("id=\"closes\">" + Dates.dayAndTime(this.closes) + "<"))));
		this.mvc.perform(
				post("/rounds/OPEN-1995/open").session(officer).with(csrf()).param("version", Long.toString(version)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/rounds/OPEN-1995"));
		this.mvc.perform(get("/rounds/OPEN-1995").session(SignIn.as(this.mvc, "monitoring")))
			.andExpect(content().string(allOf(containsString("id=\"opened\">Olu Officer, "),
					containsString("Open</strong>"), not(containsString("Close the round")))));
		this.mvc.perform(get("/public/rounds/OPEN-1995"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Open for applications until " + Dates.dayAndTime(this.closes) + " (UK time)."),
					containsString("href=\"/apply/sign-in?next=/apply/rounds/OPEN-1995/start\""),
					containsString("Evidence of need"), containsString("id=\"awards\">£1,000.00 to £10,000.00<"),
					containsString("Charities and CICs"), containsString("Protecting the Vulnerable"))));
		this.mvc.perform(get("/public/rounds"))
			.andExpect(content().string(allOf(containsString("href=\"/public/rounds/OPEN-1995\""),
					containsString("Open until " + Dates.dayAndTime(this.closes)))));
		this.mvc.perform(get("/public"))
			.andExpect(content().string(allOf(containsString("href=\"/public/rounds/OPEN-1995\""),
					containsString(": open until " + Dates.dayAndTime(this.closes)))));
		this.mvc.perform(post("/rounds/OPEN-1995/open").session(officer).with(csrf()).param("version", "1"))
			.andExpect(status().isConflict());
		assertThat(audits("OPEN", "OPEN-1995")).isEqualTo(1);
	}

	@Test
	void theClosingTimeMovesLaterOnlyWithAReasonShownToApplicants() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long version = opened("LATER-1995");
		Instant later = this.closes.plus(Duration.ofDays(7));
		String day = Integer.toString(later.atZone(Dates.UK).getDayOfMonth());
		String month = Integer.toString(later.atZone(Dates.UK).getMonthValue());
		String year = Integer.toString(later.atZone(Dates.UK).getYear());
		String time = RoundTimes.timeOf(later);
		this.mvc
			.perform(post("/rounds/LATER-1995/closing-time/check").session(officer)
				.with(csrf())
				.param("closes.day", day)
				.param("closes.month", month)
				.param("closes.year", year)
				.param("closesTime", time)
				.param("reason", "")
				.param("version", Long.toString(version)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#reason\""), containsString("value=\"" + day))));
		this.mvc
			.perform(post("/rounds/LATER-1995/closing-time/check").session(officer)
				.with(csrf())
				.param("closes.day", day)
				.param("closes.month", month)
				.param("closes.year", year)
				.param("closesTime", time)
				.param("reason", "The guidance was corrected on the 3rd")
				.param("version", Long.toString(version)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"new-closes\">" + Dates.dayAndTime(later) + "<"),
					containsString(">Save the new closing time</button>"))));
		this.mvc
			.perform(post("/api/v1/rounds/LATER-1995/closing-time").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType("application/json")
				.content("{\"closesAt\": \"" + this.closes.minus(Duration.ofHours(1)) + "\", \"reason\": \"Sooner\", "
						+ "\"version\": " + version + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("a closing time only moves later")));
		this.mvc
			.perform(post("/rounds/LATER-1995/closing-time").session(officer)
				.with(csrf())
				.param("closes.day", day)
				.param("closes.month", month)
				.param("closes.year", year)
				.param("closesTime", time)
				.param("reason", "The guidance was corrected on the 3rd")
				.param("version", Long.toString(version)))
			.andExpect(status().isFound());
		this.mvc.perform(get("/public/rounds/LATER-1995"))
			.andExpect(content()
				.string(allOf(containsString("Open for applications until " + Dates.dayAndTime(later) + " (UK time)."),
						containsString("the closing time moved from " + Dates.dayAndTime(this.closes) + " to "
								+ Dates.dayAndTime(later) + ": The guidance was corrected on the 3rd"))));
		assertThat(this.jdbc.queryForObject("select count(*) from round_deadline_change c join grant_round r "
				+ "on r.id = c.round_id where r.reference = 'LATER-1995'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void closingEarlyNeedsAReasonAndACancelledRoundSaysWhy() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long version = opened("EARLY-1995");
		this.mvc.perform(get("/rounds/EARLY-1995/close").session(officer))
			.andExpect(content().string(allOf(containsString("Closing it now refuses applications still being written"),
					containsString("Why it closes early"))));
		this.mvc
			.perform(post("/rounds/EARLY-1995/close").session(officer)
				.with(csrf())
				.param("reason", " ")
				.param("version", Long.toString(version)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Say why EARLY-1995 closes before")));
		this.mvc
			.perform(post("/rounds/EARLY-1995/close").session(officer)
				.with(csrf())
				.param("reason", "The budget was withdrawn")
				.param("version", Long.toString(version)))
			.andExpect(status().isFound());
		this.mvc.perform(get("/public/rounds/EARLY-1995"))
			.andExpect(content().string(allOf(containsString("This round closed to applications at"),
					containsString("It closed before its closing time: The budget was withdrawn"),
					not(containsString("Start or continue an application")))));
		this.mvc
			.perform(post("/rounds/EARLY-1995/cancel").session(officer)
				.with(csrf())
				.param("reason", "Withdrawn")
				.param("version", Long.toString(version + 1)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("EARLY-1995 is closed: it cannot be cancelled")));

		long draft = draft("CANCEL-1995", false);
		this.mvc
			.perform(post("/rounds/CANCEL-1995/cancel").session(officer)
				.with(csrf())
				.param("reason", "")
				.param("version", Long.toString(draft)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Say why CANCEL-1995 is cancelled")));
		this.mvc
			.perform(post("/rounds/CANCEL-1995/cancel").session(officer)
				.with(csrf())
				.param("reason", "Drafted twice by mistake")
				.param("version", Long.toString(draft)))
			.andExpect(status().isFound());
		this.mvc.perform(get("/rounds/CANCEL-1995").session(officer))
			.andExpect(content().string(allOf(containsString("id=\"cancelled\">Olu Officer, "),
					containsString("Drafted twice by mistake"), not(containsString("Change the details")))));
		this.mvc.perform(get("/public/rounds/CANCEL-1995")).andExpect(status().isNotFound());
	}

	@Test
	void theClosingJobClosesARoundOnceItsClosingTimeHasComeAndNotBefore() {
		opened("DUE-1995");
		RoundOpening now = opening(Clock.systemUTC());
		RoundOpening later = opening(Clock.offset(Clock.systemUTC(), Duration.ofDays(40)));
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		List<String> dueNow = transaction.execute(s -> now.due());
		assertThat(dueNow).doesNotContain("DUE-1995");
		assertThat(closed(transaction, now)).isFalse();
		List<String> dueLater = transaction.execute(s -> later.due());
		assertThat(dueLater).contains("DUE-1995");
		assertThat(closed(transaction, later)).isTrue();
		assertThat(closed(transaction, later)).isFalse();
		assertThat(statusOf("DUE-1995")).isEqualTo("CLOSED");
		assertThat(this.jdbc.queryForObject("select closed_by from grant_round where reference = 'DUE-1995'",
				String.class))
			.isEqualTo("CSP Grants (the closing time was reached)");
		assertThat(audits("CLOSE", "DUE-1995")).isEqualTo(1);
	}

	private static Boolean closed(TransactionTemplate transaction, RoundOpening opening) {
		return transaction.execute(s -> opening.closeOnTime("DUE-1995"));
	}

	private RoundOpening opening(Clock clock) {
		return new RoundOpening(this.locks, this.rounds, this.jdbcClient, this.auditTrail, clock);
	}

	/** A round opened through the API; returns its version. */
	private long opened(String reference) {
		long version = draft(reference, true);
		try {
			this.mvc
				.perform(post("/api/v1/rounds/" + reference + "/open").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
					.contentType("application/json")
					.content("{\"version\": " + version + "}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("OPEN"));
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
		return version + 1;
	}

	/**
	 * A round drafted through the API, opening a day ago and closing in thirty days;
	 * complete (themes, guidance, who may apply, criteria) or not. Returns its version.
	 */
	private long draft(String reference, boolean complete) {
		String body = """
				{"reference": "%s", "year": "%s", "title": "Small grants %s", "route": "PCC_GRANT",
				 "streamId": %d, "budget": "100000.00", "minAward": "1000.00", "maxAward": "10000.00",
				 "opensAt": "%s", "closesAt": "%s", "guidance": "%s", "eligibility": "%s", "themeIds": %s}""".formatted(
				reference, YEAR, reference, this.fixture.stream, Instant.now().minus(Duration.ofDays(1)), this.closes,
				complete ? "Read the plan first" : "", complete ? "Charities and CICs" : "",
				complete ? "[" + this.fixture.vulnerable + "]" : "[]");
		try {
			this.mvc
				.perform(post("/api/v1/rounds").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
					.contentType("application/json")
					.content(body))
				.andExpect(status().isCreated());
			if (!complete) {
				return 0;
			}
			this.mvc
				.perform(put("/api/v1/rounds/" + reference + "/criteria")
					.with(httpBasic("officer", SignIn.DEMO_PASSWORD))
					.contentType("application/json")
					.content("""
							{"version": 0, "criteria": [{"name": "Evidence of need", "weight": 60},
							 {"name": "Value for money", "weight": 40}]}"""))
				.andExpect(status().isOk());
			return 1;
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	private String statusOf(String reference) {
		return this.jdbc.queryForObject("select status from grant_round where reference = ?", String.class, reference);
	}

	private long audits(String action, String reference) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'GrantRound' and action = ? "
						+ "and entity_id = (select id::text from grant_round where reference = ?)",
				Long.class, action, reference);
	}

}
