package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.opcc.cspgrants.allocation.formula.Areas.Y2024;
import static uk.opcc.cspgrants.allocation.formula.Areas.area;
import static uk.opcc.cspgrants.allocation.formula.Areas.weights;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_HARM;
import static uk.opcc.cspgrants.allocation.formula.Indicators.POPULATION;
import static uk.opcc.cspgrants.allocation.formula.Indicators.RECORDED_CRIME;

class SensitivityTest {

	private final FormulaCalculator calculator = new FormulaCalculator();

	/**
	 * Alpha has 3/4 of the population and 1/4 of the crime; Beta the reverse. With
	 * population at w% and crime at (100 − w)%, Alpha gets w% × .75 + (100 − w)% × .25 of
	 * £1,000.00: 60% (population +10, crime −10) gives £600.00, 50% (population −10,
	 * crime +10) gives £500.00.
	 */
	@Test
	void movesEachWeightTenPointsEachWayAndShowsWhatEveryoneWouldGet() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(weights(POPULATION, "60", RECORDED_CRIME, "40")),
				List.of(area("A", "Alpha").with(POPULATION, 3).with(RECORDED_CRIME, 1).build(),
						area("B", "Beta").with(POPULATION, 1).with(RECORDED_CRIME, 3).build()));

		List<SensitivityRow> rows = Sensitivity.of(this.calculator, request);

		assertThat(rows).extracting(SensitivityRow::indicator, SensitivityRow::direction)
			.containsExactly(tuple(POPULATION, "+10"), tuple(POPULATION, "-10"), tuple(RECORDED_CRIME, "+10"),
					tuple(RECORDED_CRIME, "-10"));
		assertThat(rows.get(0).weightsPercent()).isEqualTo(weights(POPULATION, "70.00", RECORDED_CRIME, "30.00"));
		assertThat(rows.get(3).weightsPercent()).isEqualTo(weights(POPULATION, "70.00", RECORDED_CRIME, "30.00"));
		assertThat(rows.get(1).weightsPercent()).isEqualTo(weights(POPULATION, "50.00", RECORDED_CRIME, "50.00"));
		assertThat(rows).extracting(SensitivityRow::finalPenceByCode)
			.containsExactly(Map.of("A", 60_000L, "B", 40_000L), Map.of("A", 50_000L, "B", 50_000L),
					Map.of("A", 50_000L, "B", 50_000L), Map.of("A", 60_000L, "B", 40_000L));
	}

	@Test
	void scalesTheOtherWeightsInProportionSoThatTheyStillAddUpToOneHundred() {
		// Crime 15 → 25: population and harm share 75 instead of 85, i.e. 70 × 75 ÷ 85 =
		// 61.7647... and 15 × 75 ÷ 85 = 13.2352...; to the hundredth that is 61.76 and
		// 13.23, a hundredth short, which goes to the larger remainder (harm's .0052...).
		Map<String, BigDecimal> moved = Sensitivity
			.moved(weights(POPULATION, "70", RECORDED_CRIME, "15", CRIME_HARM, "15"), RECORDED_CRIME, BigDecimal.TEN);

		assertThat(moved).isEqualTo(weights(POPULATION, "61.76", RECORDED_CRIME, "25.00", CRIME_HARM, "13.24"));
		assertThat(Sensitivity.moved(weights(POPULATION, "70", RECORDED_CRIME, "15", CRIME_HARM, "15"), POPULATION,
				BigDecimal.TEN))
			.isEqualTo(weights(POPULATION, "80.00", RECORDED_CRIME, "10.00", CRIME_HARM, "10.00"));
		assertThat(Sensitivity.moved(weights(POPULATION, "33.333", RECORDED_CRIME, "66.667"), POPULATION,
				BigDecimal.TEN.negate()))
			.isEqualTo(weights(POPULATION, "23.333", RECORDED_CRIME, "76.667"));
	}

	@Test
	void skipsDirectionsThatAreImpossible() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(weights(POPULATION, "100", CRIME_HARM, "0")),
				List.of(area("A", "Alpha").with(POPULATION, 3).with(CRIME_HARM, 1).build(),
						area("B", "Beta").with(POPULATION, 1).with(CRIME_HARM, 1).build()));

		List<SensitivityRow> rows = Sensitivity.of(this.calculator, request);

		// Population cannot go above 100, nor below it with nothing else to take the 10;
		// harm cannot go below 0. Harm +10: 90% × 3/4 + 10% × 1/2 = 72.5% for Alpha.
		assertThat(rows).extracting(SensitivityRow::indicator, SensitivityRow::direction)
			.containsExactly(tuple(CRIME_HARM, "+10"));
		assertThat(rows.get(0).finalPenceByCode()).isEqualTo(Map.of("A", 72_500L, "B", 27_500L));
	}

	@Test
	void leavesOutAScenarioThatCannotBeRun() {
		// Harm is weighted 0 and nobody has harm data: harm +10 cannot be run.
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(weights(POPULATION, "100", CRIME_HARM, "0")),
				List.of(area("A", "Alpha").with(POPULATION, 3).build()));

		assertThat(Sensitivity.of(this.calculator, request)).isEmpty();
	}

}
