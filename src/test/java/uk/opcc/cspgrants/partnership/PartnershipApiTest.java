package uk.opcc.cspgrants.partnership;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PartnershipApiTest {

	private static final String PASSWORD = "csp-grants-demo";

	private static final List<String> NINE = List.of("Blaby", "Charnwood", "Harborough", "Hinckley & Bosworth",
			"Leicester", "Melton", "North West Leicestershire", "Oadby & Wigston", "Rutland");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Partnerships made here have no indicator data: archive them so formula runs
	 * elsewhere leave them out.
	 */
	@AfterEach
	void archiveTheTestPartnerships() {
		this.jdbc.update("update partnership set active = false where code in ('SOL', 'DUD')");
	}

	@Test
	void anAdministratorListsTheNineLeicestershirePartnerships() throws Exception {
		String body = this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"code\":\"CHA\"", "\"onsCode\":\"E07000130\"", "\"onsCode\":\"E06000017\"");
		for (String name : NINE) {
			assertThat(body).contains("\"name\":\"" + name + "\"");
		}
	}

	@Test
	void oneIsFoundByItsCode() throws Exception {
		this.mvc.perform(get("/api/v1/partnerships/HAB").with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Hinckley & Bosworth"))
			.andExpect(jsonPath("$.onsCode").value("E07000132"));
		this.mvc.perform(get("/api/v1/partnerships/NOPE").with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("There is no partnership with the code NOPE"));
	}

	@Test
	void withoutCredentialsTheApiAnswers401() throws Exception {
		this.mvc.perform(get("/api/v1/partnerships"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"CSP Grants\""))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("admin", "wrong-password-123")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aCspManagerSeesOnlyTheirOwnPartnershipAndCannotCreateOne() throws Exception {
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("leicester.csp", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[*].code", contains("LEI")));
		this.mvc.perform(get("/api/v1/partnerships/CHA").with(httpBasic("leicester.csp", PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("leicester.csp", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Anywhere\",\"code\":\"ANY\",\"leadAuthority\":\"Any Council\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		assertThat(this.jdbc.queryForObject("select count(*) from partnership where code = 'ANY'", Integer.class))
			.isZero();
	}

	@Test
	void malformedJsonIsA400ProblemDetail() throws Exception {
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Broken"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Unreadable request body"));
	}

	@Test
	void invalidFieldsAreListedInTheProblemDetail() throws Exception {
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"code\":\"x\",\"onsCode\":\"12345\",\"leadAuthority\":\"Council\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.name").value("Enter the partnership's name"))
			.andExpect(jsonPath("$.errors.code").value("The short code must be 2 to 12 letters or digits, like CHA"))
			.andExpect(jsonPath("$.errors.onsCode")
				.value("Enter the ONS area code as a letter followed by 8 digits, like E07000130"));
	}

	@Test
	void aDuplicateCodeOrNameIsA409() throws Exception {
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Another Charnwood\",\"code\":\"cha\",\"leadAuthority\":\"Council\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The code CHA is already used by Charnwood"));
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"melton\",\"code\":\"MEL2\",\"leadAuthority\":\"Council\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("A partnership called Melton already exists"));
	}

	@Test
	void createsChangesAndAuditsAPartnership() throws Exception {
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Solihull\",\"code\":\"sol\",\"onsCode\":\"e08000029\","
						+ "\"leadAuthority\":\"Solihull Metropolitan Borough Council\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/partnerships/SOL"))
			.andExpect(jsonPath("$.code").value("SOL"))
			.andExpect(jsonPath("$.onsCode").value("E08000029"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.version").value(0));

		this.mvc
			.perform(put("/api/v1/partnerships/SOL").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Solihull\",\"code\":\"SOL\",\"onsCode\":\"E08000029\","
						+ "\"leadAuthority\":\"Solihull Council\",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.leadAuthority").value("Solihull Council"))
			.andExpect(jsonPath("$.version").value(1));

		Long id = this.jdbc.queryForObject("select id from partnership where code = 'SOL'", Long.class);
		List<String> actions = this.jdbc.queryForList(
				"select actor || ' ' || action from audit_event where entity_type = 'Partnership' and entity_id = ? order by id",
				String.class, String.valueOf(id));
		assertThat(actions).containsExactly("officer CREATE", "admin UPDATE");
		assertThat(this.jdbc.queryForObject(
				"select (before_json ->> 'leadAuthority') || ' -> ' || (after_json ->> 'leadAuthority') from audit_event "
						+ "where entity_type = 'Partnership' and entity_id = ? and action = 'UPDATE'",
				String.class, String.valueOf(id)))
			.isEqualTo("Solihull Metropolitan Borough Council -> Solihull Council");
	}

	@Test
	void aStaleVersionIsA409AndChangesNothing() throws Exception {
		this.mvc
			.perform(post("/api/v1/partnerships").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Dudley\",\"code\":\"DUD\",\"leadAuthority\":\"Dudley Council\"}"))
			.andExpect(status().isCreated());
		String change = "{\"name\":\"Dudley\",\"code\":\"DUD\",\"leadAuthority\":\"%s\",\"version\":0}";
		this.mvc
			.perform(put("/api/v1/partnerships/DUD").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(change.formatted("First Council")))
			.andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/partnerships/DUD").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(change.formatted("Second Council")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(
					"This record was changed by someone else after you opened it. Check the current values and save again."));
		assertThat(this.jdbc.queryForObject("select lead_authority from partnership where code = 'DUD'", String.class))
			.isEqualTo("First Council");
	}

}
