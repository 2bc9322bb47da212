package uk.opcc.cspgrants.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.opcc.cspgrants.support.TestDatabaseConfiguration;

/**
 * Pages go compressed to a browser that asks for it, and as they are to one that does
 * not, over real HTTP through Tomcat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class CompressionTest {

	@LocalServerPort
	int port;

	@Test
	void aPageIsGzippedOnlyForABrowserThatAsks() throws Exception {
		HttpResponse<byte[]> plain = fetch(null);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		String page = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(page).contains("How the formula works");

		HttpResponse<byte[]> compressed = fetch("gzip");
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
		try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).contains("How the formula works")
				.hasSameSizeAs(page);
		}
	}

	/**
	 * A page with a kept table (KeptFragmentsFilter puts the table's blocks, compressed
	 * once, into the page's own gzip stream) decompresses to exactly the page sent to a
	 * client that does not ask, and Tomcat does not compress it twice.
	 */
	@Test
	void aPageWithAKeptTableIsOneGzipStreamOfTheSamePage() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String signIn = new String(browser
			.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
			.body(), StandardCharsets.UTF_8);
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signIn);
		assertThat(token.find()).isTrue();
		String form = "username=officer&password=csp-grants-demo&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());

		HttpResponse<byte[]> plain = browser.send(HttpRequest.newBuilder(uri("/monitoring/reports/2024-25/Q1")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> compressed = browser.send(
				HttpRequest.newBuilder(uri("/monitoring/reports/2024-25/Q1")).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(compressed.statusCode()).isEqualTo(200);
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String page = withoutCsrfTokens(new String(plain.body(), StandardCharsets.UTF_8));
		assertThat(page).contains("id=\"table-1\"", "Sign out");
		try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			assertThat(withoutCsrfTokens(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8))).isEqualTo(page);
		}
	}

	/** Each response masks the session's CSRF token afresh. */
	private static String withoutCsrfTokens(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<byte[]> fetch(String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/how-the-formula-works"))
			.header("Accept", "text/html");
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
