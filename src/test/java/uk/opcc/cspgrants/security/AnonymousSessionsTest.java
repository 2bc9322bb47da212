package uk.opcc.cspgrants.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.CspGrantsApplication;
import uk.opcc.cspgrants.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile, sessions in PostgreSQL, on a fresh database and over real
 * HTTP: looking at pages without signing in writes no session row (each anonymous view of
 * the sign-in page used to write one, 1,061 in 10 seconds); signing in still needs the
 * CSRF token and makes one session; behind a proxy that ends TLS the answers carry HSTS.
 */
class AnonymousSessionsTest {

	private static final String ADMIN_PASSWORD = "first-admin-password";

	private static ConfigurableApplicationContext application;

	private static JdbcTemplate jdbc;

	private static int port;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("prod_anonymous_sessions");
		application = new SpringApplicationBuilder(CspGrantsApplication.class).profiles("prod")
			.properties(TestPostgres.applicationProperties(database, "SERVER_PORT=0",
					"CSP_GRANTS_ADMIN_PASSWORD=" + ADMIN_PASSWORD, "logging.structured.format.console=",
					// applicants' sign-in needs a mail service in prod; nothing is sent
					// here
					// (the tests' sender is not scheduled)
					"spring.mail.host=127.0.0.1", "spring.mail.port=1"))
			.run();
		jdbc = application.getBean(JdbcTemplate.class);
		port = ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	@Test
	void anonymousPageViewsWriteNoSession() throws Exception {
		long before = sessions();
		for (int round = 0; round < 10; round++) {
			for (String path : List.of("/", "/public", "/login", "/login?error", "/public/decisions",
					"/public/allocations/2024-25", "/how-the-formula-works", "/partnerships", "/admin/users",
					"/no-such-page", "/public/published-splits", "/public/published-splits/1", "/public/rounds",
					"/public/rounds/NO-SUCH-ROUND",
					"/public/published-splits?check=1&table=Leicester+%C2%A31%0ARutland+2"
							+ "&indicators=population&windowEnd=2023-24&windowYears=1",
					"/apply", "/apply/sign-in", "/apply/sign-in/sent", "/apply/link/" + "A".repeat(43))) {
				HttpResponse<String> response = send(request(path).GET(), null);
				// a check of a published split with no indicator data loaded is refused
				// on
				// its field: a 400 page, still with no session
				assertThat(response.statusCode()).as(path)
					.isIn(path.contains("check=1") ? List.of(200, 400) : List.of(200, 302, 404));
				if (path.startsWith("/apply/link/")) {
					assertThat(response.statusCode()).as(path).isEqualTo(404);
				}
				assertThat(response.headers().allValues("Set-Cookie")).as(path + " sets a session cookie")
					.noneMatch(cookie -> cookie.startsWith("SESSION="));
			}
		}
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void signingInNeedsTheCsrfTokenAndMakesOneSession() throws Exception {
		HttpResponse<String> login = send(request("/login").GET(), null);
		String csrfCookie = cookie(login, "XSRF-TOKEN").orElseThrow();
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("HttpOnly", "Secure", "SameSite=Lax"));
		String token = csrfToken(login.body());
		long before = sessions();

		assertThat(signIn(null, token).statusCode()).as("without the cookie").isEqualTo(403);
		assertThat(signIn(csrfCookie, "not-the-token").statusCode()).as("with a wrong token").isEqualTo(403);
		assertThat(sessions()).isEqualTo(before);

		HttpResponse<String> signedIn = signIn(csrfCookie, token);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
		assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));
		assertThat(sessions()).isEqualTo(before + 1);
		HttpResponse<String> home = send(request("/").GET(), cookie(signedIn, "SESSION").orElseThrow());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Signed in as");
	}

	/**
	 * Asking for a sign-in link and opening one write no session; pressing its button
	 * writes one, and only that once.
	 */
	@Test
	void anApplicantsSessionIsMadeOnlyWhenTheLinkSignsIn() throws Exception {
		HttpResponse<String> form = send(request("/apply/sign-in").GET(), null);
		String csrfCookie = cookie(form, "XSRF-TOKEN").orElseThrow();
		String token = csrfToken(form.body());
		long before = sessions();
		String address = "no.session@applicants.example";
		HttpResponse<String> asked = send(
				request("/apply/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString("email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&_csrf="
								+ URLEncoder.encode(token, StandardCharsets.UTF_8))),
				csrfCookie);
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location")).hasValue("/apply/sign-in/sent");
		HttpResponse<String> sent = send(request("/apply/sign-in/sent").GET(), csrfCookie);
		assertThat(sent.body()).contains("Check your email").doesNotContain("Demo only", "/apply/link/");
		assertThat(sessions()).isEqualTo(before);

		// the link as the e-mail would carry it: its hash stored for the account just
		// made
		SignInToken link = SignInToken.create();
		jdbc.update("insert into sign_in_link (token_hash, user_id, next_path, created_at, expires_at) "
				+ "select ?, user_id, '/apply', now(), now() + interval '30 minutes' from applicant_account "
				+ "where email = ?", link.hash(), address);
		HttpResponse<String> opened = send(request("/apply/link/" + link.token()).GET(), csrfCookie);
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).contains("Continue");
		assertThat(opened.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		assertThat(sessions()).isEqualTo(before);

		HttpResponse<String> pressed = send(
				request("/apply/link/" + link.token()).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString("_csrf=" + URLEncoder.encode(csrfToken(opened.body()), StandardCharsets.UTF_8))),
				csrfCookie);
		assertThat(pressed.statusCode()).isEqualTo(302);
		assertThat(pressed.headers().firstValue("Location")).hasValue("/apply");
		assertThat(pressed.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));
		assertThat(sessions()).isEqualTo(before + 1);
		HttpResponse<String> home = send(request("/apply").GET(), cookie(pressed, "SESSION").orElseThrow());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(address);
	}

	@Test
	void behindAProxyThatEndsTlsTheAnswersCarryHsts() throws Exception {
		HttpResponse<String> viaProxy = send(request("/login").header("X-Forwarded-Proto", "https").GET(), null);
		assertThat(viaProxy.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
		HttpResponse<String> redirected = send(request("/partnerships").header("X-Forwarded-Proto", "https").GET(),
				null);
		assertThat(redirected.headers().firstValue("Location")).hasValue("/login");
		HttpResponse<String> plain = send(request("/login").GET(), null);
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	private HttpResponse<String> signIn(String csrfCookie, String token) throws Exception {
		return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8))),
				csrfCookie);
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
	}

	/** Sends a request with the cookie given, if any (Secure cookies, sent by hand). */
	private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> cookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith(name + "=") && !cookie.startsWith(name + "=;"))
			.map(cookie -> cookie.split(";")[0])
			.findFirst();
	}

	private static String csrfToken(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	private static long sessions() {
		return jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

}
