package uk.opcc.cspgrants.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.support.AtOnce;
import uk.opcc.cspgrants.support.CookieBrowser;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor over HTTP, with the roles the default requires it of (administrators,
 * finance, the Monitoring Officer, the Commissioner): setting up the app after the
 * password, the code each sign-in, each code once, recovery codes once, the lock-out
 * covering codes, HTTP Basic refused, an administrator's reset, and changes made once
 * when sent 20 times at once.
 */
class SecondFactorTest {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

	private static final TotpCodes CODES = new TotpCodes();

	private static LiveApplication application;

	private static String base;

	@BeforeAll
	static void start() {
		application = LiveApplication.start("second_factor",
				"--csp-grants.second-factor.required-for=ADMIN,FINANCE,MONITORING_OFFICER,COMMISSIONER",
				"--logging.level.org.springframework.security.web.csrf=DEBUG");
		// 127.0.0.1: Java's cookie store keeps a cookie of "localhost" under another name
		base = "http://127.0.0.1:" + application.port();
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
	}

	@Test
	void aRequiredSecondFactorIsSetUpAfterThePasswordThenAskedForAtEachSignInEachCodeOnce() throws Exception {
		CookieBrowser fran = new CookieBrowser();
		HttpResponse<String> setUp = password(fran, "finance");
		assertThat(setUp.uri().getPath()).isEqualTo("/login/second-factor/set-up");
		assertThat(setUp.body()).contains("Set up your authenticator app").contains("<svg class=\"app-qr-code\"");
		// the password alone signs nobody in
		assertThat(fran.get(base + "/monitoring/payments").statusCode()).isEqualTo(302);
		String secret = secretOn(setUp.body());
		HttpResponse<String> wrong = fran.post(base + "/login/second-factor/set-up",
				Map.of("code", "000000", "_csrf", CookieBrowser.csrf(setUp.body())));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("The code is not right")
			.contains(String.join(" ", secret.split("(?<=\\G.{4})")));
		HttpResponse<String> done = fran.post(base + "/login/second-factor/set-up",
				Map.of("code", CODES.codeAt(secret, Instant.now()), "_csrf", CookieBrowser.csrf(wrong.body())));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.headers().firstValue("Cache-Control")).hasValue("no-store");
		List<String> recovery = recoveryCodesOn(done.body());
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
		assertThat(fran.get(base + "/monitoring/payments").statusCode()).isEqualTo(200);
		long franId = application.database()
			.queryForObject("select id from app_user where username = 'finance'", Long.class);
		// the secret is kept sealed, never as the app reads it
		Map<String, Object> kept = application.database()
			.queryForMap("select secret, secret_sealed from second_factor where user_id = ?", franId);
		assertThat(kept.get("secret")).isNull();
		assertThat((String) kept.get("secret_sealed")).startsWith("v1.").doesNotContain(secret.replace(" ", ""));
		assertThat(application.database()
			.queryForList("select subject from notification where username = 'finance' "
					+ "and template = 'second-factor-set-up'", String.class))
			.containsExactly("A second factor was set up for your CSP Grants account");
		assertThat(application.database()
			.queryForObject("select count(*) from recovery_code where user_id = ? and used_at is null", Long.class,
					franId))
			.isEqualTo(10);

		// the next sign-in asks for a code; the one used to set up is refused, a later
		// one
		// accepted once
		CookieBrowser again = new CookieBrowser();
		HttpResponse<String> askForCode = password(again, "finance");
		assertThat(askForCode.uri().getPath()).isEqualTo("/login/second-factor");
		HttpResponse<String> reused = again.post(base + "/login/second-factor", Map.of("code",
				CODES.codeAt(secret, Instant.now().minusSeconds(30)), "_csrf", CookieBrowser.csrf(askForCode.body())));
		// a code of the step used to set up, or before it, is a code seen before: 409,
		// and not
		// counted as a failure
		assertThat(reused.statusCode()).isEqualTo(409);
		assertThat(reused.body()).contains("That code has just been used to sign in");
		String next = CODES.codeAt(secret, Instant.now().plusSeconds(30));
		HttpResponse<String> signedIn = again.post(base + "/login/second-factor",
				Map.of("code", next, "_csrf", CookieBrowser.csrf(reused.body())));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(again.get(base + "/monitoring/payments").statusCode()).isEqualTo(200);
		CookieBrowser third = new CookieBrowser();
		HttpResponse<String> third1 = password(third, "finance");
		assertThat(third
			.post(base + "/login/second-factor", Map.of("code", next, "_csrf", CookieBrowser.csrf(third1.body())))
			.statusCode()).isEqualTo(409);

		// a recovery code signs in once
		CookieBrowser lostPhone = new CookieBrowser();
		HttpResponse<String> asked = password(lostPhone, "finance");
		assertThat(lostPhone
			.post(base + "/login/second-factor",
					Map.of("code", recovery.get(3).toUpperCase(), "_csrf", CookieBrowser.csrf(asked.body())))
			.statusCode()).isEqualTo(302);
		CookieBrowser twice = new CookieBrowser();
		HttpResponse<String> asked2 = password(twice, "finance");
		assertThat(twice
			.post(base + "/login/second-factor",
					Map.of("code", recovery.get(3), "_csrf", CookieBrowser.csrf(asked2.body())))
			.statusCode()).isEqualTo(400);
		// each is kept salted (ASVS 2.6.2): no stored hash is a code's plain SHA-256
		assertThat(application.database()
			.queryForObject("select count(*) from recovery_code where user_id = ? and salt is null", Long.class,
					franId))
			.isZero();
		assertThat(application.database()
			.queryForList("select code_hash from recovery_code where user_id = ?", String.class, franId)).hasSize(10)
			.doesNotContainAnyElementsOf(recovery.stream().map(SecondFactors::hash).toList());
		// a code kept unsalted, before V70, still signs in once
		application.database()
			.update("insert into recovery_code (user_id, code_hash) values (?, ?)", franId,
					SecondFactors.hash("legac-ycd23"));
		CookieBrowser legacy = new CookieBrowser();
		HttpResponse<String> asked3 = password(legacy, "finance");
		assertThat(legacy
			.post(base + "/login/second-factor",
					Map.of("code", "LEGACYCD23", "_csrf", CookieBrowser.csrf(asked3.body())))
			.statusCode()).isEqualTo(302);

		// HTTP Basic is a password alone: refused for her; an officer's still works
		HttpResponse<String> basic = application.api("finance").get("/api/v1/payments?year=2024-25");
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.body()).contains("second factor");
		assertThat(application.api("officer").get("/api/v1/grants?year=2024-25").statusCode()).isEqualTo(200);

		// an administrator resets it: she sets up the app again at her next sign-in
		CookieBrowser admin = signedInAdmin();
		HttpResponse<String> check = admin.get(base + "/admin/users/" + franId + "/second-factor/reset");
		assertThat(check.body()).contains("Reset the second factor of Fran Finance?");
		String resetToken = CookieBrowser.csrf(check.body());
		List<HttpResponse<String>> resets = AtOnce.run(20, () -> admin
			.post(base + "/admin/users/" + franId + "/second-factor/reset", Map.of("_csrf", resetToken)));
		assertThat(LiveApplication.statuses(resets)).isEqualTo(Map.of(302, 1L, 409, 19L));
		assertThat(resets.stream().filter(reset -> reset.statusCode() == 409).findFirst().orElseThrow().body())
			.contains("There is no second factor set up for this account now");
		assertThat(application.database()
			.queryForObject("select count(*) from second_factor where user_id = ?", Long.class, franId)).isZero();
		assertThat(application.database()
			.queryForList("select template from notification where username = 'finance' and template in "
					+ "('recovery-code-used', 'second-factor-reset') order by id", String.class))
			.containsExactly("recovery-code-used", "recovery-code-used", "second-factor-reset");
		assertThat(password(new CookieBrowser(), "finance").uri().getPath()).isEqualTo("/login/second-factor/set-up");
	}

	@Test
	void wrongCodesCountTowardsTheLockOutAndARightPasswordDoesNotWipeThemOut() {
		CookieBrowser guesser = new CookieBrowser();
		HttpResponse<String> setUp = password(guesser, "commissioner");
		String secret = secretOn(setUp.body());
		guesser.post(base + "/login/second-factor/set-up",
				Map.of("code", CODES.codeAt(secret, Instant.now()), "_csrf", CookieBrowser.csrf(setUp.body())));
		HttpResponse<String> last = null;
		for (int attempt = 1; attempt <= 5; attempt++) {
			CookieBrowser attacker = new CookieBrowser();
			HttpResponse<String> asked = password(attacker, "commissioner");
			assertThat(asked.uri().getPath()).isEqualTo("/login/second-factor");
			last = attacker.post(base + "/login/second-factor",
					Map.of("code", "12345" + attempt, "_csrf", CookieBrowser.csrf(asked.body())));
		}
		assertThat(last.headers().firstValue("Location")).hasValue("/login?locked");
		// locked: the right password is refused too, and then the right code is never
		// asked for
		HttpResponse<String> locked = password(new CookieBrowser(), "commissioner");
		assertThat(locked.uri().toString()).endsWith("/login?locked");
		// the audit trail has the sign-in with the app set up, each wrong code, and the
		// lock-out, against her account, by nobody known; the refusal while locked adds
		// nothing
		long id = application.database()
			.queryForObject("select id from app_user where username = 'commissioner'", Long.class);
		assertThat(application.database()
			.queryForList("select actor || ' ' || action || ' ' || coalesce(after_json ->> 'how', "
					+ "after_json ->> 'reason', after_json ->> 'failures') from audit_event "
					+ "where entity_type = 'User' and entity_id = ? and action in ('SIGN_IN', 'SIGN_IN_REFUSED', "
					+ "'LOCKED_OUT') order by id", String.class, String.valueOf(id)))
			.containsExactly("commissioner SIGN_IN a password and a code from the authenticator app, set up now",
					"system SIGN_IN_REFUSED a wrong code", "system SIGN_IN_REFUSED a wrong code",
					"system SIGN_IN_REFUSED a wrong code", "system SIGN_IN_REFUSED a wrong code",
					"system SIGN_IN_REFUSED a wrong code", "system LOCKED_OUT 5");
		application.database().update("delete from sign_in_attempt where username = 'commissioner'");
	}

	@Test
	void anOptionalSecondFactorIsTheirChoiceAndSetUpTwentyTimesAtOnceOnce() throws Exception {
		CookieBrowser olu = new CookieBrowser();
		HttpResponse<String> home = password(olu, "officer");
		assertThat(home.uri().getPath()).isEqualTo("/");
		HttpResponse<String> account = olu.get(base + "/account/second-factor");
		assertThat(account.body()).contains("No, it is your choice").contains("Set up an authenticator app");
		HttpResponse<String> setUp = olu.get(base + "/account/second-factor/set-up");
		String secret = secretOn(setUp.body());
		String csrf = CookieBrowser.csrf(setUp.body());
		String code = CODES.codeAt(secret, Instant.now());
		List<HttpResponse<String>> answers = AtOnce.run(20,
				() -> olu.post(base + "/account/second-factor/set-up", Map.of("code", code, "_csrf", csrf)));
		assertThat(LiveApplication.statuses(answers)).isEqualTo(Map.of(200, 1L, 409, 19L));
		long oluId = application.database()
			.queryForObject("select id from app_user where username = 'officer'", Long.class);
		assertThat(application.database()
			.queryForObject("select count(*) from recovery_code where user_id = ?", Long.class, oluId)).isEqualTo(10);
		assertThat(application.database()
			.queryForObject("select count(*) from audit_event where entity_type = 'User' and entity_id = ? "
					+ "and action = 'SECOND_FACTOR_SET_UP'", Long.class, String.valueOf(oluId)))
			.isEqualTo(1);

		// twenty sign-ins with the same next code at once: one is let in
		SecondFactors factors = application.bean(SecondFactors.class);
		String next = CODES.codeAt(secret, Instant.now().plusSeconds(30));
		uk.opcc.cspgrants.shared.CurrentUser officer = application.bean(UserManagement.class)
			.principalOf("officer")
			.orElseThrow();
		List<SecondFactors.Outcome> outcomes = AtOnce.run(20, () -> factors.signInWithCode(officer, next));
		assertThat(outcomes).containsOnlyOnce(SecondFactors.Outcome.ACCEPTED)
			.containsOnly(SecondFactors.Outcome.ACCEPTED, SecondFactors.Outcome.ALREADY_USED);
		assertThat(application.database()
			.queryForObject("select count(*) from sign_in_attempt where username = 'officer' and failed_count > 0",
					Long.class))
			.isZero();

		// turning it off asks first
		HttpResponse<String> check = olu.get(base + "/account/second-factor/turn-off");
		assertThat(check.body()).contains("Turn the second factor off?");
		List<HttpResponse<String>> offs = AtOnce.run(20, () -> olu.post(base + "/account/second-factor/turn-off",
				Map.of("_csrf", CookieBrowser.csrf(check.body()))));
		assertThat(LiveApplication.statuses(offs)).isEqualTo(Map.of(302, 1L, 409, 19L));
		assertThat(password(new CookieBrowser(), "officer").uri().getPath()).isEqualTo("/");
	}

	@Test
	void aThemedReviewerMaySetUpASecondFactorTooAndIsThenAskedForACode() throws Exception {
		CookieBrowser rowan = new CookieBrowser();
		assertThat(password(rowan, "reviewer").uri().getPath()).isEqualTo("/review");
		HttpResponse<String> account = rowan.get(base + "/account/second-factor");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("No, it is your choice", "href=\"/account/second-factor\"");
		HttpResponse<String> setUp = rowan.get(base + "/account/second-factor/set-up");
		String secret = secretOn(setUp.body());
		HttpResponse<String> blank = rowan.post(base + "/account/second-factor/set-up",
				Map.of("code", " ", "_csrf", CookieBrowser.csrf(setUp.body())));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("Enter the 6-digit code your authenticator app shows now");
		HttpResponse<String> done = rowan.post(base + "/account/second-factor/set-up",
				Map.of("code", CODES.codeAt(secret, Instant.now()), "_csrf", CookieBrowser.csrf(blank.body())));
		assertThat(recoveryCodesOn(done.body())).hasSize(10);
		// signed in already, the code page sends them home rather than saying time ran
		// out
		assertThat(rowan.follow(rowan.get(base + "/login/second-factor")).uri().getPath()).isEqualTo("/review");

		CookieBrowser again = new CookieBrowser();
		HttpResponse<String> asked = password(again, "reviewer");
		assertThat(asked.uri().getPath()).isEqualTo("/login/second-factor");
		HttpResponse<String> in = again.follow(again.post(base + "/login/second-factor", Map.of("code",
				CODES.codeAt(secret, Instant.now().plusSeconds(30)), "_csrf", CookieBrowser.csrf(asked.body()))));
		assertThat(in.uri().getPath()).isEqualTo("/review");
	}

	@Test
	void newRecoveryCodesAreMadeOnceTwentyPressesAtOnceAndTheOldOnesStopWorking() throws Exception {
		CookieBrowser morgan = new CookieBrowser();
		assertThat(password(morgan, "manager").uri().getPath()).isEqualTo("/");
		HttpResponse<String> setUp = morgan.get(base + "/account/second-factor/set-up");
		String secret = secretOn(setUp.body());
		HttpResponse<String> done = morgan.post(base + "/account/second-factor/set-up",
				Map.of("code", CODES.codeAt(secret, Instant.now()), "_csrf", CookieBrowser.csrf(setUp.body())));
		List<String> first = recoveryCodesOn(done.body());
		assertThat(first).hasSize(10);
		assertThat(morgan.get(base + "/account/second-factor").body()).contains("Make new recovery codes");

		HttpResponse<String> check = morgan.get(base + "/account/second-factor/recovery-codes");
		assertThat(check.body()).contains("Make new recovery codes?", "You have 10 recovery codes left.");
		String csrf = CookieBrowser.csrf(check.body());
		List<HttpResponse<String>> answers = AtOnce.run(20, () -> morgan
			.post(base + "/account/second-factor/recovery-codes", Map.of("version", "0", "_csrf", csrf)));
		assertThat(LiveApplication.statuses(answers)).isEqualTo(Map.of(200, 1L, 409, 19L));
		HttpResponse<String> made = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().get();
		assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
		List<String> fresh = recoveryCodesOn(made.body());
		assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(first);
		answers.stream()
			.filter(answer -> answer.statusCode() == 409)
			.forEach(answer -> assertThat(answer.body())
				.contains("Your recovery codes were made again after this page opened", "href=\"#codes\""));

		long morganId = application.database()
			.queryForObject("select id from app_user where username = 'manager'", Long.class);
		assertThat(application.database()
			.queryForObject("select count(*) from recovery_code where user_id = ?", Long.class, morganId))
			.isEqualTo(10);
		assertThat(application.database()
			.queryForObject("select count(*) from audit_event where entity_type = 'User' and entity_id = ? "
					+ "and action = 'RECOVERY_CODES_MADE'", Long.class, String.valueOf(morganId)))
			.isEqualTo(1);
		assertThat(application.database()
			.queryForObject("select count(*) from notification where username = 'manager' "
					+ "and template = 'recovery-codes-made'", Long.class))
			.isEqualTo(1);
		// an old code no longer signs in; a new one does, once
		uk.opcc.cspgrants.shared.CurrentUser manager = application.bean(UserManagement.class)
			.principalOf("manager")
			.orElseThrow();
		SecondFactors factors = application.bean(SecondFactors.class);
		assertThat(factors.signInWithCode(manager, first.get(0))).isEqualTo(SecondFactors.Outcome.WRONG);
		assertThat(factors.signInWithCode(manager, fresh.get(0))).isEqualTo(SecondFactors.Outcome.ACCEPTED);
		application.database().update("delete from sign_in_attempt where username = 'manager'");
	}

	/** Signs in with the demo password and follows the redirects: where it lands. */
	private static HttpResponse<String> password(CookieBrowser person, String username) {
		HttpResponse<String> login = person.get(base + "/login");
		return person.follow(person.post(base + "/login", Map.of("username", username, "password", SignIn.DEMO_PASSWORD,
				"_csrf", CookieBrowser.csrf(login.body()))));
	}

	private static CookieBrowser signedInAdmin() {
		CookieBrowser admin = new CookieBrowser();
		HttpResponse<String> page = password(admin, "admin");
		if (page.uri().getPath().equals("/login/second-factor/set-up")) {
			String secret = secretOn(page.body());
			admin.post(base + "/login/second-factor/set-up",
					Map.of("code", CODES.codeAt(secret, Instant.now()), "_csrf", CookieBrowser.csrf(page.body())));
		}
		return admin;
	}

	private static String secretOn(String page) {
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as("the secret on the set-up page").isTrue();
		return secret.group(1).replace(" ", "");
	}

	private static List<String> recoveryCodesOn(String page) {
		List<String> codes = new ArrayList<>();
		Matcher code = RECOVERY.matcher(page);
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
	}

}
