package uk.opcc.cspgrants.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.CspGrantsApplication;
import uk.opcc.cspgrants.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile creates no demo users and needs the first administrator's
 * password, a way of sending e-mail unless applicants' sign-in is off, and the key that
 * seals second-factor secrets.
 */
class ProductionStartTest {

	@Test
	void refusesToStartWithoutTheFirstAdministratorsPassword() {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("prod_without_password");
		assertThatThrownBy(() -> start(database, "")).hasStackTraceContaining("CSP_GRANTS_ADMIN_PASSWORD");
	}

	@Test
	void refusesToStartWithApplicantsSignInAndNoWayOfSendingEmail() {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("prod_applicants_without_mail");
		assertThatThrownBy(() -> new SpringApplicationBuilder(CspGrantsApplication.class).profiles("prod")
			.properties(TestPostgres.applicationProperties(database, "SERVER_PORT=0",
					"CSP_GRANTS_ADMIN_PASSWORD=first-admin-password", "logging.structured.format.console="))
			.run()).hasStackTraceContaining("CSP_GRANTS_APPLICANTS_SIGN_IN=false")
			.hasStackTraceContaining("SPRING_MAIL_HOST");
	}

	@Test
	void refusesToStartWithoutTheKeyThatSealsSecondFactorSecrets() {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("prod_without_secrets_key");
		assertThatThrownBy(() -> new SpringApplicationBuilder(CspGrantsApplication.class).profiles("prod")
			.properties(TestPostgres.applicationProperties(database, "SERVER_PORT=0",
					"CSP_GRANTS_ADMIN_PASSWORD=first-admin-password", "logging.structured.format.console=",
					"csp-grants.applicants.sign-in=false"))
			// the tests' own key (config/application.properties) taken away
			.run("--csp-grants.second-factor.secrets.key="))
			.hasStackTraceContaining("CSP_GRANTS_SECOND_FACTOR_SECRETS_KEY");
	}

	@Test
	void startsWithOnlyTheFirstAdministratorAndNoDemoData() throws Exception {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("prod_with_password");
		try (ConfigurableApplicationContext context = start(database, "first-admin-password")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select username from app_user", String.class)).containsExactly("admin");
			assertThat(jdbc.queryForObject("select count(*) from partnership", Integer.class)).isZero();
			int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
				.getWebServer()
				.getPort();
			java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(200);
			assertThat(login.headers().allValues("Set-Cookie")).as("no session before signing in")
				.noneMatch(cookie -> cookie.startsWith("SESSION="));
		}
	}

	private static ConfigurableApplicationContext start(TestPostgres.DatabaseAddress database, String adminPassword) {
		return new SpringApplicationBuilder(CspGrantsApplication.class).profiles("prod")
			.properties(TestPostgres.applicationProperties(database, "SERVER_PORT=0",
					"CSP_GRANTS_ADMIN_PASSWORD=" + adminPassword, "logging.structured.format.console=",
					"csp-grants.applicants.sign-in=false"))
			.run();
	}

}
