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
 * Moderation happens once. On a database of its own, a closed round with one eligible
 * application and two submitted reviews: officers return one reviewer's scores twenty
 * times at once (one return, one notice to the reviewer, nineteen 409s), write a note
 * from the same page twenty times at once (one note 1, nineteen 409s), and, once every
 * review is in again, mark the round assessed twenty times at once (one, nineteen 409s).
 * Nobody a 500.
 */
class RoundAssessedOnceTest {

	private static final int AT_ONCE = 20;

	private static final String ROUND = "/rounds/ASSESS-2026";

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long round;

	private static long application;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("round_assessed_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		RoundFixture fixture = new RoundFixture(db, FinancialYear.parse("2026-27"));
		round = fixture.openRound("ASSESS-2026", Instant.now().plus(Duration.ofDays(30)));
		application = fixture.submittedApplication(round, ApplicantFixture.make(db), 1, "Group 1", "3000001",
				new BigDecimal("2500.00"));
		fixture.eligible(application);
		db.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				round);
		for (String name : List.of("ann", "bob")) {
			long reviewer = ReviewerFixture.make(db, name + ".reviewer", name.toUpperCase() + " Reviewer");
			fixture.submittedReview(round, application, reviewer, 3);
		}
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void scoresGoBackOnceANoteIsWrittenOnceAndTheRoundIsMarkedAssessedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		long bobs = db.queryForObject("select r.id from review_assignment r join app_user u on u.id = r.reviewer_id "
				+ "where u.username = 'bob.reviewer'", Long.class);
		String version = db.queryForObject("select version::text from review_assignment where id = ?", String.class,
				bobs);
		List<HttpResponse<String>> returns = app.atOnce(AT_ONCE,
				i -> officer.post(ROUND + "/applications/ASSESS-2026-001/scores/" + bobs + "/return",
						Map.of("version", version, "reason", "Look again, tab " + i)));
		assertThat(statuses(returns)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : returns) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("These scores were returned by Olu Officer on");
			}
		}
		assertThat(db.queryForObject(
				"select count(*) from audit_event where action = 'RETURN_SCORES' " + "and entity_id = ?", Long.class,
				Long.toString(bobs)))
			.isEqualTo(1);
		assertThat(
				db.queryForObject("select count(*) from notification where template = 'scores-returned'", Long.class))
			.isEqualTo(1);

		List<HttpResponse<String>> notes = app.atOnce(AT_ONCE, i -> officer
			.post(ROUND + "/applications/ASSESS-2026-001/notes", Map.of("seen", "0", "note", "Note from tab " + i)));
		assertThat(statuses(notes)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : notes) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("was written after you opened the page");
			}
		}
		assertThat(db.queryForObject("select count(*) from moderation_note where application_id = ?", Long.class,
				application))
			.isEqualTo(1);

		db.update("update review_assignment set status = 'SUBMITTED', submitted_at = now() where id = ?", bobs);
		String roundVersion = db.queryForObject("select version::text from grant_round where id = ?", String.class,
				round);
		List<HttpResponse<String>> assessed = app.atOnce(AT_ONCE,
				i -> officer.post(ROUND + "/assessed", Map.of("version", roundVersion)));
		assertThat(statuses(assessed)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		assertThat(db.queryForObject("select count(*) from audit_event where action = 'ASSESS' and entity_id = ?",
				Long.class, Long.toString(round)))
			.isEqualTo(1);
		assertThat(db.queryForObject("select status from grant_round where id = ?", String.class, round))
			.isEqualTo("ASSESSED");
	}

	@Test
	void anApplicationFoundEligibleAfterAllAndTheRoundMarkedAssessedAtOnceNeverBothStand() {
		RoundFixture fixture = new RoundFixture(db, FinancialYear.parse("2027-28"));
		long other = fixture.openRound("RACE-2027", Instant.now().plus(Duration.ofDays(30)));
		long applicant = db.queryForObject("select user_id from applicant_account limit 1", Long.class);
		long reviewed = fixture.submittedApplication(other, applicant, 1, "Group 1", "5000001",
				new BigDecimal("2000.00"));
		fixture.eligible(reviewed);
		long refused = fixture.submittedApplication(other, applicant, 2, "Group 2", "5000002",
				new BigDecimal("2000.00"));
		db.update(
				"update application set status = 'INELIGIBLE', eligibility_reasons = 'No accounts', "
						+ "eligibility_decided_by = 'Olu Officer', eligibility_decided_at = now() where id = ?",
				refused);
		db.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				other);
		for (String name : List.of("ann", "bob")) {
			long reviewer = db.queryForObject("select id from app_user where username = ?", Long.class,
					name + ".reviewer");
			fixture.submittedReview(other, reviewed, reviewer, 4);
		}
		String roundVersion = db.queryForObject("select version::text from grant_round where id = ?", String.class,
				other);
		String applicationVersion = db.queryForObject("select version::text from application where id = ?",
				String.class, refused);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> (i % 2 == 0) ? officer.post("/rounds/RACE-2027/assessed", Map.of("version", roundVersion))
						: officer.post("/rounds/RACE-2027/applications/RACE-2027-002/eligibility/confirm",
								Map.of("eligible", "yes", "reasons", "Accounts found after all", "version",
										applicationVersion)));
		assertThat(statuses(responses).keySet()).doesNotContain(500);
		String round = db.queryForObject("select status from grant_round where id = ?", String.class, other);
		String application = db.queryForObject("select status from application where id = ?", String.class, refused);
		assertThat(round + " " + application).isIn("ASSESSED INELIGIBLE", "CLOSED ELIGIBLE");
	}

}
