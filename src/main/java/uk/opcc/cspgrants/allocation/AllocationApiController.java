package uk.opcc.cspgrants.allocation;

import uk.opcc.cspgrants.shared.web.MoneyJson;
import tools.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.allocation.formula.FormulaException;
import uk.opcc.cspgrants.allocation.formula.SensitivityRow;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/** Formulas, formula runs and scenarios in JSON. */
@RestController
@Tag(name = "Allocation", description = "Formulas, formula runs and scenarios")
class AllocationApiController {

	private final FormulaManagement formulas;

	private final RunManagement runs;

	AllocationApiController(FormulaManagement formulas, RunManagement runs) {
		this.formulas = formulas;
		this.runs = runs;
	}

	@GetMapping("/api/v1/formulas")
	@Operation(summary = "The latest version of every formula")
	List<FormulaVersionView> formulas() {
		return this.formulas.latestVersions();
	}

	@PostMapping("/api/v1/formulas")
	@Operation(summary = "A new formula: name, weights in percent summing to 100, window, floor and damping")
	ResponseEntity<FormulaVersionView> createFormula(@RequestBody FormulaDetails details) {
		FormulaVersionView created = this.formulas.create(details);
		return ResponseEntity.created(URI.create("/api/v1/formulas/" + created.formulaId())).body(created);
	}

	@PostMapping("/api/v1/formula-runs")
	@Operation(summary = "Run a formula on a pot for a financial year; the run is kept as a draft")
	ResponseEntity<RunView> createRun(@RequestBody RunBody body) {
		RunView run = withFormulaErrors(() -> this.runs.create(body.toRequest()));
		return ResponseEntity.created(URI.create("/api/v1/formula-runs/" + run.id())).body(run);
	}

	@GetMapping("/api/v1/formula-runs/{id}")
	@Operation(summary = "A run with every partnership's shares, amounts and explanation")
	RunView run(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.runs.get(id, user);
	}

	@GetMapping("/api/v1/formula-runs/{id}.csv")
	@Operation(summary = "A run's allocation table as CSV")
	ResponseEntity<byte[]> runCsv(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return Downloads.attachment(AllocationTable.csv(this.runs.get(id, user)).getBytes(StandardCharsets.UTF_8),
				Downloads.CSV, "allocation-run-" + id + ".csv");
	}

	@GetMapping("/api/v1/formula-runs/{id}.xlsx")
	@Operation(summary = "A run's allocation table as an Excel workbook")
	ResponseEntity<byte[]> runXlsx(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return Downloads.attachment(AllocationTable.xlsx(this.runs.get(id, user)), Downloads.XLSX,
				"allocation-run-" + id + ".xlsx");
	}

	@PostMapping("/api/v1/formula-runs/{id}/approve")
	@Operation(summary = "Approve a draft run (finance, not the user who made it)")
	RunView approve(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.runs.approve(id, user);
	}

	@GetMapping("/api/v1/formula-runs/{id}/sensitivity")
	@Operation(summary = "Each partnership's amount when each weight moves 10 points up or down")
	List<Sensitivity> sensitivity(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.runs.sensitivity(id, user).stream().map(Sensitivity::of).toList();
	}

	@PostMapping("/api/v1/scenarios")
	@Operation(
			summary = "A run beside the same run with other weights, window, floor, damping or pot; nothing is saved")
	ScenarioComparison scenario(@RequestBody ScenarioBody body, @AuthenticationPrincipal CurrentUser user) {
		if (body.runId() == null) {
			throw new ValidationException("runId", "Name the run to compare with");
		}
		RunView run = this.runs.get(body.runId(), user);
		FormulaForm start = FormulaForm.from(run);
		FormulaDetails original = start.toDetails();
		FormulaDetails changed = new FormulaDetails("Scenario",
				(body.weights() != null) ? body.weights() : original.weights(),
				(body.windowYears() != null) ? body.windowYears() : original.windowYears(), body.floorAmount(),
				body.floorPercent(), body.maxDecreasePercent(), body.maxIncreasePercent());
		ScenarioPartnerships partnerships = (body.partnerships() == null) ? ScenarioPartnerships.RUNS_OWN
				: ScenarioPartnerships.parse(body.partnerships());
		return withFormulaErrors(
				() -> this.runs.scenario(body.runId(), body.pot(), changed, body.windowEnd(), partnerships, user));
	}

	private static <T> T withFormulaErrors(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (FormulaException refused) {
			throw new ValidationException("formula", refused.getMessage());
		}
	}

	/** A run to make. Give a formula version, or weights and a window. */
	record RunBody(FinancialYear financialYear, Money pot, RunPurpose purpose, Long formulaVersionId,
			Map<String, BigDecimal> weights, Integer windowYears, FinancialYear windowEnd,
			@JsonDeserialize(using = MoneyJson.PoundsReader.class) BigDecimal floorAmount, BigDecimal floorPercent,
			BigDecimal maxDecreasePercent, BigDecimal maxIncreasePercent, Map<String, Money> baselines, String note,
			@Schema(description = "The saved partnership group whose active partnerships the run covers; "
					+ "leave out for every active partnership") Long partnershipGroupId) {

		RunRequest toRequest() {
			FormulaDetails inline = (this.weights != null)
					? new FormulaDetails("Inline", this.weights, (this.windowYears != null) ? this.windowYears : 1,
							this.floorAmount, this.floorPercent, this.maxDecreasePercent, this.maxIncreasePercent)
					: null;
			if (this.pot == null) {
				throw new ValidationException("pot", "Send the pot, e.g. 97905.00");
			}
			return new RunRequest(this.financialYear, this.pot, this.purpose, this.formulaVersionId, inline,
					this.windowEnd, this.baselines, this.note, this.partnershipGroupId);
		}

	}

	/**
	 * The changes of a scenario against a run; anything left out stays as in the run,
	 * except floor and damping.
	 */
	/**
	 * One line of the sensitivity table: one weight moved 10 points up or down, the
	 * weights that gives, and each partnership's amount then.
	 */
	record Sensitivity(String indicator, String direction, Map<String, BigDecimal> weightsPercent,
			Map<String, Money> amounts) {

		static Sensitivity of(SensitivityRow row) {
			Map<String, Money> amounts = new LinkedHashMap<>();
			row.finalPenceByCode().forEach((code, pence) -> amounts.put(code, Money.ofPence(pence)));
			return new Sensitivity(row.indicator(), row.direction(), row.weightsPercent(), amounts);
		}

	}

	record ScenarioBody(Long runId, Money pot, Map<String, BigDecimal> weights, Integer windowYears,
			FinancialYear windowEnd, @JsonDeserialize(using = MoneyJson.PoundsReader.class) BigDecimal floorAmount,
			BigDecimal floorPercent, BigDecimal maxDecreasePercent, BigDecimal maxIncreasePercent,
			@Schema(description = "The partnerships the scenario covers: \"run\" (the default) for those the run "
					+ "covers, \"all\" for every active partnership, or a partnership group's id; "
					+ "another set works from the current indicator data") String partnerships) {
	}

}
