package uk.opcc.cspgrants.shared.web;

import java.net.CookieManager;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error pages as a browser gets them from a running server: friendly words, the
 * service's layout, and never an exception's class, message or stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, ErrorPagesTest.Exploding.class })
class ErrorPagesTest {

	@LocalServerPort
	int port;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void anUnknownAddressGetsTheNotFoundPage() throws Exception {
		signIn("officer");
		HttpResponse<String> page = get("/no-such-page");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found", "CSP Grants").doesNotContain("Exception", "at org.");
	}

	@Test
	void anIdThatIsNotANumberIsNotFoundAndAButtonsAddressOpenedSaysSo() throws Exception {
		signIn("officer");
		for (String path : new String[] { "/account/tokens/abc/revoke", "/partnerships/CHA/edit?version=x",
				"/account/tokens/99999999999999999999/revoke" }) {
			HttpResponse<String> page = get(path);
			assertThat(page.body()).as(path).doesNotContain("For input string", "Exception");
		}
		HttpResponse<String> notAnId = get("/account/tokens/abc/revoke");
		assertThat(notAnId.statusCode()).isEqualTo(404);
		assertThat(notAnId.body()).contains("Page not found");
		// a value in the query that cannot be read is a bad request, not a missing page
		HttpResponse<String> query = get("/notifications?page=abc");
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.body()).contains("A value sent with the page could not be read")
			.doesNotContain("For input string", "Exception");
		HttpResponse<String> button = get("/account/sessions/end-others");
		assertThat(button.statusCode()).isEqualTo(405);
		assertThat(button.body()).contains("This address is for a button", "Nothing has been changed")
			.doesNotContain("Sorry, something went wrong");
	}

	@Test
	void aForbiddenPageSaysSoKindly() throws Exception {
		signIn("leicester.csp");
		HttpResponse<String> page = get("/partnerships/CHA");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("You do not have access to this page").doesNotContain("AccessDenied");
	}

	@Test
	void aFailureShowsNoExceptionText() throws Exception {
		signIn("officer");
		HttpResponse<String> page = get("/test/explode");
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Sorry, there is a problem with the service")
			.doesNotContain("secret internal detail", "IllegalStateException", "at uk.opcc");
	}

	@Test
	void anUploadOverTheLimitIsRefusedWithAProblemDetailAndLoadsNothing() throws Exception {
		String boundary = "csp-grants-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + 21 * 1024 * 1024 + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		java.util.Arrays.fill(body, head.length, body.length - tail.length, (byte) 'x');
		System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
		String credentials = java.util.Base64.getEncoder()
			.encodeToString(("officer:" + SignIn.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/api/v1/indicators/police-uk"))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("The upload is too large", "Nothing was loaded");
	}

	private void signIn(String username) throws Exception {
		String login = get("/login").body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).isTrue();
		String form = "username=" + username + "&password=" + SignIn.DEMO_PASSWORD + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = this.browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Controller
	static class Exploding {

		@GetMapping("/test/explode")
		String explode() {
			throw new IllegalStateException("secret internal detail");
		}

	}

}
