package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.indicators.IndicatorGrid;
import uk.opcc.cspgrants.indicators.IndicatorKeys;
import uk.opcc.cspgrants.indicators.IndicatorManagement;
import uk.opcc.cspgrants.partnership.PartnershipDetails;
import uk.opcc.cspgrants.partnership.PartnershipGroupDetails;
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.partnership.PartnershipGroupView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Runs over a chosen set of partnerships on the demo data: the demo group "Leicestershire
 * and Rutland districts" (every demo partnership but Leicester), the example formula
 * (population 20%, crime per 1,000 40%, crime harm 40%) over 2023-24 indicators. Each
 * test uses its own years (2040-41 on).
 */
@IntegrationTest
class PartnershipGroupRunTest {

	private static final String DISTRICTS = "Leicestershire and Rutland districts";

	private static final FinancialYear WINDOW_END = FinancialYear.parse("2023-24");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunManagement runs;

	@Autowired
	FormulaManagement formulas;

	@Autowired
	IndicatorManagement indicators;

	@Autowired
	PartnershipGroupManagement groups;

	@Autowired
	PartnershipManagement partnerships;

	@Test
	void aRunOverTheDistrictsSharesTheWholePotAmongExactlyThoseEightToThePenny() {
		PartnershipGroupView districts = this.groups.findByName(DISTRICTS).orElseThrow();
		RunView run = this.runs.create(request("2040-41", "80000.00", districts.id()));

		Set<String> codes = run.lines().stream().map(RunView.Line::code).collect(Collectors.toSet());
		assertThat(codes).hasSize(8)
			.doesNotContain("LEI")
			.containsExactlyInAnyOrder("CHA", "BLA", "HAB", "NWL", "HAR", "OAW", "MEL", "RUT");
		assertThat(run.total()).isEqualTo(Money.of("80000.00"));
		assertThat(this.jdbc.queryForObject("select sum(amount) from formula_run_line where run_id = ?",
				BigDecimal.class, run.id()))
			.isEqualByComparingTo("80000.00");
		assertThat(run.partnerships()).isEqualTo(DISTRICTS + " (8)");
		assertThat(run.partnershipGroupId()).isEqualTo(districts.id());

		// Worked out here in floating point from the indicator grid, over the eight only:
		// each indicator's total is the eight's total, not the nine's.
		List<IndicatorGrid.Row> rows = this.indicators.grid(WINDOW_END)
			.rows()
			.stream()
			.filter(row -> codes.contains(row.partnership().code()))
			.toList();
		assertThat(rows).hasSize(8);
		double population = 0;
		double perThousand = 0;
		double harm = 0;
		for (IndicatorGrid.Row row : rows) {
			population += value(row, IndicatorKeys.POPULATION);
			perThousand += perThousand(row);
			harm += value(row, IndicatorKeys.CRIME_HARM);
		}
		for (String code : List.of("CHA", "RUT")) {
			IndicatorGrid.Row row = rows.stream()
				.filter(candidate -> candidate.partnership().code().equals(code))
				.findFirst()
				.orElseThrow();
			double share = 0.2 * value(row, IndicatorKeys.POPULATION) / population
					+ 0.4 * perThousand(row) / perThousand + 0.4 * value(row, IndicatorKeys.CRIME_HARM) / harm;
			assertThat(run.line(code).amount().amount().doubleValue()).as(code)
				.isCloseTo(80_000.00 * share, Offset.offset(0.011));
		}
		// and not what the same partnerships get when Leicester shares the pot
		RunView all = this.runs.create(request("2041-42", "80000.00", null));
		assertThat(all.lines()).hasSize(9);
		assertThat(all.partnerships()).isEqualTo("All active partnerships (9)");
		assertThat(all.line("CHA").amount()).isLessThan(run.line("CHA").amount());
	}

	@Test
	void theSetIsFrozenInTheRunWhateverHappensToTheGroupAfterwards() throws Exception {
		PartnershipGroupView group = this.groups
			.create(new PartnershipGroupDetails("Frozen set test", null, List.of(id("CHA"), id("BLA"), id("MEL"))));
		RunView run = this.runs.create(request("2042-43", "1000.00", group.id()));
		assertThat(run.lines()).extracting(RunView.Line::code).containsExactly("BLA", "CHA", "MEL");

		this.groups.update(group.id(), new PartnershipGroupDetails("Frozen set test renamed", null,
				List.of(id("CHA"), id("BLA"), id("RUT"), id("HAR"))), group.version());

		assertThat(this.jdbc.queryForObject("select partnerships_label from formula_run where id = ?", String.class,
				run.id()))
			.isEqualTo("Frozen set test (3)");
		assertThat(this.jdbc.queryForObject("select count(*) from formula_run_line where run_id = ?", Integer.class,
				run.id()))
			.isEqualTo(3);
		assertThat(this.runs.reproduces(run.id())).isTrue();
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/allocations/runs/" + run.id()).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Frozen set test (3)"), containsString("Melton"),
					not(containsString("Rutland")), not(containsString("renamed")))));
		this.mvc.perform(get("/api/v1/formula-runs/" + run.id()).with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("\"partnerships\":\"Frozen set test (3)\""),
					containsString("\"partnershipGroupId\":" + group.id()))));
	}

	@Test
	void theDatabaseRefusesToChangeTheSetOfARunApprovedOrNot() {
		PartnershipGroupView districts = this.groups.findByName(DISTRICTS).orElseThrow();
		RunView run = this.runs.create(request("2043-44", "5000.00", districts.id()));
		assertThatThrownBy(
				() -> this.jdbc.update("update formula_run set partnerships_label = 'All' where id = ?", run.id()))
			.hasStackTraceContaining("can never change");
		this.runs.approve(run.id(), Principals.of("finance", this.jdbc));
		assertThatThrownBy(() -> this.jdbc
			.update("update formula_run set partnerships_label = 'All active partnerships (9)' where id = ?", run.id()))
			.hasStackTraceContaining("can never change");
		assertThatThrownBy(
				() -> this.jdbc.update("update formula_run set partnership_group_id = null where id = ?", run.id()))
			.hasStackTraceContaining("can never change");
		assertThatThrownBy(() -> this.jdbc
			.update("insert into formula_run_line (run_id, partnership_id, code, name, weighted_share, raw_amount, "
					+ "limit_applied, adjusted_amount, amount, rounding_penny) "
					+ "values (?, ?, 'LEI', 'Leicester', 0, 0, 'NONE', 0, 0, false)", run.id(), id("LEI")))
			.hasStackTraceContaining("can never change");
	}

	@Test
	void aRunOverAGroupLeavesOutItsArchivedPartnershipsAndIsRefusedWhenNoneIsActive() throws Exception {
		PartnershipView closed = this.partnerships
			.create(new PartnershipDetails("Closed Borough", "CLOSEDB", null, "Closed Borough Council", true));
		this.partnerships.archive("CLOSEDB", closed.version());
		PartnershipGroupView mixed = this.groups
			.create(new PartnershipGroupDetails("Mixed test group", null, List.of(id("CHA"), closed.id())));
		PartnershipGroupView archivedOnly = this.groups
			.create(new PartnershipGroupDetails("Archived only test group", null, List.of(closed.id())));

		RunView run = this.runs.create(request("2044-45", "100.00", mixed.id()));
		assertThat(run.lines()).extracting(RunView.Line::code).containsExactly("CHA");
		assertThat(run.total()).isEqualTo(Money.of("100.00"));
		assertThat(run.partnerships()).isEqualTo("Mixed test group (1)");

		assertThatThrownBy(() -> this.runs.create(request("2045-46", "100.00", archivedOnly.id())))
			.isInstanceOfSatisfying(ValidationException.class,
					refused -> assertThat(refused.fieldErrors()).containsEntry("partnershipGroupId",
							"None of the partnerships in Archived only test group is active: change the group, "
									+ "or choose another"));

		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/partnership-groups/" + archivedOnly.id()).session(officer))
			.andExpect(content().string(containsString("Every partnership in this group is archived")));
		this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", "2045-46")
				.param("pot", "100.00")
				.param("formulaVersionId", String.valueOf(demoFormula()))
				.param("windowEnd", "2023-24")
				.param("partnershipGroupId", String.valueOf(archivedOnly.id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("href=\"#partnershipGroupId\">None of the partnerships in Archived only test group"),
					containsString("value=\"100.00\""))));
		// a choice that is no number (a page tampered with) is refused on the field, the
		// form kept
		this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", "2045-46")
				.param("pot", "123.45")
				.param("formulaVersionId", String.valueOf(demoFormula()))
				.param("windowEnd", "2023-24")
				.param("partnershipGroupId", "not-a-group"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString(
							"href=\"#partnershipGroupId\">Choose every active partnership or a group from the list"),
					containsString("value=\"123.45\""))));

		PartnershipGroupView archived = this.groups.archive(mixed.id(), mixed.version());
		assertThat(archived.active()).isFalse();
		assertThatThrownBy(() -> this.runs.create(request("2045-46", "100.00", mixed.id())))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("is archived");
	}

	@Test
	void theRunFormOffersEveryActiveGroupWithItsCountAndTheRunsListShowsTheSet() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/allocations/runs/new").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("All active partnerships ("),
					containsString(DISTRICTS + " (8)"), containsString("name=\"partnershipGroupId\""))));
		this.mvc.perform(get("/allocations").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(DISTRICTS + " (8)")));
	}

	@Test
	void aScenarioUsesTheRunsSetByDefaultAndMayChooseAnother() throws Exception {
		PartnershipGroupView districts = this.groups.findByName(DISTRICTS).orElseThrow();
		RunView run = this.runs.create(request("2046-47", "8000.00", districts.id()));
		FormulaDetails same = FormulaForm.from(run).toDetails();

		ScenarioComparison own = this.runs.scenario(run.id(), null, same, null, ScenarioPartnerships.RUNS_OWN, null);
		assertThat(own.partnerships()).isEqualTo(DISTRICTS + " (8)");
		assertThat(own.fromCurrentData()).isFalse();
		assertThat(own.rows()).hasSize(8).allSatisfy(row -> assertThat(row.difference()).isEqualTo(Money.ZERO));

		ScenarioComparison all = this.runs.scenario(run.id(), null, same, null, ScenarioPartnerships.parse("all"),
				null);
		assertThat(all.fromCurrentData()).isTrue();
		assertThat(all.rows()).hasSize(9);
		assertThat(all.scenarioTotal()).isEqualTo(Money.of("8000.00"));
		assertThat(all.originalTotal()).isEqualTo(Money.of("8000.00"));
		assertThat(all.rows().stream().filter(row -> row.code().equals("LEI")).findFirst().orElseThrow().original())
			.isEqualTo(Money.ZERO);

		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/allocations/runs/" + run.id() + "/scenario").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("own: " + DISTRICTS + " (8)"),
					containsString("name=\"partnerships\""), containsString("value=\"all\""))));

		RunView saved = this.runs.saveScenario(run.id(), null, same, null, ScenarioPartnerships.RUNS_OWN);
		assertThat(saved.partnerships()).isEqualTo(DISTRICTS + " (8)");
		assertThat(saved.lines()).hasSize(8);
	}

	private RunRequest request(String year, String pot, Long groupId) {
		return new RunRequest(FinancialYear.parse(year), Money.of(pot), RunPurpose.ALLOCATION, demoFormula(), null,
				WINDOW_END, Map.of(), null, groupId);
	}

	private long demoFormula() {
		return this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
	}

	private long id(String code) {
		return this.partnerships.findByCode(code).orElseThrow().id();
	}

	private static double perThousand(IndicatorGrid.Row row) {
		return 1000 * value(row, IndicatorKeys.RECORDED_CRIME) / value(row, IndicatorKeys.POPULATION);
	}

	private static double value(IndicatorGrid.Row row, String indicator) {
		return row.cell(indicator).value().doubleValue();
	}

}
