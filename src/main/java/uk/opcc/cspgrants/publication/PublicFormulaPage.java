package uk.opcc.cspgrants.publication;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The public page that explains the formula, for anyone, signed in or not, with links to
 * the allocations published with it, year by year.
 */
@Controller
class PublicFormulaPage {

	private final PublishedDecisions published;

	PublicFormulaPage(PublishedDecisions published) {
		this.published = published;
	}

	@GetMapping("/how-the-formula-works")
	String howTheFormulaWorks(Model model) {
		Map<FinancialYear, RunView> byYear = new LinkedHashMap<>();
		this.published.publishedRuns()
			.stream()
			.map(PublishedDecisions.PublishedRun::run)
			.sorted(Comparator.comparing(RunView::year)
				.reversed()
				.thenComparing(RunView::id, Comparator.reverseOrder()))
			.forEach(run -> byYear.putIfAbsent(run.year(), run));
		model.addAttribute("allocations", byYear.values());
		return "public/how-the-formula-works";
	}

}
