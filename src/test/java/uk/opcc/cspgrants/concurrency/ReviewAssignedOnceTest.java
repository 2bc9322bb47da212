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
 * submission, nineteen 409s). Nobody a 500.
 */
class ReviewAssignedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long round;

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

}
