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
 * The Review Panel's steps happen once. On a database of its own, an assessed round
 * (budget £100,000) with two eligible applications asking £60,000 each: officers add the
 * same member twenty times at once (one added, nineteen told they are on it), take the
 * round to the panel twenty times at once (once), record a first recommendation on one
 * application from twenty tabs at once (one), then fund both applications in full at the
 * same moment, ten tabs each: only one of them can be funded within the budget, so one
 * recommendation stands and the rest are refused. Nobody a 500.
 */
class PanelRecommendedOnceTest {

	private static final int AT_ONCE = 20;

	private static final String ROUND = "/rounds/PANEL-2026";

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long round;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("panel_recommended_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		RoundFixture fixture = new RoundFixture(db, FinancialYear.parse("2026-27"));
		round = fixture.openRound("PANEL-2026", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(db);
		long ann = ReviewerFixture.make(db, "ann.reviewer", "Ann Reviewer");
		long bob = ReviewerFixture.make(db, "bob.reviewer", "Bob Reviewer");
		for (int number = 1; number <= 2; number++) {
			long application = fixture.submittedApplication(round, applicant, number, "Group " + number,
					"400000" + number, new BigDecimal("60000.00"));
			fixture.eligible(application);
			for (long reviewer : List.of(ann, bob)) {
				fixture.submittedReview(round, application, reviewer, 5 - number);
			}
		}
		db.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				round);
		db.update("update grant_round set status = 'ASSESSED', assessed_by = 'test', assessed_at = now() "
				+ "where id = ?", round);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aMemberIsAddedTheRoundGoesToThePanelAndTheBudgetIsRecommendedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> added = app.atOnce(AT_ONCE, i -> officer.post(ROUND + "/panel/members",
				Map.of("name", "Sam Chair", "organisation", "OPCC", "chair", "yes")));
		assertThat(statuses(added)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : added) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).containsAnyOf("Sam Chair is on the panel already",
						"The panel has a chair already");
			}
		}
		assertThat(db.queryForObject("select count(*) from panel_member where round_id = ?", Long.class, round))
			.isEqualTo(1);

		String version = db.queryForObject("select version::text from grant_round where id = ?", String.class, round);
		List<HttpResponse<String>> started = app.atOnce(AT_ONCE, i -> officer.post(ROUND + "/panel/start",
				Map.of("meets.day", "1", "meets.month", "9", "meets.year", "2026", "version", version)));
		assertThat(statuses(started)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		assertThat(db.queryForObject("select count(*) from audit_event where action = 'TO_PANEL' and entity_id = ?",
				Long.class, Long.toString(round)))
			.isEqualTo(1);

		List<HttpResponse<String>> first = app.atOnce(AT_ONCE,
				i -> officer.post(ROUND + "/panel/applications/PANEL-2026-001",
						Map.of("outcome", "DO_NOT_FUND", "reason", "Tab " + i, "feedback", "Feedback from tab " + i)));
		assertThat(statuses(first)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : first) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("The recommendation on PANEL-2026-001 was recorded by");
			}
		}

		List<HttpResponse<String>> both = app
			.atOnce(AT_ONCE,
					i -> (i % 2 == 0)
							? officer.post(ROUND + "/panel/applications/PANEL-2026-001",
									Map.of("outcome", "FUND", "reason", "Fund it", "feedback", "Funded", "version",
											"0"))
							: officer.post(ROUND + "/panel/applications/PANEL-2026-002",
									Map.of("outcome", "FUND", "reason", "Fund it", "feedback", "Funded")));
		Map<Integer, Long> counted = statuses(both);
		assertThat(counted.get(302)).isEqualTo(1L);
		assertThat(counted.keySet()).doesNotContain(500);
		assertThat(db.queryForObject("select coalesce(sum(amount), 0) from panel_recommendation where round_id = ?",
				BigDecimal.class, round))
			.isEqualByComparingTo("60000.00");
		assertThat(db.queryForObject("select count(*) from audit_event where action = 'RECOMMEND'", Long.class))
			.isEqualTo(2);

		for (String name : List.of("Pat Member", "Lee Member")) {
			assertThat(officer.post(ROUND + "/panel/members", Map.of("name", name, "organisation", "Probation"))
				.statusCode()).isEqualTo(302);
		}
		long pat = db.queryForObject("select id from panel_member where name = 'Pat Member'", Long.class);
		List<HttpResponse<String>> interests = app.atOnce(AT_ONCE,
				i -> officer.post(ROUND + "/panel/applications/PANEL-2026-002/interests",
						Map.of("memberId", Long.toString(pat), "interest", "Trustee, tab " + i)));
		assertThat(statuses(interests)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : interests) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("interest in PANEL-2026-002 is recorded already");
			}
		}
		long lee = db.queryForObject("select id from panel_member where name = 'Lee Member'", Long.class);
		List<HttpResponse<String>> removed = app.atOnce(AT_ONCE,
				i -> officer.post(ROUND + "/panel/members/" + lee + "/remove", Map.of()));
		assertThat(statuses(removed)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : removed) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("That member is no longer on the panel");
			}
		}
		assertThat(
				db.queryForObject("select count(*) from audit_event where action = 'REMOVE_PANEL_MEMBER'", Long.class))
			.isEqualTo(1);
	}

}
