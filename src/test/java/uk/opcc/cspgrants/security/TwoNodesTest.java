package uk.opcc.cspgrants.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.opcc.cspgrants.CspGrantsApplication;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database with sessions in PostgreSQL: a user signs in on
 * one and carries on, with the same session cookie, on the other.
 */
class TwoNodesTest {

	@Test
	void aSessionStartedOnOneNodeWorksOnTheOther() throws Exception {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("two_nodes");
		try (ConfigurableApplicationContext first = start(database);
				ConfigurableApplicationContext second = start(database)) {
			String cookie = signIn(port(first));
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(second) + "/partnerships"))
					.header("Cookie", cookie)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Signed in as", "Olu Officer", "Community Safety Partnerships");
			assertThat(cookie).startsWith("SESSION=");
		}
	}

	private static ConfigurableApplicationContext start(TestPostgres.DatabaseAddress database) {
		return new SpringApplicationBuilder(CspGrantsApplication.class)
			.properties(TestPostgres.applicationProperties(database, "SERVER_PORT=0"))
			.run("--spring.autoconfigure.exclude=");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Signs in through the form on a node and returns the session cookie it sets. */
	private static String signIn(int port) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> login = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = sessionOrCsrfCookie(login, "XSRF-TOKEN");
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> signedIn = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Cookie", cookie)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=officer&password=" + SignIn.DEMO_PASSWORD
						+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return sessionOrCsrfCookie(signedIn, "SESSION");
	}

	private static String sessionOrCsrfCookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(value -> value.startsWith(name + "=") && !value.startsWith(name + "=;"))
			.map(value -> value.split(";")[0])
			.findFirst()
			.orElseThrow();
	}

}
