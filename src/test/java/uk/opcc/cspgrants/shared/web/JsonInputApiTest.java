package uk.opcc.cspgrants.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API reads JSON through the application's own mapper: a scalar of the wrong JSON
 * type or an amount the database cannot hold is a 400 problem detail naming the field,
 * and nothing is saved; money as a JSON number still works.
 */
@IntegrationTest
class JsonInputApiTest {

	private static final String TOO_LARGE = "Enter an amount between -£9,999,999,999,999.99 and £9,999,999,999,999.99";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNumberOrABooleanIsNotTextAndTextIsNotABoolean() throws Exception {
		send("officer", post("/api/v1/partnerships"), "{\"name\":5,\"code\":\"COERCE\",\"leadAuthority\":\"Coerced\"}")
			.andExpect(jsonPath("$.errors.name").value("Enter text, in quotes"));
		send("officer", post("/api/v1/partnerships"),
				"{\"name\":\"Coerced\",\"code\":\"COERCE\",\"leadAuthority\":true}")
			.andExpect(jsonPath("$.errors.leadAuthority").value("Enter text, in quotes"));
		send("officer", post("/api/v1/partnerships"),
				"{\"name\":\"Coerced\",\"code\":\"COERCE\",\"leadAuthority\":\"Coerced\",\"active\":\"true\"}")
			.andExpect(jsonPath("$.errors.active").value("Enter true or false"));
		send("officer", post("/api/v1/partnerships"),
				"{\"name\":\"Coerced\",\"code\":\"COERCE\",\"leadAuthority\":\"Coerced\",\"active\":1}")
			.andExpect(jsonPath("$.errors.active").value("Enter true or false"));
		assertThat(this.jdbc.queryForObject("select count(*) from partnership where code = 'COERCE'", Integer.class))
			.isZero();
	}

	@Test
	void aDateIsAnIsoStringNeverACountOfDays() throws Exception {
		send("finance", post("/api/v1/decisions/EXE9999-99/consult"), "{\"name\":\"Fin Ance\",\"on\":45000}")
			.andExpect(jsonPath("$.errors.on").value("Enter a date like \"2025-03-31\""));
		send("finance", post("/api/v1/decisions/EXE9999-99/consult"),
				"{\"name\":\"Fin Ance\",\"on\":\"2025-03-31T00:00:00\"}")
			.andExpect(jsonPath("$.errors.on").value("Enter a date like \"2025-03-31\""));
		send("finance", post("/api/v1/decisions/EXE9999-99/consult"), "{\"name\":5,\"on\":\"2025-03-31\"}")
			.andExpect(jsonPath("$.errors.name").value("Enter text, in quotes"));
	}

	@Test
	void numbersAreJsonNumbersAndMoneyIsTwoDecimals() throws Exception {
		send("officer", post("/api/v1/scenarios"), "{\"runId\":\"1\"}")
			.andExpect(jsonPath("$.errors.runId").value("Enter a whole number, not in quotes"));
		send("officer", post("/api/v1/scenarios"), "{\"runId\":1,\"pot\":\"£50,000\"}").andExpect(jsonPath(
				"$.errors.pot")
			.value("Enter an amount in pounds and pence as \"1234.50\": digits, at most two decimals, no £ sign or commas"));
		send("officer", post("/api/v1/scenarios"), "{\"runId\":1,\"pot\":\"50000.001\"}")
			.andExpect(jsonPath("$.errors.pot").exists());
		send("officer", post("/api/v1/scenarios"), "{\"runId\":1,\"pot\":true}")
			.andExpect(jsonPath("$.errors.pot").exists());
		send("officer", post("/api/v1/scenarios"), "{\"runId\":1,\"windowYears\":1.5}")
			.andExpect(jsonPath("$.errors.windowYears").value("Enter a whole number, not in quotes"));
		send("officer", post("/api/v1/scenarios"), "{\"runId\":1,\"weights\":{\"population\":\"100\"}}")
			.andExpect(jsonPath("$.errors['weights.population']").value("Enter a number, not in quotes"));
		send("officer", post("/api/v1/formula-runs"),
				"{\"financialYear\":\"2025-26\",\"pot\":1000,\"formulaVersionId\":1,\"purpose\":0}")
			.andExpect(jsonPath("$.errors.purpose").value("Enter one of \"ALLOCATION\", \"REDISTRIBUTION\""));
		this.mvc
			.perform(post("/api/v1/scenarios").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"runId\":1,\"pot\":50000.00}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pot").value("50000.00"));
	}

	@Test
	void anAmountTheDatabaseCannotHoldIsRefusedOnItsField() throws Exception {
		long runs = this.jdbc.queryForObject("select count(*) from formula_run", Long.class);
		send("officer", post("/api/v1/formula-runs"),
				"{\"financialYear\":\"2025-26\",\"pot\":99999999999999999999,\"formulaVersionId\":1,"
						+ "\"windowEnd\":\"2023-24\"}")
			.andExpect(jsonPath("$.errors.pot").value(TOO_LARGE));
		send("officer", post("/api/v1/formula-runs"),
				"{\"financialYear\":\"2025-26\",\"pot\":1000,\"formulaVersionId\":1,\"windowEnd\":\"2023-24\","
						+ "\"baselines\":{\"LEI\":1E+13}}")
			.andExpect(jsonPath("$.errors['baselines.LEI']").value(TOO_LARGE));
		send("officer", post("/api/v1/scenarios"), "{\"runId\":1,\"pot\":1e30}")
			.andExpect(jsonPath("$.errors.pot").value(TOO_LARGE));
		send("officer", put("/api/v1/grants/2019-20/LEI"), "{\"allocation\":10000000000000.00,\"carryForward\":0}")
			.andExpect(jsonPath("$.errors.allocation").value(TOO_LARGE));
		assertThat(this.jdbc.queryForObject("select count(*) from formula_run", Long.class)).isEqualTo(runs);
	}

	private ResultActions send(String username,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
			throws Exception {
		return this.mvc
			.perform(request.with(httpBasic(username, SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request body"));
	}

}
