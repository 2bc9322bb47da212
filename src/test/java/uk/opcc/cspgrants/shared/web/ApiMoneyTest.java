package uk.opcc.cspgrants.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
 * Money in the API is a string with exactly two decimals, so that no client's floating
 * point turns £1,698.20 into 1698.2: every money field of every read the demo data fills
 * is checked in the raw JSON text, and known amounts with a trailing zero come back
 * whole.
 */
@IntegrationTest
class ApiMoneyTest {

	/**
	 * The API's money fields, by the names it documents ({@code total} is left out: in a
	 * run's indicator lines it is the total of an indicator's values).
	 */
	private static final Set<String> MONEY = Set.of("amount", "allocation", "carryForward", "totalAvailable", "pot",
			"baseline", "change", "planned", "remainder", "spend", "cumulativeSpend", "plannedAllocation",
			"totalAllocation", "returnedPot", "totalSpend", "totalUnderspend", "underspend", "finalSpend", "original",
			"scenario", "largest", "originalTotal", "scenarioTotal", "before", "after", "additional", "highestBefore");

	private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|-?[0-9][0-9.eE+-]*)");

	@Autowired
	MockMvc mvc;

	@Test
	void everyAmountTheApiReadsOutIsAStringWithTwoDecimals() throws Exception {
		List<String> checked = new ArrayList<>();
		for (String path : new String[] { "/api/v1/formula-runs/1", "/api/v1/grants?year=2024-25",
				"/api/v1/payments?year=2024-25", "/api/v1/reports/quarterly/2024-25/Q1",
				"/api/v1/returns/2024-25/Q1/BLA", "/api/v1/formula-runs/1/sensitivity" }) {
			String body = this.mvc.perform(get(path).with(httpBasic("admin", SignIn.DEMO_PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Matcher field = FIELD.matcher(body);
			while (field.find()) {
				if (MONEY.contains(field.group(1))) {
					assertThat(field.group(2)).as(path + " " + field.group(1)).matches("\"-?[0-9]+\\.[0-9]{2}\"");
					checked.add(path + " " + field.group(1));
				}
			}
		}
		this.mvc.perform(get("/api/v1/formula-runs/1").with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(jsonPath("$.total").value("97905.00"));
		assertThat(checked).hasSizeGreaterThan(100)
			.anyMatch(name -> name.startsWith("/api/v1/formula-runs/1 "))
			.anyMatch(name -> name.startsWith("/api/v1/payments"))
			.anyMatch(name -> name.startsWith("/api/v1/reports/quarterly"));
	}

	@Test
	void aTrailingZeroIsKept() throws Exception {
		// Harborough's 2024-25 grant is £6,792.82: four instalments, the last two
		// £1,698.20
		this.mvc.perform(get("/api/v1/payments?year=2024-25").with(httpBasic("finance", SignIn.DEMO_PASSWORD)))
			.andExpect(jsonPath("$[?(@.code == 'HAR')].totalAvailable").value("6792.82"))
			.andExpect(jsonPath("$[?(@.code == 'HAR')].instalments[3].amount").value("1698.20"));
		String sensitivity = this.mvc
			.perform(get("/api/v1/formula-runs/1/sensitivity").with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sensitivity).doesNotContain("finalPenceByCode").contains("\"amounts\":{\"BLA\":\"");
	}

	@Test
	void moneyIsReadAsAStringOrANumber() throws Exception {
		for (String pot : new String[] { "\"50417.90\"", "\"50417.9\"", "50417.9", "50417.90" }) {
			this.mvc
				.perform(post("/api/v1/scenarios").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"runId\":1,\"pot\":" + pot + "}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.pot").value("50417.90"))
				.andExpect(jsonPath("$.scenarioTotal").value("50417.90"))
				.andExpect(jsonPath("$.rows[0].scenario")
					.value(org.hamcrest.Matchers.matchesPattern("[0-9]+\\.[0-9]{2}")));
		}
	}

	@Test
	void aFloorInPoundsIsMoneyToo() throws Exception {
		this.mvc
			.perform(post("/api/v1/formulas").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Population alone with a floor of £8,000.50\",\"weights\":{\"population\":100},"
						+ "\"windowYears\":1,\"floorAmount\":\"8000.5\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.floorAmount").value("8000.50"));
		this.mvc
			.perform(post("/api/v1/scenarios").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"runId\":1,\"floorAmount\":\"8000.00\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.spec.floor.amountPounds").value("8000.00"));
		this.mvc
			.perform(post("/api/v1/scenarios").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"runId\":1,\"floorAmount\":\"8000.001\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.floorAmount").exists());
	}

}
