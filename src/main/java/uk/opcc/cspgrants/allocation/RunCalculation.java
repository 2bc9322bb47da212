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
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.partnership.PartnershipSet;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Gathers a run's inputs (the partnerships it covers, indicators over the window,
 * baselines) and runs the formula.
 */
@Component
class RunCalculation {

	private final FormulaCalculator calculator = new FormulaCalculator();

	private final IndicatorManagement indicators;

	private final PartnershipGroupManagement groups;

	RunCalculation(IndicatorManagement indicators, PartnershipGroupManagement groups) {
		this.indicators = indicators;
		this.groups = groups;
	}

	/** The inputs of a run and its result. */
	record Calculated(FormulaRequest request, FormulaResult result, Map<String, Long> partnershipIds,
			String baselineSource, Covered partnerships, Map<String, Map<String, Map<FinancialYear, String>>> sources) {
	}

	/**
	 * The partnerships a calculation covers: a set chosen for a new run, or the lines a
	 * run froze.
	 *
	 * @param groupId the group chosen, or {@code null} for every active partnership
	 * @param label the set as shown, e.g. "All active partnerships (9)"
	 * @param areas the partnerships, each once
	 */
	record Covered(Long groupId, String label, List<Area> areas) {

		static Covered of(PartnershipSet set) {
			return new Covered(set.groupId(), set.label(),
					set.partnerships()
						.stream()
						.map(partnership -> new Area(partnership.id(), partnership.code(), partnership.name()))
						.toList());
		}

		/** The set a run froze: its lines. */
		static Covered of(RunView run) {
			return new Covered(run.partnershipGroupId(), run.partnerships(),
					run.lines()
						.stream()
						.map(line -> new Area(line.partnershipId(), line.code(), line.name()))
						.toList());
		}

	}

	/** One partnership covered, as the run keeps it. */
	record Area(long id, String code, String name) {
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

	/**
	 * The partnerships a new run covers: every active one, or a group's active members.
	 */
	Covered chosen(Long partnershipGroupId) {
		return Covered.of(this.groups.chosen(partnershipGroupId));
	}

	/** Runs the formula on the current indicator data of the partnerships covered. */
	Calculated calculate(Money pot, FormulaSpec spec, List<FinancialYear> window, Map<String, Money> baselines,
			String baselineSource, Covered covered) {
		checkCoverage(spec, window, covered);
		IndicatorManagement.UsedValues used = this.indicators.usedValues(window);
		Calculated calculated = calculate(pot, spec, window, used.values(), baselines, baselineSource, covered);
		return new Calculated(calculated.request(), calculated.result(), calculated.partnershipIds(),
				calculated.baselineSource(), calculated.partnerships(), used.sources());
	}

	/**
	 * Runs the formula on the indicator values given (e.g. those frozen in a run) for the
	 * partnerships covered; each partnership's baseline is looked up by its code, and one
	 * without a baseline has none.
	 */
	Calculated calculate(Money pot, FormulaSpec spec, List<FinancialYear> window,
			Map<String, Map<String, Map<FinancialYear, BigDecimal>>> values, Map<String, Money> baselines,
			String baselineSource, Covered covered) {
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
		for (Area partnership : covered.areas()) {
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
			throw new ValidationException(PartnershipSet.FIELD, "There are no active partnerships to allocate to");
		}
		FormulaRequest request = new FormulaRequest(pot.pence(), window, spec, areas);
		return new Calculated(request, this.calculator.calculate(request), ids, baselineSource, covered, Map.of());
	}

	private void checkCoverage(FormulaSpec spec, List<FinancialYear> window, Covered covered) {
		boolean usesCrime = spec.weightsPercent()
			.keySet()
			.stream()
			.flatMap(key -> Indicators.inputsOf(key).stream())
			.anyMatch(key -> key.equals(Indicators.RECORDED_CRIME) || key.equals(Indicators.CRIME_HARM));
		if (!usesCrime) {
			return;
		}
		for (FinancialYear year : window) {
			CrimeCoverage coverage = this.indicators.crimeCoverage(year)
				.of(covered.areas().stream().map(Area::code).toList());
			if (!coverage.complete()) {
				throw new ValidationException("windowEnd",
						coverage.problem() + "; load the rest or choose another window");
			}
		}
	}

}
