package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.allocation.formula.AreaInput;
import uk.opcc.cspgrants.allocation.formula.FormulaCalculator;
import uk.opcc.cspgrants.allocation.formula.FormulaRequest;
import uk.opcc.cspgrants.allocation.formula.FormulaResult;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.allocation.formula.Indicators;
import uk.opcc.cspgrants.indicators.CrimeCoverage;
import uk.opcc.cspgrants.indicators.IndicatorManagement;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Gathers a run's inputs (indicators over the window, baselines) and runs the formula.
 */
@Component
class RunCalculation {

	private final FormulaCalculator calculator = new FormulaCalculator();

	private final IndicatorManagement indicators;

	private final PartnershipManagement partnerships;

	RunCalculation(IndicatorManagement indicators, PartnershipManagement partnerships) {
		this.indicators = indicators;
		this.partnerships = partnerships;
	}

	/** The inputs of a run and its result. */
	record Calculated(FormulaRequest request, FormulaResult result, Map<String, Long> partnershipIds,
			String baselineSource) {
	}

	FormulaCalculator calculator() {
		return this.calculator;
	}

	static List<FinancialYear> window(FinancialYear end, int years) {
		List<FinancialYear> window = new ArrayList<>();
		for (FinancialYear year = end; window.size() < years; year = year.previous()) {
			window.add(0, year);
		}
		return window;
	}

	/** Runs the formula on the current indicator data of the active partnerships. */
	Calculated calculate(Money pot, FormulaSpec spec, List<FinancialYear> window, Map<String, Money> baselines,
			String baselineSource) {
		checkCoverage(spec, window);
		Map<String, Map<String, Map<FinancialYear, BigDecimal>>> values = this.indicators.valuesFor(window);
		return calculate(pot, spec, window, values, baselines, baselineSource);
	}

	/** Runs the formula on the indicator values given (e.g. those frozen in a run). */
	Calculated calculate(Money pot, FormulaSpec spec, List<FinancialYear> window,
			Map<String, Map<String, Map<FinancialYear, BigDecimal>>> values, Map<String, Money> baselines,
			String baselineSource) {
		if (pot == null || pot.isNegative() || pot.isZero()) {
			throw new ValidationException("pot", "Enter a pot of more than £0.00");
		}
		List<String> needed = new ArrayList<>();
		spec.weightsPercent().keySet().forEach(key -> {
			for (String input : Indicators.inputsOf(key)) {
				if (!needed.contains(input)) {
					needed.add(input);
				}
			}
		});
		Map<String, Long> ids = new LinkedHashMap<>();
		List<AreaInput> areas = new ArrayList<>();
		for (PartnershipView partnership : this.partnerships.all()) {
			if (!partnership.active()) {
				continue;
			}
			ids.put(partnership.code(), partnership.id());
			Map<String, Map<FinancialYear, BigDecimal>> own = values.getOrDefault(partnership.code(), Map.of());
			Map<String, Map<FinancialYear, BigDecimal>> used = new LinkedHashMap<>();
			for (String key : needed) {
				if (own.containsKey(key)) {
					used.put(key, own.get(key));
				}
			}
			Money baseline = (baselines != null) ? baselines.get(partnership.code()) : null;
			areas.add(new AreaInput(partnership.code(), partnership.name(), used,
					(baseline != null) ? baseline.pence() : null));
		}
		if (areas.isEmpty()) {
			throw new ValidationException("year", "There are no active partnerships to allocate to");
		}
		FormulaRequest request = new FormulaRequest(pot.pence(), window, spec, areas);
		return new Calculated(request, this.calculator.calculate(request), ids, baselineSource);
	}

	private void checkCoverage(FormulaSpec spec, List<FinancialYear> window) {
		boolean usesCrime = spec.weightsPercent()
			.keySet()
			.stream()
			.flatMap(key -> Indicators.inputsOf(key).stream())
			.anyMatch(key -> key.equals(Indicators.RECORDED_CRIME) || key.equals(Indicators.CRIME_HARM));
		if (!usesCrime) {
			return;
		}
		for (FinancialYear year : window) {
			CrimeCoverage coverage = this.indicators.crimeCoverage(year);
			if (!coverage.complete()) {
				throw new ValidationException("windowEnd",
						coverage.problem() + "; load the rest or choose another window");
			}
		}
	}

}
