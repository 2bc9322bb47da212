package uk.opcc.cspgrants.shared.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

	@Autowired
	MockMvc mvc;

	@Test
	void onlyHealthAndInfoAreExposed() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.application.name").value("CSP Grants"));
		this.mvc.perform(get("/actuator/env").session(SignIn.as(this.mvc, "admin"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/beans").session(SignIn.as(this.mvc, "admin"))).andExpect(status().isNotFound());
	}

	@Test
	void requestsAreLoggedWithoutPasswords(CapturedOutput output) throws Exception {
		this.mvc.perform(formLogin("/login").user("monitoring").password("csp-grants-demo"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("monitoring", "csp-grants-demo")))
			.andExpect(status().isOk());
		assertThat(output.getOut()).contains("POST /login 302", "GET /api/v1/partnerships 200 ", "user=monitoring")
			.doesNotContain("csp-grants-demo");
	}

	@Test
	void theTokenOfASignInLinkIsNeverLogged(CapturedOutput output) throws Exception {
		String token = "SignInLinkTokenNeverLogged0123456789abcdef";
		this.mvc.perform(get("/apply/link/" + token)).andExpect(status().isNotFound());
		assertThat(output.getOut()).contains("GET /apply/link/(token not logged) 404").doesNotContain(token);
		assertThat(RequestLoggingFilter.loggedPath("/apply/link/" + token)).isEqualTo("/apply/link/(token not logged)");
		assertThat(RequestLoggingFilter.loggedPath("/apply/sign-in")).isEqualTo("/apply/sign-in");
	}

	@Test
	void pagesCarrySecurityHeadersAndForbidScriptFromElsewhere() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void theApiIsDocumentedForSignedInUsers() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/v3/api-docs").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/partnerships/{code}")))
			.andExpect(content().string(containsString("someone else changed it since the version you sent")))
			.andExpect(content().string(containsString("name each field and say what is wrong")))
			.andExpect(content().string(containsString("\"apiToken\":{\"type\":\"http\"")))
			.andExpect(content().string(containsString("\"scheme\":\"bearer\"")))
			.andExpect(content().string(containsString("BCrypt, which is slow by design")));
		this.mvc.perform(get("/swagger-ui/index.html").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("swagger-ui")))
			// its scripts are this service's files, like every page's
			.andExpect(header().string("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
							+ "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
							+ "frame-ancestors 'none'"));
	}

	/** Mapped path by path in WebConfiguration; there is no catch-all. */
	@Test
	void theStaticFilesAreServed() throws Exception {
		for (String path : new String[] { "/css/app.css", "/js/app.js", "/js/supported.js",
				"/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css",
				"/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js", "/assets/images/favicon.ico",
				"/assets/fonts/light-94a07e06a1-v2.woff2" }) {
			this.mvc.perform(get(path)).andExpect(status().isOk());
		}
		this.mvc.perform(get("/templates/layout.html").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isNotFound());
	}

}
