package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
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
 * An organisation changed through the API once per version read. On a database of its
 * own, twenty scripts send a change of one organisation with the same version at the same
 * moment: one is saved, the others get 409 naming who changed it, nobody a 500, and the
 * change is audited once.
 */
class OrganisationChangedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("organisation_changed_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void oneVersionSentThroughTheApiTwentyTimesAtOnceIsChangedOnce() {
		long id = db.queryForObject("insert into organisation (name, type, identifier, created_at, updated_at) "
				+ "values ('Loughborough Night Shelter', 'CHARITY', "
				+ "'360G-opcc-leics-org-loughborough-night-shelter', now(), now()) returning id", Long.class);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/organisations/" + id, """
						{"name": "Loughborough Night Shelter", "type": "CHARITY", "contactName": "Script %d",
						 "postcode": "LE11 1AA", "version": 0}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body())
					.contains("Olu Officer changed Loughborough Night Shelter after you opened it");
			}
		}
		assertThat(db.queryForObject("select version from organisation where id = ?", Long.class, id)).isEqualTo(1);
		assertThat(db.queryForObject("select contact_name from organisation where id = ?", String.class, id))
			.startsWith("Script ");
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Organisation' "
				+ "and action = 'UPDATE' and entity_id = ?", Long.class, String.valueOf(id)))
			.isEqualTo(1);
	}

}
