package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.organisations.OrganisationManagement;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.organisations.OrganisationView;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * Organisations change once, on a database of their own: twenty officers adding the same
 * charity at the same moment make one organisation (the identifier's unique key), the
 * others told which organisation holds the number; twenty scripts adding the same name
 * make one; twenty saves of one version make one change, the others told who made it;
 * twenty councils claiming one CSP as its lead authority make one lead; twenty imports
 * naming the same new organisation get the same one. No 500 anywhere, and each change is
 * audited once.
 */
class OrganisationsOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("organisations_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theSameCharityAddedOnThePageTwentyTimesAtOnceIsRecordedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, (i) -> officer.post("/organisations", Map.of("name",
				"Braunstone Youth Trust " + (char) ('A' + i), "type", "CHARITY", "charityNumber", "1099201")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		String winner = db.queryForObject("select name from organisation where identifier = 'GB-CHC-1099201'",
				String.class);
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("The charity number 1099201 is already recorded as " + winner);
			}
		}
		assertThat(db.queryForObject("select count(*) from organisation where charity_number = '1099201'", Long.class))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Organisation' "
				+ "and action = 'CREATE' and after_json ->> 'identifier' = 'GB-CHC-1099201'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void theSameNameAddedThroughTheApiTwentyTimesAtOnceIsRecordedOnce() {
		List<HttpResponse<String>> responses = app
			.atOnce(AT_ONCE, (i) -> app.api("officer").post("/api/v1/organisations", """
					{"name": "Wigston Street Pastors", "type": "CHARITY", "contactName": "Script %d"}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).containsAnyOf(
						"There is already an organisation called Wigston Street Pastors",
						"An organisation called Wigston Street Pastors is already recorded as "
								+ "360G-opcc-leics-org-wigston-street-pastors");
			}
		}
		assertThat(db.queryForObject("select count(*) from organisation where name = 'Wigston Street Pastors'",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void oneVersionSavedTwentyTimesAtOnceIsChangedOnce() {
		long id = db.queryForObject("insert into organisation (name, type, identifier, created_at, updated_at) "
				+ "values ('Oadby Food Bank', 'CHARITY', '360G-opcc-leics-org-oadby-food-bank', now(), now()) "
				+ "returning id", Long.class);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, (i) -> officer.post("/organisations/" + id,
				Map.of("name", "Oadby Food Bank", "type", "CHARITY", "contactName", "Caller " + i, "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Olu Officer changed Oadby Food Bank after you opened it");
			}
		}
		assertThat(db.queryForObject("select version from organisation where id = ?", Long.class, id)).isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Organisation' "
				+ "and action = 'UPDATE' and entity_id = ?", Long.class, String.valueOf(id)))
			.isEqualTo(1);
	}

	@Test
	void oneCspClaimedByTwentyCouncilsAtOnceHasOneLeadAuthority() {
		long blaby = db.queryForObject("select id from partnership where code = 'BLA'", Long.class);
		db.update("delete from partnership_lead_authority where partnership_id = ?", blaby);
		List<Long> councils = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			councils.add(db.queryForObject(
					"insert into organisation (name, type, identifier, created_at, updated_at) "
							+ "values (?, 'LOCAL_AUTHORITY', ?, now(), now()) returning id",
					Long.class, "Claimant Council " + i, "360G-opcc-leics-org-claimant-council-" + i));
		}
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				(i) -> officer.post("/organisations/" + councils.get(i) + "/lead-authority",
						Map.of("partnershipIds", String.valueOf(blaby), "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		String lead = db.queryForObject("select o.name from partnership_lead_authority l join organisation o "
				+ "on o.id = l.organisation_id where l.partnership_id = ?", String.class, blaby);
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).containsAnyOf("Blaby is led by " + lead,
						"Blaby has just been given " + lead + " as its lead authority by someone else");
			}
		}
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Organisation' "
				+ "and action = 'LEAD_AUTHORITY' and actor = 'officer'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void twentyImportsNamingTheSameNewOrganisationAtOnceGetOne() throws Exception {
		OrganisationManagement organisations = app.bean(OrganisationManagement.class);
		var officer = Principals.of("officer", db);
		ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
		try {
			CyclicBarrier together = new CyclicBarrier(AT_ONCE);
			List<Future<OrganisationView>> found = new ArrayList<>();
			for (int i = 0; i < AT_ONCE; i++) {
				String spelling = (i % 2 == 0) ? "Friends of Knighton Park Ltd" : "friends of knighton park";
				found.add(threads.submit(() -> {
					together.await();
					return organisations.findOrCreateByName(spelling, OrganisationType.CHARITY, officer);
				}));
			}
			Set<Long> ids = new HashSet<>();
			Map<String, Integer> identifiers = new HashMap<>();
			for (Future<OrganisationView> result : found) {
				ids.add(result.get().id());
				identifiers.merge(result.get().identifier(), 1, Integer::sum);
			}
			assertThat(ids).hasSize(1);
			assertThat(identifiers).isEqualTo(Map.of("360G-opcc-leics-org-friends-of-knighton-park", AT_ONCE));
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(db.queryForObject("select count(*) from organisation where name_key = 'friends of knighton park'",
				Long.class))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Organisation' "
				+ "and action = 'CREATE' and after_json ->> 'identifier' = '360G-opcc-leics-org-friends-of-knighton-park'",
				Long.class))
			.isEqualTo(1);
	}

}
