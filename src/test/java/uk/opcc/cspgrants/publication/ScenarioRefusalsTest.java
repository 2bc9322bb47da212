package uk.opcc.cspgrants.publication;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the scenario pages (the public one, with no sign-in, and the staff one) and the
 * scenario API refuse is a message on the field concerned, never a 500: a floor the pot
 * cannot pay, a pot or floor the database cannot hold, years with no indicator data, a
 * number spelt with an exponent.
 */
@IntegrationTest
class ScenarioRefusalsTest {

	private static final String PUBLIC = "/public/allocations/2024-25/scenario";

	private static final String STAFF = "/allocations/runs/1/scenario";

	private static final String TOO_LARGE = "Enter an amount between -£9,999,999,999,999.99 and £9,999,999,999,999.99";

	@Autowired
	MockMvc mvc;

	@Test
	void aFloorOfTheWholePotIsRefusedOnTheFloorField() throws Exception {
		String page = refused(scenario(PUBLIC, "floorPercent", "100"), "floorPercent");
		assertThat(page).contains("A floor of 100% of the pot (£97,905.00) for ")
			.contains("more than the pot of £97,905.00");
		assertThat(refused(scenario(STAFF, "floorPercent", "100").session(commissioner()), "floorPercent"))
			.contains("A floor of 100% of the pot (£97,905.00) for ");
	}

	@Test
	void aPotOrFloorTheDatabaseCannotHoldIsRefusedOnItsField() throws Exception {
		assertThat(refused(scenario(PUBLIC, "pot", "99999999999999999999"), "pot")).contains(TOO_LARGE);
		assertThat(refused(scenario(STAFF, "pot", "99999999999999999999").session(commissioner()), "pot"))
			.contains(TOO_LARGE);
		assertThat(refused(scenario(PUBLIC, "floorAmount", "99999999999999999999"), "floorAmount"))
			.contains("The floor must be less than £10,000,000,000,000.00");
		assertThat(refused(scenario(PUBLIC, "pot", "--5"), "pot"))
			.contains("Enter an amount with no more than one minus sign, like -£10.00");
	}

	@Test
	void yearsWithoutIndicatorDataAreRefusedOnTheWeights() throws Exception {
		assertThat(refused(scenario(PUBLIC, "windowYears", "10"), "windowEnd"))
			.contains("Police.uk crime for 2014-15 has 0 of 12 months loaded");
		String page = refused(scenario(PUBLIC, "windowYears", "10", "weights[population]", "100",
				"weights[crime_per_1000]", "", "weights[crime_harm_per_1000]", ""), "weights");
		assertThat(page).containsPattern(" has no Population for 20\\d\\d-\\d\\d");
		assertThat(refused(scenario(PUBLIC, "windowEnd", "twenty"), "windowEnd"))
			.contains("Choose the last year of indicator data, like 2023-24");
	}

	@Test
	void aNumberWithAnExponentIsRefusedNotWorkedOut() throws Exception {
		String page = refused(get(PUBLIC).param("compare", "1")
			.param("pot", "97905.00")
			.param("weights[population]", "99.9999999999")
			.param("weights[crime_harm]", "1e-999999999"), "weights");
		assertThat(page).contains("Each weight must be a number of percent, like 40");
		assertThat(refused(scenario(PUBLIC, "maxIncreasePercent", "100000"), "maxIncreasePercent"))
			.contains("The largest rise must be between 0% and 99,999.9999%");
	}

	@Test
	void theScenarioApiNamesTheFieldToo() throws Exception {
		this.mvc
			.perform(post("/api/v1/scenarios").with(httpBasic("commissioner", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"runId\":1,\"pot\":97905.00,\"floorPercent\":100}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.floorPercent").value(org.hamcrest.Matchers.startsWith("A floor of 100%")));
		this.mvc
			.perform(post("/api/v1/scenarios").with(httpBasic("commissioner", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"runId\":1,\"weights\":{\"population\":100},\"windowYears\":10}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.weights").value(org.hamcrest.Matchers.containsString("has no Population")));
		this.mvc
			.perform(post("/api/v1/scenarios").with(httpBasic("commissioner", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"runId\":1,\"floorAmount\":1e30}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.floorAmount").value("The floor must be less than £10,000,000,000,000.00"));
	}

	/**
	 * The scenario of the demo run (its weights and pot, one year of data) with the
	 * fields given changed.
	 */
	private static MockHttpServletRequestBuilder scenario(String path, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>(
				Map.of("compare", "1", "pot", "97905.00", "weights[population]", "20", "weights[crime_per_1000]", "40",
						"weights[crime_harm_per_1000]", "40", "windowYears", "1", "windowEnd", "2023-24"));
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = get(path);
		fields.forEach(request::param);
		return request;
	}

	/**
	 * The page answers 200 with the message in the error summary, linked to the field,
	 * and beside the field.
	 */
	private String refused(MockHttpServletRequestBuilder request, String field) throws Exception {
		String page = this.mvc.perform(request.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem", "href=\"#" + field + "\"", "id=\"" + field + "-error\"")
			.doesNotContain("id=\"comparison\"");
		return page;
	}

	private MockHttpSession commissioner() throws Exception {
		return SignIn.as(this.mvc, "commissioner");
	}

}
