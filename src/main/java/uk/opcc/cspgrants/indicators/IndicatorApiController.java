package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.ValidationException;

/** Indicator data and harm weights in JSON; imports as multipart uploads. */
@RestController
@Tag(name = "Indicators", description = "Population, recorded crime, crime harm and other indicators")
class IndicatorApiController {

	private final IndicatorManagement indicators;

	private final PoliceUkLoads policeUk;

	private final HarmWeights harmWeights;

	IndicatorApiController(IndicatorManagement indicators, PoliceUkLoads policeUk, HarmWeights harmWeights) {
		this.indicators = indicators;
		this.policeUk = policeUk;
		this.harmWeights = harmWeights;
	}

	@PostMapping(path = "/api/v1/indicators/police-uk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Load police.uk street-level crime files (one or many, all-or-nothing)",
			description = "Each file's month belongs to the force in its Reported by column: loading replaces that "
					+ "force's month only. A crime ID is counted once per force and month (duplicates are dropped and "
					+ "counted per file). A force's month already loaded from the same content (SHA-256) is left "
					+ "unchanged and said so. Refused, and nothing loaded: an empty file, a header-only file, a file "
					+ "with no record in a partnership's area, the same content twice, two different files for one "
					+ "force's month, the compact format without Reported by, any unreadable row. The answer gives "
					+ "each partnership's crimes and anti-social behaviour before and after, per financial year.")
	@ApiResponse(responseCode = "200",
			description = "Loaded (or already loaded and unchanged): months, files, " + "changes per partnership")
	ResponseEntity<Object> importPoliceUk(@RequestPart(name = "files", required = false) List<MultipartFile> files)
			throws IOException {
		ImportResults.CrimeImport result = this.policeUk.importPoliceUk(MultipartUpload.of(files));
		return result.loaded() ? ResponseEntity.ok(result) : refused(result.refused());
	}

	@PostMapping(path = "/api/v1/indicators/population", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Load an ONS population estimates file as the population of a financial year")
	ResponseEntity<Object> importPopulation(@RequestParam String year,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		List<MultipartUpload> chosen = MultipartUpload.of((file != null) ? List.of(file) : List.of());
		if (chosen.isEmpty()) {
			throw new ValidationException("file", "Send the ONS population file as the part named file");
		}
		ImportResults.PopulationImport result = this.indicators.importPopulation(FinancialYear.parse(year),
				chosen.get(0));
		return result.loaded() ? ResponseEntity.ok(result) : refused(result.refused());
	}

	@PostMapping(path = "/api/v1/indicators/generic", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Load a CSV of partnership code, financial year, indicator, value")
	ResponseEntity<Object> importGeneric(@RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		List<MultipartUpload> chosen = MultipartUpload.of((file != null) ? List.of(file) : List.of());
		if (chosen.isEmpty()) {
			throw new ValidationException("file", "Send the CSV file as the part named file");
		}
		ImportResults.IndicatorImport result = this.indicators.importIndicators(chosen.get(0));
		return result.loaded() ? ResponseEntity.ok(result) : refused(result.refused());
	}

	@GetMapping("/api/v1/indicators")
	@Operation(summary = "Every active partnership's indicators for a financial year, with sources")
	IndicatorsResponse indicators(@RequestParam String year) {
		IndicatorGrid grid = this.indicators.grid(FinancialYear.parse(year));
		List<IndicatorsResponse.Row> rows = grid.rows().stream().map(row -> {
			Map<String, IndicatorGrid.Cell> values = new LinkedHashMap<>();
			grid.indicators().forEach(key -> {
				if (row.cell(key) != null) {
					values.put(key, row.cell(key));
				}
			});
			return new IndicatorsResponse.Row(row.partnership().code(), row.partnership().name(), values);
		}).toList();
		return new IndicatorsResponse(grid.year(), grid.crimeMonths().size(), rows);
	}

	@GetMapping("/api/v1/indicators/{year}/{code}/crime-sources")
	@Operation(summary = "Where a partnership's police.uk figures for a year came from",
			description = "The home force (the force that reported most of its records) with the months loaded, other "
					+ "forces that reported records in its area, and every file (name, SHA-256, records read, duplicate "
					+ "crime IDs dropped, who loaded it and when). The year is complete when the home force has all 12 "
					+ "months.")
	@ApiResponse(responseCode = "200", description = "The source")
	CrimeSourceResponse crimeSources(@PathVariable String year, @PathVariable String code) {
		CrimeSource source = this.indicators.crimeSource(FinancialYear.parse(year), code);
		return new CrimeSourceResponse(source.code(), source.name(), source.year(), source.text(), source.complete(),
				source.missing(), source.forces());
	}

	@GetMapping("/api/v1/harm-weights")
	@Operation(summary = "The harm weight of each crime type")
	List<HarmWeights.HarmWeight> harmWeights() {
		return this.harmWeights.list();
	}

	@PutMapping("/api/v1/harm-weights")
	@Operation(summary = "Set harm weights (crime type to days); others stay as they are")
	List<HarmWeights.HarmWeight> setHarmWeights(@RequestBody HarmWeightsRequest request) {
		this.harmWeights.update((request.weights() != null) ? request.weights() : Map.of(), request.source());
		return this.harmWeights.list();
	}

	private static ResponseEntity<Object> refused(List<RefusedRow> refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some rows were refused, so nothing was loaded. Correct them and send the files again.");
		problem.setTitle("Import refused");
		problem.setProperty("refused", refused);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The indicators of a year. */
	record IndicatorsResponse(FinancialYear year, int crimeMonthsLoaded, List<Row> partnerships) {

		record Row(String code, String name, Map<String, IndicatorGrid.Cell> values) {
		}

	}

	/** Where a partnership's police.uk figures for a year came from. */
	record CrimeSourceResponse(String code, String name, FinancialYear year, String source, boolean complete,
			List<java.time.YearMonth> missing, List<CrimeSource.Force> forces) {
	}

	/** New harm weights and where they come from. */
	record HarmWeightsRequest(Map<String, BigDecimal> weights, String source) {
	}

}
