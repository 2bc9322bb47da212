package uk.opcc.cspgrants.allocation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.indicators.IndicatorGrid;
import uk.opcc.cspgrants.indicators.IndicatorKeys;
import uk.opcc.cspgrants.indicators.IndicatorManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Formula runs end to end on the demo data: the example formula (population 20%, crime
 * per 1,000 40%, crime harm 40%, 1-year window) over 2023-24 indicators, a pot of
 * £97,905.00 for 2024-25.
 */
@IntegrationTest
class FormulaRunTest {

	private static final String PASSWORD = "csp-grants-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunManagement runs;

	@Autowired
	IndicatorManagement indicators;

	@Autowired
	FormulaManagement formulas;

	@Test
	void theDemoRunSplitsThePotToThePennyAndAgreesWithAHandCalculation() {
		long id = demoRunId();
		RunView run = this.runs.get(id);
		assertThat(run.status()).isEqualTo(RunStatus.APPROVED);
		assertThat(run.createdBy()).isEqualTo("officer");
		assertThat(run.approvedBy()).isEqualTo("finance");
		assertThat(run.lines()).hasSize(9);
		assertThat(run.total()).isEqualTo(Money.of("97905.00"));
		assertThat(this.jdbc.queryForObject("select sum(amount) from formula_run_line where run_id = ?",
				BigDecimal.class, id))
			.isEqualByComparingTo("97905.00");

		// Worked out here in floating point from the indicator grid, independently of the
		// engine.
		IndicatorGrid grid = this.indicators.grid(FinancialYear.parse("2023-24"));
		double population = 0;
		double perThousand = 0;
		double harm = 0;
		for (IndicatorGrid.Row row : grid.rows()) {
			population += value(row, IndicatorKeys.POPULATION);
			perThousand += 1000 * value(row, IndicatorKeys.RECORDED_CRIME) / value(row, IndicatorKeys.POPULATION);
			harm += value(row, IndicatorKeys.CRIME_HARM);
		}
		for (IndicatorGrid.Row row : grid.rows()) {
			double share = 0.2 * value(row, IndicatorKeys.POPULATION) / population
					+ 0.4 * (1000 * value(row, IndicatorKeys.RECORDED_CRIME) / value(row, IndicatorKeys.POPULATION))
							/ perThousand
					+ 0.4 * value(row, IndicatorKeys.CRIME_HARM) / harm;
			double expected = 97_905.00 * share;
			double actual = run.line(row.partnership().code()).amount().amount().doubleValue();
			assertThat(actual).as(row.partnership().name())
				.isCloseTo(expected, org.assertj.core.data.Offset.offset(0.011));
		}
	}

	@Test
	void aRunIsReproducedFromTheValuesItFroze() {
		assertThat(this.runs.reproduces(demoRunId())).isTrue();
	}

	@Test
	void theDatabaseRefusesToChangeAnApprovedRun() {
		long id = demoRunId();
		assertThatThrownBy(() -> this.jdbc.update("update formula_run set pot = 1 where id = ?", id))
			.hasStackTraceContaining("can never change");
		assertThatThrownBy(() -> this.jdbc.update("update formula_run_line set amount = 0 where run_id = ?", id))
			.hasStackTraceContaining("can never change");
		assertThatThrownBy(() -> this.jdbc.update("delete from formula_run where id = ?", id))
			.hasStackTraceContaining("can never change");
	}

	@Test
	void financeApprovesOthersRunsNeverTheirOwnAndTheNewRunSupersedesTheOld() throws Exception {
		String body = "{\"financialYear\":\"2019-20\",\"pot\":1000.00,\"weights\":{\"population\":100},\"windowYears\":1,"
				+ "\"windowEnd\":\"2023-24\"}";
		String first = this.mvc
			.perform(post("/api/v1/formula-runs").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long firstId = Long.parseLong(first.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
		// The run page keeps what it read (RunManagement.get); the approval shows at once
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/allocations/runs/" + firstId).session(officer))
			.andExpect(content().string(containsString("govuk-tag--blue\">Draft<")));

		this.mvc.perform(post("/api/v1/formula-runs/" + firstId + "/approve").with(httpBasic("officer", PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/formula-runs/" + firstId + "/approve").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		this.mvc.perform(get("/allocations/runs/" + firstId).session(officer))
			.andExpect(content().string(allOf(containsString("govuk-tag--green\">Approved<"),
					containsString("Approved by"), not(containsString(">Draft<")))));

		String second = this.mvc
			.perform(post("/api/v1/formula-runs").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long secondId = Long.parseLong(second.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
		this.mvc.perform(post("/api/v1/formula-runs/" + secondId + "/approve").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk());
		assertThat(this.runs.get(firstId).status()).isEqualTo(RunStatus.SUPERSEDED);
		assertThat(this.runs.get(firstId).supersededBy()).isEqualTo(secondId);
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where entity_type = 'FormulaRun' and entity_id = ? order by id",
				String.class, String.valueOf(firstId)))
			.containsExactly("CREATE", "APPROVE", "SUPERSEDE");
	}

	@Test
	void weightsThatDoNotAddUpTo100AreRefusedWithAProblemDetail() throws Exception {
		this.mvc.perform(post("/api/v1/formula-runs").with(httpBasic("officer", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"financialYear\":\"2024-25\",\"pot\":1000,\"weights\":{\"population\":50,\"crime_harm\":40}}"))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors.weights").value("The weights add up to 90%; they must add up to exactly 100%"));
		this.mvc.perform(post("/api/v1/formula-runs").with(httpBasic("officer", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"financialYear\":\"2024-25\",\"pot\":1000,\"weights\":{\"recorded_crime\":100},\"windowYears\":3}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.windowEnd").value(
					"Police.uk crime for 2021-22 has 0 of 12 months loaded; load the rest or choose another window"));
	}

	@Test
	void aScenarioIsComparedSideBySideWithoutSavingAnything() throws Exception {
		long id = demoRunId();
		Long before = this.jdbc.queryForObject("select count(*) from formula_run", Long.class);
		String body = "{\"runId\":" + id
				+ ",\"weights\":{\"population\":50,\"crime_per_1000\":25,\"crime_harm\":25},\"floorAmount\":8000}";
		this.mvc
			.perform(post("/api/v1/scenarios").with(httpBasic("commissioner", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows.length()").value(9));
		ScenarioComparison comparison = this.runs
			.scenario(id, null,
					new FormulaDetails("Scenario",
							Map.of("population", new BigDecimal("50"), "crime_per_1000", new BigDecimal("25"),
									"crime_harm", new BigDecimal("25")),
							1, new BigDecimal("8000"), null, null, null),
					null, null);
		assertThat(comparison.scenarioTotal()).isEqualTo(Money.of("97905.00"));
		assertThat(comparison.rows())
			.allSatisfy(row -> assertThat(row.scenario()).isGreaterThanOrEqualTo(Money.of("8000")));
		assertThat(this.jdbc.queryForObject("select count(*) from formula_run", Long.class)).isEqualTo(before);
	}

	@Test
	void theAllocationTableDownloadsAsCsvAndExcelWithTheTotal() throws Exception {
		long id = demoRunId();
		RunView run = this.runs.get(id);
		String csv = this.mvc.perform(get("/api/v1/formula-runs/" + id + ".csv").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		RunView.Line largest = run.byAmount().get(0);
		assertThat(csv).contains("CSP 1," + largest.name() + "," + largest.code() + "," + largest.amount())
			.contains("Total,,,97905.00");

		byte[] xlsx = this.mvc.perform(get("/api/v1/formula-runs/" + id + ".xlsx").with(httpBasic("finance", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo(largest.name());
			assertThat(sheet.getRow(3).getCell(3).getNumericCellValue())
				.isEqualTo(largest.amount().amount().doubleValue());
			assertThat(sheet.getRow(3).getCell(3).getCellStyle().getDataFormatString()).contains("£#,##0.00");
			assertThat(sheet.getRow(12).getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(sheet.getRow(12).getCell(3).getNumericCellValue()).isEqualTo(97_905.00);
		}
	}

	@Test
	void aCspManagerSeesTheirOwnExplanationOnly() throws Exception {
		long id = demoRunId();
		this.mvc.perform(get("/api/v1/formula-runs/" + id).with(httpBasic("leicester.csp", PASSWORD)))
			.andExpect(status().isForbidden());
		RunView.Line own = this.runs.explain(id, "LEI",
				uk.opcc.cspgrants.support.Principals.of("leicester.csp", this.jdbc));
		assertThat(own.indicators()).extracting(line -> line.indicator())
			.containsExactlyInAnyOrder("population", "crime_per_1000", "crime_harm");
		assertThatThrownBy(
				() -> this.runs.explain(id, "CHA", uk.opcc.cspgrants.support.Principals.of("leicester.csp", this.jdbc)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void changingAFormulaAnApprovedRunUsedMakesANewVersion() throws Exception {
		this.mvc
			.perform(post("/api/v1/formulas").with(httpBasic("officer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Harm only\",\"weights\":{\"crime_harm\":100},\"windowYears\":1}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(1))
			.andExpect(jsonPath("$.locked").value(false));
		FormulaVersionView harmOnly = this.formulas.findLatestByName("Harm only").orElseThrow();
		FormulaVersionView unlockedChange = this.formulas.change(harmOnly.formulaId(),
				new FormulaDetails("Harm only",
						Map.of("crime_harm", new BigDecimal("60"), "population", new BigDecimal("40")), 1, null, null,
						null, null));
		assertThat(unlockedChange.number()).isEqualTo(1);
		assertThat(unlockedChange.id()).isEqualTo(harmOnly.id());

		this.runs.create(new RunRequest(FinancialYear.parse("2018-19"), Money.of("500.00"), RunPurpose.ALLOCATION,
				harmOnly.id(), null, FinancialYear.parse("2023-24"), Map.of(), null));
		long runId = this.jdbc.queryForObject("select max(id) from formula_run where financial_year = 2018",
				Long.class);
		this.runs.approve(runId, uk.opcc.cspgrants.support.Principals.of("finance", this.jdbc));

		FormulaVersionView changed = this.formulas.change(harmOnly.formulaId(), new FormulaDetails("Harm only",
				Map.of("crime_harm", new BigDecimal("100")), 1, null, null, null, null));
		assertThat(changed.number()).isEqualTo(2);
		assertThat(this.formulas.version(harmOnly.id()).weights()).containsEntry("crime_harm", new BigDecimal("60"));
		assertThat(this.runs.get(runId).formulaVersionId()).isEqualTo(harmOnly.id());
	}

	private long demoRunId() {
		return this.jdbc.queryForObject(
				"select min(id) from formula_run where financial_year = 2024 and purpose = 'ALLOCATION' and created_by = 'officer'",
				Long.class);
	}

	private static double value(IndicatorGrid.Row row, String indicator) {
		return row.cell(indicator).value().doubleValue();
	}

}
