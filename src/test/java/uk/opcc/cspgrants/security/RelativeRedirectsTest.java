package uk.opcc.cspgrants.security;

import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every redirect names a path, never a host, over real HTTP through Tomcat: a request
 * that says it is for {@code evil.example} (in its request line and its {@code Host}
 * header) is never sent there, neither to sign in, nor back to the page asked for after
 * signing in, nor after a failed sign-in, a page's own redirect or signing out.
 * <p>
 * The requests go to this server as if it were a proxy for {@code http://evil.example},
 * which makes java.net.http send exactly that host, a header it will not let a request
 * set by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class RelativeRedirectsTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@org.junit.jupiter.api.AfterEach
	void noApplicantsLeft() {
		uk.opcc.cspgrants.support.ApplicantFixture.removeApplicants(this.jdbc,
				"email = 'relative.redirects@applicants.example'");
	}

	@Test
	void noRedirectNamesTheHostTheRequestGave() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.proxy(ProxySelector.of(new InetSocketAddress("localhost", this.port)))
			.cookieHandler(new CookieManager())
			.build();

		HttpResponse<String> protectedPage = browser.send(get("/partnerships?sort=name"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(protectedPage.statusCode()).isEqualTo(302);
		assertThat(location(protectedPage)).isEqualTo("/login");
		assertThat(protectedPage.headers().allValues("Set-Cookie"))
			.noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

		HttpResponse<String> wrongPassword = signIn(browser, "not-the-password");
		assertThat(location(wrongPassword)).isEqualTo("/login?error");

		HttpResponse<String> signedIn = signIn(browser, SignIn.DEMO_PASSWORD);
		assertThat(location(signedIn)).isEqualTo("/partnerships?sort=name");
		HttpResponse<String> page = browser.send(get("/partnerships?sort=name"), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);

		HttpResponse<String> pageRedirect = browser.send(post("/grants/settings",
				"year=2010-11&paymentProfile=QUARTERLY_IN_ARREARS&returnDueDays=30&underspendPolicy=CARRY_FORWARD"
						+ "&version=-1&_csrf=" + csrfToken(page.body())),
				HttpResponse.BodyHandlers.ofString());
		assertThat(location(pageRedirect)).isEqualTo("/grants?year=2010-11");

		HttpResponse<String> signedOut = browser.send(post("/logout", "_csrf=" + csrfToken(page.body())),
				HttpResponse.BodyHandlers.ofString());
		assertThat(location(signedOut)).isEqualTo("/login?signedOut");
	}

	@Test
	void noRedirectOfAnApplicantsSignInNamesTheHost() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.proxy(ProxySelector.of(new InetSocketAddress("localhost", this.port)))
			.cookieHandler(new CookieManager())
			.build();
		HttpResponse<String> applicantsPage = browser.send(get("/apply"), HttpResponse.BodyHandlers.ofString());
		assertThat(location(applicantsPage)).isEqualTo("/apply/sign-in");
		String form = browser.send(get("/apply/sign-in"), HttpResponse.BodyHandlers.ofString()).body();
		// the demo with no mail service shows the link on the answer
		String sent = browser
			.send(post("/apply/sign-in",
					"email=relative.redirects%40applicants.example&next=" + "%2F%2Fevil.example%2Fapply&_csrf="
							+ csrfToken(form)),
					HttpResponse.BodyHandlers.ofString())
			.body();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/apply/link/[A-Za-z0-9_-]{43})\"")
			.matcher(sent);
		assertThat(link.find()).isTrue();
		String opened = browser.send(get(link.group(1)), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> signedIn = browser.send(post(link.group(1), "_csrf=" + csrfToken(opened)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(location(signedIn)).as("a next page that is another site leads home").isEqualTo("/apply");
		HttpResponse<String> home = browser.send(get("/apply"), HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		HttpResponse<String> signedOut = browser.send(post("/logout", "_csrf=" + csrfToken(home.body())),
				HttpResponse.BodyHandlers.ofString());
		assertThat(location(signedOut)).isEqualTo("/apply/sign-in?signedOut");
	}

	private HttpResponse<String> signIn(HttpClient browser, String password) throws Exception {
		String form = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
		return browser.send(post("/login", "username=officer&password=" + password + "&_csrf=" + csrfToken(form)),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " redirects").isBetween(301, 303);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).doesNotContain("evil.example").doesNotContain("//").startsWith("/");
		return location;
	}

	private static HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://evil.example" + path)).header("Accept", "text/html").build();
	}

	private static HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://evil.example" + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static String csrfToken(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

}
