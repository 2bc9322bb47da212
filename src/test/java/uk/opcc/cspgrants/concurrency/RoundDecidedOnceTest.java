package uk.opcc.cspgrants.concurrency;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.rounds.RoundAtPanel;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A grant round is put to the Commissioner once and its awards are made once. On a
 * database of its own, a round at the panel ({@link RoundAtPanel}: £40,000 and £25,000
 * recommended): an officer presses "Draft the decision record" in twenty tabs at once
 * (one record, nineteen told the round is already in it); finance and the Monitoring
 * Officer sign it off; the Commissioner presses Supported twenty times at once (one
 * decision): two award lines, two grants, two new organisations, three outcomes, each
 * once. Nobody a 500.
 */
class RoundDecidedOnceTest {

	private static final int AT_ONCE = 20;

	private static final String ROUND = "/rounds/DECIDE-2026";

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static RoundAtPanel round;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("round_decided_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		round = new RoundAtPanel(db, FinancialYear.parse("2026-27"), "DECIDE-2026", true);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theRoundIsPutToADecisionOnceAndItsAwardsAreMadeOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		String version = db.queryForObject("select version::text from grant_round where id = ?", String.class,
				round.round);
		List<HttpResponse<String>> drafted = app.atOnce(AT_ONCE,
				i -> officer.post(ROUND + "/decision", Map.of("version", version)));
		assertThat(statuses(drafted)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		String reference = db.queryForObject("select decision_reference from grant_round where id = ?", String.class,
				round.round);
		for (HttpResponse<String> response : drafted) {
			if (response.statusCode() == 302) {
				assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/decisions/" + reference);
			}
			else {
				assertThat(response.body()).containsAnyOf("DECIDE-2026 is already in a decision record " + reference,
						"DECIDE-2026 was changed by");
			}
		}
		assertThat(db.queryForObject("select count(*) from decision_record where attachment_type = 'GRANT_ROUND'",
				Integer.class))
			.isEqualTo(1);

		String path = "/api/v1/decisions/" + reference + "/";
		assertThat(app.api("finance").post(path + "consult", "{\"name\": \"Fran Finance\"}").statusCode())
			.isEqualTo(200);
		assertThat(app.api("monitoring")
			.post(path + "publication", "{\"record\": \"YES\", \"report\": \"YES\", \"details\": \"YES\"}")
			.statusCode()).isEqualTo(200);
		String recordVersion = db.queryForObject("select version from decision_record where reference = ?",
				String.class, reference);
		LocalDate today = LocalDate.now(Dates.UK);
		LiveApplication.Browser commissioner = app.signIn("commissioner");
		List<HttpResponse<String>> decided = app.atOnce(AT_ONCE,
				i -> commissioner.post("/decisions/" + reference + "/decide",
						Map.of("decision", "SUPPORTED", "on.day", Integer.toString(today.getDayOfMonth()), "on.month",
								Integer.toString(today.getMonthValue()), "on.year", Integer.toString(today.getYear()),
								"comment", "Pressed " + i, "version", recordVersion)));
		assertThat(statuses(decided)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));

		assertThat(db.queryForList("select p.amount from award_line l join award_line_period p on p.line_id = l.id "
				+ "where l.decided_by = ? order by l.position", BigDecimal.class, reference))
			.extracting(BigDecimal::toPlainString)
			.containsExactly("40000.00", "25000.00");
		assertThat(db.queryForList(
				"select amount from organisation_grant where decision_reference = ? " + "order by amount desc",
				BigDecimal.class, reference))
			.extracting(BigDecimal::toPlainString)
			.containsExactly("40000.00", "25000.00");
		assertThat(db.queryForObject("select count(*) from round_award", Integer.class)).isEqualTo(2);
		assertThat(db.queryForObject("select count(*) from organisation where identifier like 'GB-CHC-202600_'",
				Integer.class))
			.isEqualTo(2);
		assertThat(db.queryForList("select status from application where round_id = ? order by number", String.class,
				round.round))
			.containsExactly("AWARDED", "NOT_AWARDED", "AWARDED");
		assertThat(db.queryForObject("select count(*) from notification where template like 'application-%awarded'",
				Integer.class))
			.isEqualTo(3);
		assertThat(
				db.queryForObject("select count(*) from audit_event where action = 'ADD_DECIDED_LINE'", Integer.class))
			.isEqualTo(2);
		assertThat(db.queryForObject("select status from grant_round where id = ?", String.class, round.round))
			.isEqualTo("DECIDED");
	}

}
