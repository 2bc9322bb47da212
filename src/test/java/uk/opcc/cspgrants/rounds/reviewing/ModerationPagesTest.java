package uk.opcc.cspgrants.rounds.reviewing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.ReviewerFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Moderation on the pages, worked by hand: a closed round (one criterion weighing 100,
 * scale 0 to 5, budget £100,000, gap 20 points, two reviews each) with four eligible
 * applications. Ann and Bob score 001 (£40,000) 4 and 5, so 80 and 100: average 90.00,
 * spread 20.00, not flagged (the gap is not exceeded); 002 (£45,000) 5 and 1: 100 and 20,
 * average 60.00, spread 80.00, flagged; 003 (£30,000) 3 and 4: 70.00, spread 20.00; 004
 * (£1,000) Ann 2 (40) with Bob still scoring: 40.00, flagged for too few reviews. Ranked
 * 001 (running £40,000), 003 (£70,000), the line (£30,000 remains), 002 (£115,000), 004
 * (£116,000). On the shared demo database in 1986-87.
 */
@IntegrationTest
class ModerationPagesTest {

	private static final String ROUND = "/rounds/MODERATE-1986";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	ReviewReminders reminders;

	private RoundFixture fixture;

	private long round;

	private long ann;

	private long bob;

	private final long[] applications = new long[4];

	private RequestPostProcessor officer;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1986-87"));
		this.round = this.fixture.openRound("MODERATE-1986", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(this.jdbc);
		String[] amounts = { "40000.00", "45000.00", "30000.00", "1000.00" };
		for (int i = 0; i < 4; i++) {
			this.applications[i] = this.fixture.submittedApplication(this.round, applicant, i + 1, "Group " + (i + 1),
					"198600" + (i + 1), new BigDecimal(amounts[i]));
			this.fixture.eligible(this.applications[i]);
		}
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		this.ann = ReviewerFixture.make(this.jdbc, "ann.reviewer", "Ann Adams");
		this.bob = ReviewerFixture.make(this.jdbc, "bob.reviewer", "Bob Brown");
		int[][] scores = { { 4, 5 }, { 5, 1 }, { 3, 4 } };
		for (int i = 0; i < 3; i++) {
			submitted(this.applications[i], this.ann, scores[i][0]);
			submitted(this.applications[i], this.bob, scores[i][1]);
		}
		submitted(this.applications[3], this.ann, 2);
		// Bob was given 004 eight days ago and has not finished it
		long bobs = this.jdbc.queryForObject(
				"insert into review_assignment (round_id, application_id, reviewer_id, "
						+ "assigned_by, assigned_at) values (?, ?, ?, 'test', now() - interval '8 days') returning id",
				Long.class, this.round, this.applications[3], this.bob);
		this.jdbc.update("update review_assignment set status = 'DECLARED', declared_at = now() where id = ?", bobs);
		this.officer = user(Principals.of("officer", this.jdbc));
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.jdbc);
		for (String reviewer : List.of("ann.reviewer", "bob.reviewer")) {
			ReviewerFixture.remove(this.jdbc, reviewer);
		}
	}

	@Test
	void theRankingFollowsTheScoresAndDrawsTheLineWhereTheBudgetRunsOut() throws Exception {
		String page = this.mvc.perform(get(ROUND + "/ranking").with(this.officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("4 eligible applications; 2 above the line, leaving £30,000.00 of the budget; "
							+ "2 flagged for moderation."),
					containsString("The budget line: £30,000.00 of £100,000.00 remains above it"),
					containsString("1 review is still being scored"),
					containsString("MODERATE-1986-004 has 1 of 2 reviews submitted"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> order = List.of("MODERATE-1986-001", "MODERATE-1986-003", "The budget line", "MODERATE-1986-002",
				"MODERATE-1986-004");
		int at = -1;
		for (String next : order) {
			int found = page.indexOf(next, at + 1);
			assertThat(found).as(next + " after the one before").isGreaterThan(at);
			at = found;
		}
		assertThat(cells(page, "MODERATE-1986-001")).contains("90.00", "20.00", "£40,000.00");
		assertThat(cells(page, "MODERATE-1986-003")).contains("70.00", "20.00", "£70,000.00");
		assertThat(cells(page, "MODERATE-1986-002")).contains("60.00", "80.00", "£115,000.00", "Moderate");
		assertThat(cells(page, "MODERATE-1986-004")).contains("40.00", "0.00", "£116,000.00", "Moderate");
		assertThat(cells(page, "MODERATE-1986-001")).doesNotContain("Moderate");
		// the averages again, worked by the database from the scores as stored
		assertThat(this.jdbc.queryForList("select a.reference || ' ' || round(avg(s.score * 100.0 / 5), 2) "
				+ "from review_score s join review_assignment r on r.id = s.assignment_id join application a "
				+ "on a.id = r.application_id where r.round_id = ? and r.status = 'SUBMITTED' group by a.reference "
				+ "order by avg(s.score) desc", String.class, this.round))
			.containsExactly("MODERATE-1986-001 90.00", "MODERATE-1986-003 70.00", "MODERATE-1986-002 60.00",
					"MODERATE-1986-004 40.00");

		this.mvc.perform(get("/api/v1" + ROUND + "/ranking").with(user(Principals.of("finance", this.jdbc))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.remaining").value("30000.00"))
			.andExpect(jsonPath("$.rows[0].reference").value("MODERATE-1986-001"))
			.andExpect(jsonPath("$.rows[0].average").value(90.00))
			.andExpect(jsonPath("$.rows[1].runningTotal").value("70000.00"))
			.andExpect(jsonPath("$.rows[1].aboveTheLine").value(true))
			.andExpect(jsonPath("$.rows[2].reference").value("MODERATE-1986-002"))
			.andExpect(jsonPath("$.rows[2].aboveTheLine").value(false))
			.andExpect(jsonPath("$.rows[2].flagged").value(true))
			.andExpect(jsonPath("$.outstanding[1]").value("MODERATE-1986-004 has 1 of 2 reviews submitted"));
		this.mvc.perform(get(ROUND + "/applications/MODERATE-1986-002/scores").with(this.officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("60.00 (the average of 2 reviews)"),
					containsString("80.00 points between the highest and lowest reviewer"),
					containsString("Ann Adams: Scores submitted"), containsString("100.00"), containsString("20.00"),
					containsString("3.00"), containsString("Return these scores to Bob Brown"))));
	}

	@Test
	void anOfficerReturnsScoresWithAReasonWritesNotesOnceAndMarksTheRoundAssessedWhenEveryReviewIsIn()
			throws Exception {
		this.mvc.perform(post(ROUND + "/assessed").with(this.officer).with(csrf()).param("version", version()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(
					"MODERATE-1986 cannot be marked assessed yet: 1 review is still being scored; MODERATE-1986-004 "
							+ "has 1 of 2 reviews submitted")));
		assertThatThrownBy(() -> this.jdbc.update(
				"update grant_round set status = 'ASSESSED', assessed_by = 'x', " + "assessed_at = now() where id = ?",
				this.round))
			.hasMessageContaining("Grant round MODERATE-1986 is not fully reviewed");

		long bobs = reviewOf(this.applications[1], this.bob);
		String path = ROUND + "/applications/MODERATE-1986-002/scores/" + bobs + "/return";
		String version = this.jdbc.queryForObject("select version::text from review_assignment where id = ?",
				String.class, bobs);
		this.mvc.perform(post(path).with(this.officer).with(csrf()).param("version", version).param("reason", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Say why the scores go back: the reviewer reads it"),
					containsString("href=\"#reason-" + bobs + "\""))));
		this.mvc
			.perform(post(path).with(this.officer)
				.with(csrf())
				.param("version", version)
				.param("reason", "Your 1 for need reads as a slip: the reason says the need is clear"))
			.andExpect(redirectedUrl(ROUND + "/applications/MODERATE-1986-002/scores"));
		assertThat(this.jdbc.queryForObject("select status || ' ' || returned_by from review_assignment where id = ?",
				String.class, bobs))
			.isEqualTo("DECLARED Olu Officer");
		assertThat(this.jdbc.queryForObject("select count(*) from notification where template = 'scores-returned' "
				+ "and username = 'bob.reviewer'", Long.class))
			.isEqualTo(1);
		this.mvc.perform(post(path).with(this.officer).with(csrf()).param("version", version).param("reason", "Again"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("These scores were returned by Olu Officer on")));
		this.mvc
			.perform(
					get("/review/assignments/" + bobs + "/scores").with(user(Principals.of("bob.reviewer", this.jdbc))))
			.andExpect(content().string(allOf(containsString("Olu Officer returned your scores on"),
					containsString("Your 1 for need reads as a slip"))));
		assertThatThrownBy(() -> this.jdbc.update(
				"update review_assignment set status = 'DECLARED', " + "submitted_at = null where id = ?",
				reviewOf(this.applications[0], this.bob)))
			.hasMessageContaining("Scores go back to their reviewer with a reason, only while the round is closed");

		String notes = ROUND + "/applications/MODERATE-1986-002/notes";
		this.mvc.perform(post(notes).with(this.officer).with(csrf()).param("seen", "0").param("note", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter the note")));
		this.mvc
			.perform(post(notes).with(this.officer)
				.with(csrf())
				.param("seen", "0")
				.param("note", "Bob's 1 returned to him; Ann's 5 stands"))
			.andExpect(redirectedUrl(ROUND + "/applications/MODERATE-1986-002/scores#notes"));
		this.mvc
			.perform(post(notes).with(this.officer)
				.with(csrf())
				.param("seen", "0")
				.param("note", "Written from the same page"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("was written after you opened the page"),
					containsString("Written from the same page"), containsString("Bob&#39;s 1 returned to him"))));

		// Bob scores again and submits; Bob submits 004: every review is in
		rescore(bobs, 4);
		long bobs4 = reviewOf(this.applications[3], this.bob);
		rescore(bobs4, 3);
		this.mvc.perform(get(ROUND + "/ranking").with(this.officer))
			.andExpect(content().string(allOf(not(containsString("Before the round can be marked assessed")),
					containsString("4 eligible applications; 2 above the line, leaving £15,000.00 of the budget; "
							+ "0 flagged for moderation."))));
		this.mvc.perform(get(ROUND + "/assessed").with(this.officer))
			.andExpect(content().string(containsString("Every eligible application has its reviews submitted")));
		this.mvc.perform(post(ROUND + "/assessed").with(this.officer).with(csrf()).param("version", version()))
			.andExpect(redirectedUrl(ROUND + "/ranking"));
		assertThat(this.jdbc.queryForObject("select status || ' ' || assessed_by from grant_round where id = ?",
				String.class, this.round))
			.isEqualTo("ASSESSED Olu Officer");
		this.mvc.perform(get(ROUND + "/ranking").with(this.officer))
			.andExpect(content()
				.string(matchesPattern("(?s).*Marked assessed by Olu Officer on .*: these scores no longer change.*")));
		String after = this.jdbc.queryForObject("select version::text from review_assignment where id = ?",
				String.class, bobs);
		this.mvc.perform(post(path).with(this.officer).with(csrf()).param("version", after).param("reason", "Too late"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("is assessed: its reviewers&#39; scores no longer go back")));
		assertThatThrownBy(() -> this.jdbc.update("update review_assignment set status = 'DECLARED', "
				+ "submitted_at = null, returned_reason = 'x', returned_by = 'x', returned_at = now() where id = ?",
				bobs))
			.hasMessageContaining("only while the round is closed");
		this.mvc.perform(post(ROUND + "/assessed").with(this.officer).with(csrf()).param("version", version()))
			.andExpect(status().isConflict());
	}

	@Test
	void anApplicationFoundNotEligibleAfterItWasGivenOutNoLongerHoldsTheRoundBack() throws Exception {
		this.jdbc.update("update application set status = 'INELIGIBLE', eligibility_reasons = 'Not a charity after "
				+ "all', eligibility_decided_at = now() where id = ?", this.applications[3]);
		assertThat(this.reminders.remind(LocalDate.now(Dates.UK))).isZero();
		// its reviewer no longer has it to review
		long annsReview = this.jdbc.queryForObject(
				"select id from review_assignment where application_id = ? and reviewer_id = ?", Long.class,
				this.applications[3], this.ann);
		RequestPostProcessor ann = user(Principals.of("ann.reviewer", this.jdbc));
		this.mvc.perform(get("/review").with(ann))
			.andExpect(content()
				.string(allOf(containsString("MODERATE-1986-001"), not(containsString("MODERATE-1986-004")))));
		this.mvc.perform(get("/review/assignments/" + annsReview).with(ann))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("was found not eligible after it was given to you")));
		this.mvc.perform(get(ROUND + "/assessed").with(this.officer))
			.andExpect(content().string(containsString("Every eligible application has its reviews submitted")));
		this.mvc.perform(post(ROUND + "/assessed").with(this.officer).with(csrf()).param("version", version()))
			.andExpect(redirectedUrl(ROUND + "/ranking"));
		this.mvc.perform(get(ROUND + "/ranking").with(this.officer))
			.andExpect(content()
				.string(allOf(containsString("3 eligible applications"), not(containsString("MODERATE-1986-004")))));
	}

	@Test
	void aReviewerWithAReviewWaitingAWeekIsRemindedOnceAWeekAndNotOnceTheyHaveSubmitted() throws Exception {
		long bobs = reviewOf(this.applications[3], this.bob);
		LocalDate today = LocalDate.now(Dates.UK);
		assertThat(this.reminders.remind(today.minusDays(2))).isZero();
		assertThat(this.reminders.remind(today)).isEqualTo(1);
		this.reminders.remind(today);
		assertThat(reminded("bob.reviewer")).isEqualTo(1);
		assertThat(reminded("ann.reviewer")).isZero();
		assertThat(this.jdbc.queryForObject(
				"select body from notification where template = 'review-due' " + "and username = 'bob.reviewer'",
				String.class))
			.contains("You have 1 review in Small grants MODERATE-1986 still to finish, the oldest given to you on "
					+ Dates.day(today.minusDays(8)));
		// the next week's reminder, the job running on twenty nodes at once: one message
		java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(20);
		try {
			List<java.util.concurrent.Future<Integer>> runs = nodes
				.invokeAll(java.util.Collections.nCopies(20, () -> this.reminders.remind(today.plusDays(7))));
			for (java.util.concurrent.Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			nodes.shutdown();
		}
		assertThat(reminded("bob.reviewer")).isEqualTo(2);
		rescore(bobs, 3);
		this.reminders.remind(today.plusDays(14));
		assertThat(reminded("bob.reviewer")).isEqualTo(2);
	}

	private long reminded(String username) {
		return this.jdbc.queryForObject(
				"select count(*) from notification where template = 'review-due' " + "and username = ?", Long.class,
				username);
	}

	private long assigned(long application, long reviewer) {
		return this.jdbc.queryForObject(
				"insert into review_assignment (round_id, application_id, reviewer_id, "
						+ "assigned_by, assigned_at) values (?, ?, ?, 'test', now()) returning id",
				Long.class, this.round, application, reviewer);
	}

	private void submitted(long application, long reviewer, int score) {
		this.fixture.submittedReview(this.round, application, reviewer, score);
	}

	private void rescore(long assignment, int score) {
		this.jdbc.update("insert into review_score (assignment_id, round_id, position, score, reason) "
				+ "values (?, ?, 1, ?, 'Looked at again') on conflict (assignment_id, position) do update "
				+ "set score = excluded.score, reason = excluded.reason", assignment, this.round, score);
		this.jdbc.update("update review_assignment set status = 'SUBMITTED', submitted_at = now() where id = ?",
				assignment);
	}

	private long reviewOf(long application, long reviewer) {
		return this.jdbc.queryForObject(
				"select id from review_assignment where application_id = ? " + "and reviewer_id = ?", Long.class,
				application, reviewer);
	}

	private String version() {
		return this.jdbc.queryForObject("select version::text from grant_round where id = ?", String.class, this.round);
	}

	/** The text of the ranking table's row that names {@code reference}. */
	private static String cells(String page, String reference) {
		int start = page.lastIndexOf("<tr", page.indexOf(reference + "</a>"));
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
