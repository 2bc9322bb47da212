package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * An applicant's account is made once and a sign-in link signs in once. On a database of
 * its own (demo profile, no mail service, so the "check your email" page shows the link),
 * twenty people ask for a link for the same new address at the same moment: every one
 * gets the same page, one account is made (and audited once), and only the hour's five
 * links are written. Then one link is pressed twenty times at once: one press signs in
 * and goes to {@code /apply}, the nineteen others are told the link has been used (409),
 * nobody gets a 500, and the sign-in is audited once. An API token made and revoked
 * twenty times at once is made and revoked once.
 */
class SignInLinkOnceTest {

	private static final int AT_ONCE = 20;

	private static final String ADDRESS = "Twenty.At.Once@applicants.example";

	private static final Pattern DEMO_LINK = Pattern.compile("href=\"(/apply/link/[A-Za-z0-9_-]{43})\"");

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("sign_in_link_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void twentyRequestsForOneAddressMakeOneAccountAndTheHoursLinks() {
		LiveApplication.Browser visitor = app.visitor("/apply/sign-in");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> visitor.post("/apply/sign-in", Map.of("email", (i % 2 == 0) ? ADDRESS : ADDRESS.toLowerCase())));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, (long) AT_ONCE));
		assertThat(responses).allSatisfy(response -> assertThat(response.body()).contains("Check your email"));
		assertThat(responses.stream().filter(response -> DEMO_LINK.matcher(response.body()).find()))
			.as("answers showing a demo link")
			.hasSize(5);

		assertThat(db.queryForObject("select count(*) from applicant_account where lower(email) = lower(?)",
				Integer.class, ADDRESS))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from app_user where lower(email) = lower(?)", Integer.class,
				ADDRESS))
			.as("users with the address: the losers' users are removed")
			.isEqualTo(1);
		assertThat(db.queryForObject(
				"select count(*) from app_user_role r join applicant_account a "
						+ "on a.user_id = r.user_id where lower(a.email) = lower(?) and r.role = 'APPLICANT'",
				Integer.class, ADDRESS))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from sign_in_link l join applicant_account a "
				+ "on a.user_id = l.user_id where lower(a.email) = lower(?)", Integer.class, ADDRESS))
			.isEqualTo(5);
		assertThat(db.queryForObject("select count(*) from notification where template = 'applicant-sign-in' "
				+ "and email is not null and lower(email) = lower(?)", Integer.class, ADDRESS))
			.as("one message per link, kept in the application")
			.isEqualTo(5);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'ApplicantAccount' "
				+ "and action = 'CREATE' and after_json ->> 'email' ilike ?", Integer.class, ADDRESS))
			.isEqualTo(1);
	}

	@Test
	void oneLinkPressedTwentyTimesAtOnceSignsInOnce() {
		String address = "one.link@applicants.example";
		LiveApplication.Browser visitor = app.visitor("/apply/sign-in");
		HttpResponse<String> sent = visitor.post("/apply/sign-in", Map.of("email", address));
		assertThat(sent.statusCode()).isEqualTo(200);
		Matcher link = DEMO_LINK.matcher(sent.body());
		assertThat(link.find()).as("the demo shows the link").isTrue();
		String path = link.group(1);
		LiveApplication.Browser opened = app.visitor(path);

		List<HttpResponse<String>> presses = app.atOnce(AT_ONCE, i -> opened.post(path, Map.of()));

		assertThat(statuses(presses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		HttpResponse<String> signedIn = presses.stream()
			.filter(response -> response.statusCode() == 302)
			.findFirst()
			.orElseThrow();
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/apply");
		for (HttpResponse<String> refused : presses) {
			if (refused.statusCode() == 409) {
				assertThat(refused.body()).contains("This link has already been used", "Send me a new link");
			}
		}
		assertThat(db.queryForObject(
				"select count(*) from sign_in_link l join applicant_account a "
						+ "on a.user_id = l.user_id where a.email = ? and l.used_at is not null",
				Integer.class, address))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'ApplicantAccount' "
				+ "and action = 'SIGN_IN' and after_json ->> 'email' = ?", Integer.class, address))
			.isEqualTo(1);
		assertThat(db.queryForObject("select verified_at is not null from applicant_account where email = ?",
				Boolean.class, address))
			.isTrue();

		LiveApplication.Browser applicant = app.keeping(signedIn, "/apply");
		HttpResponse<String> home = applicant.get("/apply");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("You are signed in as", address, "You have not started an application");
		assertThat(applicant.get("/partnerships").statusCode()).as("a staff page").isEqualTo(403);
	}

	/**
	 * An API token: "Create token" pressed twenty times at once with one form makes one
	 * token (nineteen 409s); twenty requests at once with it are all answered; "Revoke
	 * the token" pressed twenty times at once revokes it once (nineteen 409s naming who
	 * did), each audited once, and the token then answers 401.
	 */
	@Test
	void anApiTokenIsMadeOnceAndRevokedOnceWhenPressedTwentyTimesAtOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		String key = java.util.UUID.randomUUID().toString();
		List<HttpResponse<String>> made = app.atOnce(AT_ONCE, i -> officer.post("/account/tokens",
				Map.of("name", "Ledger, tab " + i, "days", "30", "createKey", key)));
		assertThat(statuses(made)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		String secret = null;
		for (int i = 0; i < AT_ONCE; i++) {
			HttpResponse<String> response = made.get(i);
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("You pressed “Create token” more than once",
						"value=\"Ledger, tab " + i + "\"");
			}
			else {
				Matcher shown = Pattern.compile("cspg_[A-Za-z0-9_-]{43}").matcher(response.body());
				assertThat(shown.find()).isTrue();
				secret = shown.group();
			}
		}
		long id = db.queryForObject("select id from api_token where create_key = ?::uuid", Long.class, key);
		LiveApplication.Api machine = app.apiWithToken(secret);
		assertThat(statuses(app.atOnce(AT_ONCE, i -> machine.get("/api/v1/partnerships"))))
			.isEqualTo(Map.of(200, (long) AT_ONCE));
		List<HttpResponse<String>> revoked = app.atOnce(AT_ONCE,
				i -> officer.post("/account/tokens/" + id + "/revoke", Map.of()));
		assertThat(statuses(revoked)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : revoked) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("was already revoked by Olu Officer");
			}
		}
		assertThat(db.queryForList(
				"select action from audit_event where entity_type = 'ApiToken' " + "and entity_id = ? order by id",
				String.class, Long.toString(id)))
			.containsExactly("CREATE_TOKEN", "REVOKE_TOKEN");
		assertThat(machine.get("/api/v1/partnerships").statusCode()).isEqualTo(401);
	}

}
