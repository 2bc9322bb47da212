package uk.opcc.cspgrants.indicators;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An indicator value the column that keeps it would round or could not hold is refused,
 * quoting the value and the limit, on the correction form, in imports and in the API:
 * PostgreSQL rounds extra decimal places away without a word, so a population corrected
 * to 1e-9 was stored as 0 and broke every formula run.
 */
@IntegrationTest
class IndicatorValueLimitsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCorrectionTheColumnCannotKeepIsRefusedOnTheValueField() throws Exception {
		assertThat(correct("population", "1e-9"))
			.contains("0.000000001 has more decimal places than a population can have: enter a whole number");
		assertThat(correct("population", "100000000000000"))
			.contains("100000000000000 is more than a population can be: enter less than 100,000,000,000,000");
		assertThat(correct("recorded_crime", "12.5")).contains(
				"12.5 has more decimal places than a count of crimes or incidents can have: enter a whole number");
		assertThat(correct("deprivation_score", "0.0000001")).contains(
				"0.0000001 has more decimal places than an indicator value can have: enter no more than 6 decimal places");
		assertThat(correct("deprivation_score", "1e30")).contains(
				"1000000000000000000000000000000 is more than an indicator value can be: enter less than 100,000,000,000,000");
		assertThat(correct("deprivation_score", "-2"))
			.contains("-2 is less than 0: an indicator value cannot be negative");
		assertThat(this.jdbc
			.queryForObject("select count(*) from indicator_correction c join partnership p on p.id = c.partnership_id "
					+ "where p.code = 'MEL' and c.financial_year = 2019", Integer.class))
			.isZero();
	}

	@Test
	void aValueWithinTheColumnIsKeptExactly() throws Exception {
		this.mvc
			.perform(post("/indicators/2019-20/MEL/correct").session(SignIn.as(this.mvc, "officer"))
				.with(csrf())
				.param("indicator", "deprivation_score")
				.param("value", "99999999999999.999999")
				.param("reason", "The largest value the column keeps"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select c.value from indicator_correction c join partnership p on p.id = c.partnership_id "
						+ "where p.code = 'MEL' and c.financial_year = 2019 and c.indicator = 'deprivation_score'",
				BigDecimal.class))
			.isEqualByComparingTo("99999999999999.999999");
		this.jdbc.update("delete from indicator_correction where financial_year = 2019");
	}

	@Test
	void importsRefuseValuesTheirColumnsCannotKeep() throws Exception {
		MockMultipartFile population = new MockMultipartFile("file", "population.csv", "text/csv",
				("Code,Name,Geography,Population\nE07000133,Melton,Non-metropolitan District,0.5\n"
						+ "E07000131,Harborough,Non-metropolitan District,100000000000000\n")
					.getBytes());
		this.mvc
			.perform(multipart("/api/v1/indicators/population").file(population)
				.param("year", "2019-20")
				.with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.refused[0].line").value(2))
			.andExpect(jsonPath("$.refused[0].reason").value(
					"The population of E07000133: 0.5 has more decimal places than a population can have: enter a whole number"))
			.andExpect(jsonPath("$.refused[1].line").value(3))
			.andExpect(
					jsonPath("$.refused[1].reason").value("The population of E07000131: 100000000000000 is more than "
							+ "a population can be: enter less than 100,000,000,000,000"));
		MockMultipartFile generic = new MockMultipartFile("file", "generic.csv", "text/csv",
				"partnership code,financial year,indicator,value\nCHA,2019-20,deprivation_score,1.1234567\n"
					.getBytes());
		this.mvc
			.perform(multipart("/api/v1/indicators/generic").file(generic)
				.with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.refused[0].reason").value("The value 1.1234567 has more decimal places than an "
					+ "indicator value can have: enter no more than 6 decimal places"));
		assertThat(
				this.jdbc.queryForObject("select count(*) from population where financial_year = 2019", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from indicator_value where financial_year = 2019",
				Integer.class))
			.isZero();
	}

	@Test
	void harmWeightsTheColumnCannotKeepAreRefused() throws Exception {
		this.mvc
			.perform(put("/api/v1/harm-weights").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"weights\":{\"Burglary\":100000000,\"Drugs\":1.00001},\"source\":\"Too big\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors['weights[Burglary]']").value(
					"The weight of Burglary: 100000000 is more than a harm weight can be: enter less than 100,000,000"))
			.andExpect(jsonPath("$.errors['weights[Drugs]']").value("The weight of Drugs: 1.00001 has more decimal "
					+ "places than a harm weight can have: enter no more than 4 decimal places"));
		assertThat(this.jdbc.queryForObject("select weight from harm_weight where crime_type = 'Burglary'",
				BigDecimal.class))
			.isEqualByComparingTo("244.68");
	}

	/**
	 * The correction form of Melton's 2019-20 value, refused: the page with the message.
	 */
	private String correct(String indicator, String value) throws Exception {
		String page = this.mvc
			.perform(post("/indicators/2019-20/MEL/correct").session(SignIn.as(this.mvc, "officer"))
				.with(csrf())
				.param("indicator", indicator)
				.param("value", value)
				.param("reason", "Testing the limits"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem", "href=\"#value\"");
		return page;
	}

}
