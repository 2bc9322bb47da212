package uk.opcc.cspgrants.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.opcc.cspgrants.allocation.FormulaForm;
import uk.opcc.cspgrants.allocation.IndicatorLabels;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * The public pages: published decision records and the allocations they decided. No
 * sign-in.
 */
@Controller
@RequestMapping("/public")
class PublicController {

	private final PublishedDecisions published;

	private final RunManagement runs;

	private final Clock clock;

	PublicController(PublishedDecisions published, RunManagement runs, Clock clock) {
		this.clock = clock;
		this.published = published;
		this.runs = runs;
	}

	@GetMapping("/decisions")
	String decisions(@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
			Model model) {
		model.addAttribute("records", this.published.search(year, q));
		model.addAttribute("year", year);
		model.addAttribute("q", q);
		List<Integer> years = new ArrayList<>();
		for (int y = LocalDate.ofInstant(this.clock.instant(), Dates.UK)
			.getYear(); y >= LocalDate.ofInstant(this.clock.instant(), Dates.UK).getYear() - 10; y--) {
			years.add(y);
		}
		model.addAttribute("years", years);
		return "public/decisions";
	}

	@GetMapping("/decisions/{reference}")
	String decision(@PathVariable String reference, Model model) {
		DecisionView record = this.published.get(reference);
		model.addAttribute("record", record);
		model.addAttribute("document", this.published.documents().of(record, true));
		return "public/decision";
	}

	@GetMapping("/decisions/{reference}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String reference) {
		DecisionView record = this.published.get(reference);
		return Downloads.inline(this.published.documents().pdf(record, true), MediaType.APPLICATION_PDF_VALUE,
				record.reference() + ".pdf");
	}

	@GetMapping("/allocations/{year}")
	String allocations(@PathVariable String year, Model model) {
		RunView run = publishedRun(year);
		model.addAttribute("run", run);
		return "public/allocations";
	}

	@GetMapping("/allocations/{year}/{code}")
	String explanation(@PathVariable String year, @PathVariable String code, Model model) {
		RunView run = publishedRun(year);
		RunView.Line line = run.line(code);
		if (line == null) {
			throw new NotFoundException("Partnership " + code + " is not in the published allocation for " + year);
		}
		model.addAttribute("run", run);
		model.addAttribute("line", line);
		model.addAttribute("explanation", this.runs.explanation(run, line));
		return "public/explanation";
	}

	@GetMapping("/allocations/{year}/scenario")
	String scenario(@PathVariable String year, @ModelAttribute("form") FormulaForm form,
			@RequestParam(required = false) String compare, Model model) {
		RunView run = publishedRun(year);
		model.addAttribute("run", run);
		model.addAttribute("publicScenario", true);
		model.addAttribute("years", List.of(run.window().get(run.window().size() - 1)));
		model.addAttribute("indicatorLabels", IndicatorLabels.builtIn());
		if (compare == null) {
			model.addAttribute("form", FormulaForm.from(run));
			return "allocation/scenario";
		}
		try {
			model.addAttribute("comparison",
					this.runs.scenario(run.id(), form.potOrNull(), form.toDetails(), form.windowEndOrNull(), null));
		}
		catch (ValidationException refused) {
			model.addAttribute("errors", refused.fieldErrors());
		}
		catch (IllegalArgumentException refused) {
			model.addAttribute("errors", Map.of("form", refused.getMessage()));
		}
		return "allocation/scenario";
	}

	private RunView publishedRun(String year) {
		FinancialYear financialYear;
		try {
			financialYear = FinancialYear.parse(year);
		}
		catch (IllegalArgumentException notAYear) {
			throw new NotFoundException("There is no published allocation for " + year);
		}
		return this.published.publishedRun(financialYear)
			.orElseThrow(() -> new NotFoundException("There is no published allocation for " + financialYear));
	}

}
