package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.RenderedFragments;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/**
 * Indicator pages: the grid for a year, the imports, corrections and the harm weights.
 */
@Controller
@RequestMapping("/indicators")
class IndicatorController {

	private final IndicatorManagement indicators;

	private final PoliceUkLoads policeUk;

	private final HarmWeights harmWeights;

	private final Clock clock;

	private final RenderedFragments fragments;

	IndicatorController(IndicatorManagement indicators, PoliceUkLoads policeUk, HarmWeights harmWeights, Clock clock,
			RenderedFragments fragments) {
		this.fragments = fragments;
		this.clock = clock;
		this.indicators = indicators;
		this.policeUk = policeUk;
		this.harmWeights = harmWeights;
	}

	/**
	 * The grid of a year; its tables are rendered once for each version of the year's
	 * indicators and of the partnerships (and with or without the links to correct a
	 * value) and kept.
	 */
	@GetMapping
	String grid(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		FinancialYear shown = (year != null) ? FinancialYear.parse(year) : defaultYear();
		boolean mayCorrect = user.hasAny(Role.OFFICER, Role.ADMIN);
		model.addAttribute("year", shown);
		model.addAttribute("years", FinancialYear.choices(shown, LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		model.addAttribute("tables",
				this.fragments.render("indicators " + shown + " " + mayCorrect + " " + this.indicators.version(shown),
						"indicators/grid-tables", "tables",
						() -> Map.of("grid", this.indicators.grid(shown), "labels", labels(), "mayCorrect", mayCorrect),
						request, response));
		return "indicators/grid";
	}

	@GetMapping("/import")
	String importPage(Model model) {
		model.addAttribute("coverage", this.indicators.crimeCoverage());
		model.addAttribute("years", FinancialYear.choices(null, LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		return "indicators/import";
	}

	@PostMapping("/import/police-uk")
	String importPoliceUk(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) throws IOException {
		try {
			model.addAttribute("crime", this.policeUk.importPoliceUk(MultipartUpload.of(files)));
		}
		catch (ValidationException nothingChosen) {
			return importPageWith(model, response, "files", nothingChosen.getMessage(), null);
		}
		model.addAttribute("coverage", this.indicators.crimeCoverage());
		return "indicators/import-result";
	}

	@PostMapping("/import/population")
	String importPopulation(@RequestParam String year,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		List<MultipartUpload> chosen = MultipartUpload.of((file != null) ? List.of(file) : List.of());
		if (chosen.isEmpty()) {
			return importPageWith(model, response, "population-file", "Choose the ONS population file", year);
		}
		model.addAttribute("population", this.indicators.importPopulation(FinancialYear.parse(year), chosen.get(0)));
		return "indicators/import-result";
	}

	@PostMapping("/import/generic")
	String importGeneric(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		List<MultipartUpload> chosen = MultipartUpload.of((file != null) ? List.of(file) : List.of());
		if (chosen.isEmpty()) {
			return importPageWith(model, response, "generic-file", "Choose an indicator CSV file", null);
		}
		model.addAttribute("generic", this.indicators.importIndicators(chosen.get(0)));
		return "indicators/import-result";
	}

	@GetMapping("/crime-counts.csv")
	void exportCrimeCounts(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"crime-counts.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		try (PrintWriter writer = response.getWriter();
				CSVPrinter csv = new CSVPrinter(writer,
						CSVFormat.DEFAULT.builder()
							.setHeader(PoliceUkFiles.COMPACT_HEADER.toArray(String[]::new))
							.get())) {
			for (String[] row : this.indicators.crimeCountsForExport()) {
				csv.printRecord(row[0], SpreadsheetText.safe(row[1]), SpreadsheetText.safe(row[2]),
						SpreadsheetText.safe(row[3]), row[4]);
			}
		}
	}

	/** Where a partnership's police.uk figures for a year came from, file by file. */
	@GetMapping("/{year}/{code}/crime-sources")
	String crimeSources(@PathVariable String year, @PathVariable String code, Model model) {
		model.addAttribute("source", this.indicators.crimeSource(FinancialYear.parse(year), code));
		return "indicators/crime-sources";
	}

	@GetMapping("/{year}/{code}/correct")
	String correctForm(@PathVariable String year, @PathVariable String code, @RequestParam String indicator,
			Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		IndicatorGrid.Row row = rowOf(financialYear, code);
		model.addAttribute("year", financialYear);
		model.addAttribute("row", row);
		model.addAttribute("indicator", indicator);
		model.addAttribute("label", IndicatorKeys.label(indicator));
		model.addAttribute("current", row.cell(indicator));
		return "indicators/correct";
	}

	@PostMapping("/{year}/{code}/correct")
	String correct(@PathVariable String year, @PathVariable String code, @RequestParam String indicator,
			@RequestParam String value, @RequestParam String reason, Model model, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			this.indicators.correct(code, financialYear, indicator, number(value), reason);
		}
		catch (ValidationException refused) {
			IndicatorGrid.Row row = rowOf(financialYear, code);
			model.addAttribute("year", financialYear);
			model.addAttribute("row", row);
			model.addAttribute("indicator", indicator);
			model.addAttribute("label", IndicatorKeys.label(indicator));
			model.addAttribute("current", row.cell(indicator));
			model.addAttribute("errors", refused.fieldErrors());
			model.addAttribute("value", value);
			model.addAttribute("reason", reason);
			return "indicators/correct";
		}
		redirect.addFlashAttribute("success", IndicatorKeys.label(indicator) + " for " + row(financialYear, code)
				+ " in " + financialYear + " has been corrected");
		return "redirect:/indicators?year=" + financialYear;
	}

	@GetMapping("/harm-weights")
	String harmWeights(Model model) {
		model.addAttribute("weights", this.harmWeights.list());
		return "indicators/harm-weights";
	}

	@PostMapping("/harm-weights")
	String saveHarmWeights(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		form.forEach((name, text) -> {
			if (name.startsWith("weight[") && name.endsWith("]") && !text.isBlank()) {
				String crimeType = name.substring(7, name.length() - 1);
				try {
					weights.put(crimeType, new BigDecimal(text.strip()));
				}
				catch (NumberFormatException notANumber) {
					errors.put("weights[" + crimeType + "]", "The weight of " + crimeType + " must be a number");
				}
			}
		});
		try {
			if (!errors.isEmpty()) {
				throw new ValidationException(errors);
			}
			this.harmWeights.update(weights, form.get("source"));
		}
		catch (ValidationException refused) {
			model.addAttribute("weights", this.harmWeights.list());
			model.addAttribute("errors", refused.fieldErrors());
			model.addAttribute("typed", form);
			return "indicators/harm-weights";
		}
		redirect.addFlashAttribute("success", "The harm weights have been saved; crime harm is recalculated from them");
		return "redirect:/indicators/harm-weights";
	}

	/**
	 * The load page again with a refusal in the error summary, linked to the upload field
	 * it is about, and the year chosen kept.
	 */
	private String importPageWith(Model model, HttpServletResponse response, String field, String message,
			String chosenYear) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errors", Map.of(field, message));
		model.addAttribute("chosenYear", chosenYear);
		return importPage(model);
	}

	private IndicatorGrid.Row rowOf(FinancialYear year, String code) {
		return this.indicators.grid(year)
			.rows()
			.stream()
			.filter(row -> row.partnership().code().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no active partnership with the code " + code));
	}

	private String row(FinancialYear year, String code) {
		return rowOf(year, code).partnership().name();
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException | NullPointerException notANumber) {
			throw new ValidationException("value", "Enter a number, like 1234 or 12.5");
		}
	}

	private FinancialYear defaultYear() {
		return this.indicators.crimeCoverage()
			.stream()
			.filter(CrimeCoverage::complete)
			.map(CrimeCoverage::year)
			.findFirst()
			.orElse(FinancialYear.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)).previous());
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		IndicatorKeys.BUILT_IN.forEach(key -> labels.put(key, IndicatorKeys.label(key)));
		return labels;
	}

}
