package uk.opcc.cspgrants.concurrency;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.ReviewerFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * Reviewers are assigned once and declare once. On a database of its own, a closed round
 * with three eligible applications and three reviewers of its theme: officers press
 * "Assign reviewers" twenty times at once (one set of six assignments, nineteen 409s),
 * then a reviewer sends ten "no conflict" and ten "conflict" declarations at once on one
 * assignment (one stands, nineteen 409s, and a reassignment exactly when the one that
 * stood was a conflict); then a reviewer submits their scores twenty times at once (one
 * submission, nineteen 409s). On a second, open round, an officer adds a reviewer twenty
 * times at once (one added, nineteen told they already review it) and takes them off
 * twenty times at once (one removal, nineteen told they are no longer on it), and a
 * reviewer saves their scores from one page in twenty tabs at once (one save, nineteen
 * told the scores changed in another tab), then submits them through the API twenty times
 * at once (one submission). Nobody a 500.
 */
class ReviewAssignedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long round;

	private static long secondRound;

	private static long secondApplication;

	private static long theme;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("review_assigned_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		RoundFixture fixture = new RoundFixture(db, FinancialYear.parse("2026-27"));
		round = fixture.openRound("ASSIGN-2026", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(db);
		for (int number = 1; number <= 3; number++) {
			long id = fixture.submittedApplication(round, applicant, number, "Group " + number, "200000" + number,
					new BigDecimal("1500.00"));
			fixture.eligible(id);
		}
		db.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				round);
		RoundFixture second = new RoundFixture(db, FinancialYear.parse("2027-28"));
		theme = second.reoffending;
		secondRound = second.openRound("REVIEWERS-2027", Instant.now().plus(Duration.ofDays(30)));
		secondApplication = second.submittedApplication(secondRound, applicant, 1, "Group 9", "2000009",
				new BigDecimal("900.00"));
		second.eligible(secondApplication);
		for (String name : List.of("ann", "bob", "cat")) {
			long reviewer = ReviewerFixture.make(db, name + ".reviewer", name.toUpperCase() + " Reviewer");
			db.update("insert into round_reviewer (round_id, user_id, theme_id, added_by, added_at) "
					+ "values (?, ?, ?, 'test', now())", round, reviewer, fixture.reoffending);
		}
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void assignPressedTwentyTimesAtOnceMakesOneSetThenADeclarationStandsOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/rounds/ASSIGN-2026/assignments", Map.of()));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Every eligible application already has 2 reviewers");
			}
		}
		assertThat(db.queryForObject("select count(*) from review_assignment where round_id = ?", Long.class, round))
			.isEqualTo(6);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'GrantRound' "
				+ "and action = 'ASSIGN_REVIEWERS' and entity_id = ?", Long.class, Long.toString(round)))
			.isEqualTo(1);

		long assignment = db.queryForObject("select min(r.id) from review_assignment r join app_user u "
				+ "on u.id = r.reviewer_id where u.username = 'ann.reviewer'", Long.class);
		LiveApplication.Browser ann = app.signIn("ann.reviewer");
		List<HttpResponse<String>> declarations = app.atOnce(AT_ONCE,
				i -> ann.post("/review/assignments/" + assignment + "/declare",
						(i % 2 == 0) ? Map.of("conflict", "no", "version", "0")
								: Map.of("conflict", "yes", "reason", "Trustee, tab " + i, "version", "0")));
		assertThat(statuses(declarations)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		String stood = db.queryForObject("select status from review_assignment where id = ?", String.class, assignment);
		assertThat(db.queryForObject("select count(*) from review_assignment where replaces_assignment_id = ?",
				Long.class, assignment))
			.isEqualTo("CONFLICTED".equals(stood) ? 1 : 0);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'ReviewAssignment' " + "and entity_id = ?",
				Long.class, Long.toString(assignment)))
			.isEqualTo(1);

		long cats = db.queryForObject("select min(r.id) from review_assignment r join app_user u "
				+ "on u.id = r.reviewer_id where u.username = 'cat.reviewer'", Long.class);
		db.update("update review_assignment set status = 'DECLARED', declared_at = now() where id = ?", cats);
		db.update("insert into review_score (assignment_id, round_id, position, score, reason) "
				+ "values (?, ?, 1, 4, 'Clear local evidence')", cats, round);
		String version = db.queryForObject("select version::text from review_assignment where id = ?", String.class,
				cats);
		LiveApplication.Browser cat = app.signIn("cat.reviewer");
		List<HttpResponse<String>> submissions = app.atOnce(AT_ONCE,
				i -> cat.post("/review/assignments/" + cats + "/submit", Map.of("version", version)));
		assertThat(statuses(submissions)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : submissions) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("You submitted your scores on");
			}
		}
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'ReviewAssignment' "
				+ "and action = 'SUBMIT_SCORES' and entity_id = ?", Long.class, Long.toString(cats)))
			.isEqualTo(1);
	}

	@Test
	void aReviewerIsAddedAndTakenOffOnceAndScoresSavedFromTwentyTabsOnce() {
		long dan = ReviewerFixture.make(db, "dan.reviewer", "Dan Reviewer");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> added = app.atOnce(AT_ONCE, i -> officer.post("/rounds/REVIEWERS-2027/reviewers",
				Map.of("userId", Long.toString(dan), "themeId", Long.toString(theme))));
		assertThat(statuses(added)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : added) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Dan Reviewer already reviews Reoffending and Offending");
			}
		}
		assertThat(db.queryForObject(
				"select count(*) from audit_event where action = 'ADD_REVIEWER' " + "and entity_id = ?", Long.class,
				Long.toString(secondRound)))
			.isEqualTo(1);

		long row = db.queryForObject("select id from round_reviewer where round_id = ? and user_id = ?", Long.class,
				secondRound, dan);
		List<HttpResponse<String>> removed = app.atOnce(AT_ONCE,
				i -> officer.post("/rounds/REVIEWERS-2027/reviewers/" + row + "/remove", Map.of()));
		assertThat(statuses(removed)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : removed) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("That reviewer is no longer on the round");
			}
		}
		assertThat(db.queryForObject(
				"select count(*) from audit_event where action = 'REMOVE_REVIEWER' " + "and entity_id = ?", Long.class,
				Long.toString(secondRound)))
			.isEqualTo(1);

		long assignment = db.queryForObject(
				"insert into review_assignment (round_id, application_id, reviewer_id, "
						+ "assigned_by, assigned_at) values (?, ?, ?, 'test', now()) returning id",
				Long.class, secondRound, secondApplication, dan);
		db.update("update review_assignment set status = 'DECLARED', declared_at = now() where id = ?", assignment);
		String version = db.queryForObject("select version::text from review_assignment where id = ?", String.class,
				assignment);
		LiveApplication.Browser danSignedIn = app.signIn("dan.reviewer");
		List<HttpResponse<String>> saves = app
			.atOnce(AT_ONCE, i -> danSignedIn.post("/review/assignments/" + assignment + "/scores", Map.of("score-1",
					Integer.toString(i % 6), "reason-1", "Reason from tab " + i, "version", version, "then", "later")));
		assertThat(statuses(saves)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : saves) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Your scores were changed in another window or tab");
			}
		}
		assertThat(
				db.queryForObject("select count(*) from review_score where assignment_id = ?", Long.class, assignment))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where action = 'SCORE' and entity_id = ?",
				Long.class, Long.toString(assignment)))
			.isEqualTo(1);

		String saved = db.queryForObject("select version::text from review_assignment where id = ?", String.class,
				assignment);
		LiveApplication.Api dansApi = app.api("dan.reviewer");
		List<HttpResponse<String>> submitted = app.atOnce(AT_ONCE, i -> dansApi
			.post("/api/v1/review/assignments/" + assignment + "/submit", "{\"version\": " + saved + "}"));
		assertThat(statuses(submitted)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		assertThat(db.queryForObject("select status from review_assignment where id = ?", String.class, assignment))
			.isEqualTo("SUBMITTED");
	}

}
