package uk.opcc.cspgrants.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Input meant to break things is stored as typed, shown escaped, or refused with a 4xx:
 * never a 500.
 */
@IntegrationTest
class HostileInputTest {

	private static final String PASSWORD = "csp-grants-demo";

	private static final String HOSTILE = "<script>alert('x')</script> \"quoted\" \u202Eright-to-left \uD83D\uDE42";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void archiveTheTestPartnership() {
		this.jdbc.update("update partnership set active = false where code = 'HOSTILE'");
	}

	@Test
	void scriptQuotesRightToLeftAndEmojiAreStoredAsTypedAndShownEscaped() throws Exception {
		String json = "{\"name\":\"" + HOSTILE.replace("\"", "\\\"") + "\",\"code\":\"HOSTILE\",\"leadAuthority\":\""
				+ HOSTILE.replace("\"", "\\\"") + "\"}";
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value(HOSTILE));
		assertThat(this.jdbc.queryForObject("select name from partnership where code = 'HOSTILE'", String.class))
			.isEqualTo(HOSTILE);
		String page = this.mvc.perform(get("/partnerships/HOSTILE").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("<script>alert")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&quot;quoted&quot;", "\u202Eright-to-left",
					"\uD83D\uDE42");
	}

	@Test
	void aTenMegabyteBodyOrWrongTypesGetAProblemDetailNotA500() throws Exception {
		String huge = "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\",\"code\":\"BIG\",\"leadAuthority\":\"Big\"}";
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(huge))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.status").isNumber());
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":[1,2],\"code\":{},\"active\":\"perhaps\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request body"));
		this.mvc
			.perform(post("/api/v1/formula-runs").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"financialYear\":\"next year\",\"pot\":\"lots\"}"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.queryForObject("select count(*) from partnership where code = 'BIG'", Integer.class))
			.isZero();
	}

}
