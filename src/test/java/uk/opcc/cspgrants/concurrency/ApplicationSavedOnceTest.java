package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.OpenedRounds;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * An application is started once per press of Start and each task saved once from one
 * version. On a database of its own, an applicant signed in by a link presses Start
 * twenty times at once with one start key, then saves a task twenty times at once from
 * one version (as twenty tabs would): one success each time, 409s saying so for the rest,
 * nobody a 500, one application and one audit row.
 */
class ApplicationSavedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static LiveApplication.Browser applicant;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("application_saved_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		OpenedRounds.open(app, "2025-26", "ONCE-2025");
		applicant = app.signInApplicant("twenty.tabs@applicants.example");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void startPressedTwentyTimesAtOnceStartsOneApplication() {
		String key = UUID.randomUUID().toString();
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> applicant.post("/apply/rounds/ONCE-2025/start", Map.of("startKey", key)));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("You pressed Start more than once");
			}
		}
		assertThat(db.queryForObject("select count(*) from application where start_key = ?::uuid", Long.class, key))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'START' and entity_id = (select id::text from application where start_key = ?::uuid)",
				Long.class, key))
			.isEqualTo(1);
	}

	@Test
	void aTaskSavedTwentyTimesAtOnceFromOneVersionIsSavedOnce() {
		HttpResponse<String> started = applicant.post("/apply/rounds/ONCE-2025/start",
				Map.of("startKey", UUID.randomUUID().toString()));
		assertThat(started.statusCode()).isEqualTo(302);
		String path = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> applicant.post(path + "/outcomes",
				Map.of("outcomes", "Fewer call-outs, tab " + i, "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).statusCode() == 409) {
				assertThat(responses.get(i).body()).contains("This application was changed in another window",
						"Fewer call-outs, tab " + i + "</textarea>");
			}
		}
		assertThat(db.queryForObject("select version from application where id = ?", Long.class, id)).isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'SAVE_OUTCOMES' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
	}

}
