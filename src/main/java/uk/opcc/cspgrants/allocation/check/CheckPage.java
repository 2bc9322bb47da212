package uk.opcc.cspgrants.allocation.check;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import uk.opcc.cspgrants.allocation.FormulaManagement;
import uk.opcc.cspgrants.indicators.CrimeCoverage;
import uk.opcc.cspgrants.indicators.IndicatorManagement;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * What the check page offers to choose from, for officers and the public alike: the
 * indicators, the years, the saved formulas and the saved published splits.
 */
@Component
class CheckPage {

	private final PublishedSplits splits;

	private final FormulaManagement formulas;

	private final IndicatorManagement indicators;

	private final Clock clock;

	CheckPage(PublishedSplits splits, FormulaManagement formulas, IndicatorManagement indicators, Clock clock) {
		this.clock = clock;
		this.splits = splits;
		this.formulas = formulas;
		this.indicators = indicators;
	}

	/** The choices, and a window ending in the latest year with all its crime loaded. */
	void choices(Model model, SplitCheckForm form) {
		if (form.getWindowEnd() == null || form.getWindowEnd().isBlank()) {
			form.setWindowEnd(latestCompleteYear().toString());
		}
		FinancialYear shown = null;
		try {
			shown = FinancialYear.parse(form.getWindowEnd().strip());
		}
		catch (RuntimeException notAYear) {
			// the field keeps what was typed; the check refuses it on the field
		}
		model.addAttribute("form", form);
		model.addAttribute("indicatorChoices", PublishedSplits.indicatorChoices());
		model.addAttribute("years", FinancialYear.choices(shown, LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		model.addAttribute("windowYearChoices", List.of("1", "2", "3", "4", "5"));
		model.addAttribute("formulas", Boolean.TRUE.equals(model.getAttribute("publicCheck"))
				? this.formulas.publishedVersions() : this.formulas.latestVersions());
		model.addAttribute("splits", this.splits.list());
	}

	/**
	 * Whether the public may compare with this formula version: only those of published
	 * runs (null or blank: no comparison asked for).
	 */
	boolean publiclyComparable(String formulaVersionId) {
		return formulaVersionId == null || formulaVersionId.isBlank()
				|| this.formulas.publishedVersions()
					.stream()
					.anyMatch(version -> String.valueOf(version.id()).equals(formulaVersionId.strip()));
	}

	private FinancialYear latestCompleteYear() {
		return this.indicators.crimeCoverage()
			.stream()
			.filter(CrimeCoverage::complete)
			.map(CrimeCoverage::year)
			.max(FinancialYear::compareTo)
			.orElse(FinancialYear.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)).previous());
	}

}
