package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * Twenty loads of the same force's month at the same moment, over real HTTP on real
 * PostgreSQL: exactly one load is made and its records are counted once; every other
 * request is told the month was already loaded from the same content and left unchanged
 * (or gets a 409); none answers 500 and none doubles the figures.
 */
class CrimeImportOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("crime_import_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theSameForcesMonthLoadedTwentyTimesAtOnceIsLoadedOnceAndCountedOnce() {
		String header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
				+ "Crime type,Last outcome category,Context\n";
		StringBuilder file = new StringBuilder(header);
		for (int i = 0; i < 50; i++) {
			file.append("id")
				.append(i)
				.append(",2033-04,Leicestershire Police,Leicestershire Police,,,On or near X,E01,Leicester 001A,")
				.append((i % 2 == 0) ? "Burglary" : "Drugs")
				.append(",,\n");
		}
		byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);

		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer")
			.postFiles("/api/v1/indicators/police-uk", "files", Map.of("2033-04-leicestershire-street.csv", content)));

		Map<Integer, Long> statuses = statuses(responses);
		assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(200, 409);
		List<HttpResponse<String>> ok = responses.stream().filter(response -> response.statusCode() == 200).toList();
		assertThat(ok.stream().filter(response -> response.body().contains("\"unchanged\":false"))).hasSize(1);
		assertThat(ok.stream().filter(response -> response.body().contains("\"unchanged\":true")))
			.hasSize(ok.size() - 1)
			.allMatch(response -> response.body().contains("by Olu Officer; unchanged"));
		responses.stream()
			.filter(response -> response.statusCode() == 409)
			.forEach(response -> assertThat(response.body()).contains("detail"));
		assertThat(db.queryForObject(
				"select count(*) from crime_month where force = 'Leicestershire Police' and month = '2033-04-01'",
				Long.class))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from crime_load_file where month = '2033-04-01'", Long.class))
			.isEqualTo(1);
		assertThat(db.queryForObject("select sum(count) from crime_count where month = '2033-04-01'", Long.class))
			.isEqualTo(50);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'CrimeMonth' and entity_id = 'Leicestershire Police 2033-04'",
				Long.class))
			.isEqualTo(1);
	}

}
