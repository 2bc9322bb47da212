package uk.opcc.cspgrants.indicators;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The golden figures of police.uk recorded crime for Leicestershire, financial year
 * 2023-24 (April 2023 to March 2024, crimes excluding anti-social behaviour), and
 * calendar 2023.
 */
@IntegrationTest
class IndicatorImportTest {

	private static final String PASSWORD = "csp-grants-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IndicatorManagement indicators;

	/**
	 * The grid's headings say what each column counts; Leicester's 45,836 crimes (counted
	 * independently from the demo file) are shown as whole crimes.
	 */
	@Test
	void theGridSaysWhatEachColumnCounts() throws Exception {
		String page = this.mvc
			.perform(get("/indicators").param("year", "2023-24")
				.session(uk.opcc.cspgrants.support.SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("(people)", "(crimes)", "(crimes per 1,000 people)", "(days)",
				"(days per 1,000 people)", "(incidents, not crimes)", "45,836");
	}

	@Test
	void theImportedCrimeOf2023To24MatchesTheGoldenFigures() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/indicators/police-uk")
				.file(upload("files", "demo/police-uk-leicestershire-crime-counts-2023-01-to-2024-12.csv"))
				.with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.loaded").value(true));

		this.mvc.perform(get("/api/v1/indicators").param("year", "2023-24").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value("2023-24"))
			.andExpect(jsonPath("$.crimeMonthsLoaded").value(12));
		IndicatorGrid grid = this.indicators.grid(FinancialYear.parse("2023-24"));
		assertThat(crimes(grid, "LEI")).isEqualTo(45_836);
		assertThat(crimes(grid, "CHA")).isEqualTo(13_894);
		assertThat(crimes(grid, "NWL")).isEqualTo(7_944);
		assertThat(crimes(grid, "HAB")).isEqualTo(7_469);
		assertThat(crimes(grid, "BLA")).isEqualTo(6_987);
		assertThat(crimes(grid, "HAR")).isEqualTo(4_837);
		assertThat(crimes(grid, "OAW")).isEqualTo(3_853);
		assertThat(crimes(grid, "MEL")).isEqualTo(3_314);
		assertThat(crimes(grid, "RUT")).isEqualTo(1_739);
		assertThat(this.jdbc.queryForObject(
				"select sum(count) from crime_unmatched where area_name = '' "
						+ "and month between '2023-04-01' and '2024-03-01' and crime_type <> 'Anti-social behaviour'",
				Long.class))
			.isEqualTo(3_249);
		assertThat(calendar2023("LEI")).isEqualTo(46_441);
		assertThat(calendar2023("RUT")).isEqualTo(1_759);
	}

	@Test
	void rawStreetFilesLoadAndLoadingTheSameFilesAgainLeavesThemUnchanged() throws Exception {
		for (int load = 1; load <= 2; load++) {
			this.mvc
				.perform(multipart("/api/v1/indicators/police-uk")
					.file(upload("files", "police-uk/2023-04-leicestershire-street.csv"))
					.file(upload("files", "police-uk/2023-05-leicestershire-street.csv"))
					.with(httpBasic("officer", PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.months.length()").value(2))
				.andExpect(jsonPath("$.months[0].force").value("Leicestershire Police"))
				.andExpect(jsonPath("$.months[0].records").value(9_595))
				// the first load may find them loaded by another test of the same
				// database
				.andExpect((load == 2) ? jsonPath("$.months[0].unchanged").value(true)
						: jsonPath("$.months[0].unchanged").isBoolean())
				.andExpect(jsonPath("$.files[0].sha256").value(PoliceUkFiles.sha256(
						new ClassPathResource("police-uk/2023-04-leicestershire-street.csv").getContentAsByteArray())));
		}
		// April 3,849 and May 4,215 crimes in Leicester; Hinckley and Bosworth (an alias)
		// 718 and 636
		assertThat(crimesIn("LEI", "2023-04-01", "2023-05-01")).isEqualTo(3_849 + 4_215);
		assertThat(crimesIn("HAB", "2023-04-01", "2023-05-01")).isEqualTo(718 + 636);
		assertThat(this.jdbc.queryForObject(
				"select sum(count) from crime_unmatched where area_name = '' and "
						+ "month in ('2023-04-01', '2023-05-01') and crime_type <> 'Anti-social behaviour'",
				Long.class))
			.isEqualTo(263 + 271);
	}

	@Test
	void aRefusedRowLoadsNothingAndSaysWhere() throws Exception {
		Long before = this.jdbc.queryForObject("select count(*) from crime_month", Long.class);
		MockMultipartFile broken = new MockMultipartFile("files", "2031-01-broken.csv", "text/csv",
				("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
						+ "Last outcome category,Context\n"
						+ "a,2031-01,Leicestershire Police,Leicestershire Police,,,On or near X,E01,Charnwood 001A,Burglary,,\n"
						+ "b,31/01/2031,Leicestershire Police,Leicestershire Police,,,On or near X,E01,Charnwood 001A,Burglary,,\n")
					.getBytes());
		this.mvc.perform(multipart("/api/v1/indicators/police-uk").file(broken).with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Import refused"))
			.andExpect(jsonPath("$.refused[0].file").value("2031-01-broken.csv"))
			.andExpect(jsonPath("$.refused[0].line").value(3))
			.andExpect(jsonPath("$.refused[0].reason").value("The month \"31/01/2031\" is not a month like 2023-04"));
		assertThat(this.jdbc.queryForObject("select count(*) from crime_month", Long.class)).isEqualTo(before);
	}

	@Test
	void countsBeyondAnIntLoadExactlyAndBeyondALongAreRefused() throws Exception {
		try {
			MockMultipartFile large = new MockMultipartFile("files", "2031-01-large.csv", "text/csv",
					("Month,Reported by,Area,Crime type,Count\n2031-01,Test Police,Leicester,Burglary,2147483647\n"
							+ "2031-01,Test Police,Leicester,Burglary,1\n2031-01,Test Police,Nowhere,Drugs,2147483647\n")
						.getBytes());
			this.mvc.perform(multipart("/api/v1/indicators/police-uk").file(large).with(httpBasic("officer", PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.loaded").value(true))
				.andExpect(jsonPath("$.months[0].records").value(4_294_967_295L));
			assertThat(this.jdbc.queryForObject(
					"select records from crime_month where month = '2031-01-01' and force = 'Test Police'", Long.class))
				.isEqualTo(4_294_967_295L);
			assertThat(crimesIn("LEI", "2031-01-01", "2031-01-01")).isEqualTo(2_147_483_648L);
			assertThat(this.jdbc.queryForObject(
					"select count from crime_unmatched where month = '2031-01-01' and area_name = 'Nowhere'",
					Long.class))
				.isEqualTo(2_147_483_647L);

			MockMultipartFile tooMany = new MockMultipartFile("files", "2031-01-too-many.csv", "text/csv",
					("Month,Reported by,Area,Crime type,Count\n2031-01,Test Police,Leicester,Burglary,9223372036854775807\n"
							+ "2031-01,Test Police,Leicester,Burglary,1\n")
						.getBytes());
			this.mvc
				.perform(multipart("/api/v1/indicators/police-uk").file(tooMany).with(httpBasic("officer", PASSWORD)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.refused[0].file").value("2031-01-too-many.csv"))
				.andExpect(jsonPath("$.refused[0].line").value(3))
				.andExpect(jsonPath("$.refused[0].reason").value(
						"The count 1 takes Burglary in Leicester for 2031-01 past the most that can be kept (9,223,372,036,854,775,807)"));
			assertThat(crimesIn("LEI", "2031-01-01", "2031-01-01")).isEqualTo(2_147_483_648L);
		}
		finally {
			this.jdbc.update("delete from crime_month where month = '2031-01-01' and force = 'Test Police'");
		}
	}

	@Test
	void populationIsMatchedByOnsCodeForTheChosenYear() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/indicators/population")
				.file(upload("file", "demo/ons-population-mid-2022-by-area.csv"))
				.param("year", "2022-23")
				.with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.loaded").value(true));
		IndicatorGrid grid = this.indicators.grid(FinancialYear.parse("2022-23"));
		assertThat(value(grid, "CHA", IndicatorKeys.POPULATION)).isEqualByComparingTo("184748");
		assertThat(value(grid, "LEI", IndicatorKeys.POPULATION)).isEqualByComparingTo("373399");
		assertThat(value(grid, "RUT", IndicatorKeys.POPULATION)).isEqualByComparingTo("41151");
	}

	@Test
	void aGenericIndicatorLoadsAndAnUnknownPartnershipIsRefused() throws Exception {
		MockMultipartFile good = new MockMultipartFile("file", "deprivation.csv", "text/csv",
				"partnership code,financial year,indicator,value\nCHA,2021-22,deprivation_score,21.4\nRUT,2021-22,deprivation_score,9.1\n"
					.getBytes());
		this.mvc.perform(multipart("/api/v1/indicators/generic").file(good).with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isOk());
		assertThat(value(this.indicators.grid(FinancialYear.parse("2021-22")), "CHA", "deprivation_score"))
			.isEqualByComparingTo("21.4");

		MockMultipartFile bad = new MockMultipartFile("file", "bad.csv", "text/csv",
				"partnership code,financial year,indicator,value\nCHA,2021-22,deprivation_score,30\nXXX,2021-22,deprivation_score,1\n"
					.getBytes());
		this.mvc.perform(multipart("/api/v1/indicators/generic").file(bad).with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.refused[0].line").value(3))
			.andExpect(jsonPath("$.refused[0].reason").value("There is no partnership with the code XXX"));
		assertThat(value(this.indicators.grid(FinancialYear.parse("2021-22")), "CHA", "deprivation_score"))
			.isEqualByComparingTo("21.4");
	}

	@Test
	void aCorrectionReplacesTheValueKeepsTheReasonAndIsAudited() {
		this.indicators.correct("MEL", FinancialYear.parse("2020-21"), IndicatorKeys.POPULATION,
				new BigDecimal("51100"), "ONS revised the estimate");
		IndicatorGrid.Cell cell = this.indicators.grid(FinancialYear.parse("2020-21"))
			.rows()
			.stream()
			.filter(row -> row.partnership().code().equals("MEL"))
			.findFirst()
			.orElseThrow()
			.cell(IndicatorKeys.POPULATION);
		assertThat(cell.value()).isEqualByComparingTo("51100");
		assertThat(cell.correction()).isEqualTo("ONS revised the estimate");
		assertThat(this.jdbc.queryForObject(
				"select after_json ->> 'reason' from audit_event where entity_type = 'Indicator' and entity_id = 'MEL 2020-21 population'",
				String.class))
			.isEqualTo("ONS revised the estimate");
	}

	private MockMultipartFile upload(String part, String path) throws Exception {
		ClassPathResource resource = new ClassPathResource(path);
		return new MockMultipartFile(part, resource.getFilename(), "text/csv", resource.getContentAsByteArray());
	}

	private static long crimes(IndicatorGrid grid, String code) {
		return value(grid, code, IndicatorKeys.RECORDED_CRIME).longValueExact();
	}

	private static BigDecimal value(IndicatorGrid grid, String code, String indicator) {
		return grid.rows()
			.stream()
			.filter(row -> row.partnership().code().equals(code))
			.findFirst()
			.orElseThrow()
			.cell(indicator)
			.value();
	}

	private long calendar2023(String code) {
		return crimesIn(code, "2023-01-01", "2023-12-01");
	}

	private long crimesIn(String code, String from, String to) {
		return this.jdbc
			.queryForObject("select sum(c.count) from crime_count c join partnership p on p.id = c.partnership_id "
					+ "where p.code = ? and c.month between cast(? as date) and cast(? as date) and c.crime_type <> 'Anti-social behaviour'",
					Long.class, code, from, to);
	}

}
