package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.opcc.cspgrants.allocation.formula.Areas.Y2022;
import static uk.opcc.cspgrants.allocation.formula.Areas.Y2023;
import static uk.opcc.cspgrants.allocation.formula.Areas.Y2024;
import static uk.opcc.cspgrants.allocation.formula.Areas.area;
import static uk.opcc.cspgrants.allocation.formula.Areas.weights;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_HARM;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_HARM_PER_1000;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_PER_1000;
import static uk.opcc.cspgrants.allocation.formula.Indicators.POPULATION;
import static uk.opcc.cspgrants.allocation.formula.Indicators.RECORDED_CRIME;

class FormulaCalculatorTest {

	private final FormulaCalculator calculator = new FormulaCalculator();

	/**
	 * Pot £1,000.01 (100,001p), population 60%, recorded crime 40%, averaged over 2022-23
	 * and 2023-24.
	 *
	 * <pre>
	 *             population           crime              weighted share          raw (pence)
	 * Blaby       5,000 & 7,000 → 6,000  90 & 110 → 100   .6 × .6 + .4 × .2 = .44  44,000.44
	 * Charnwood   3,000 & 3,000 → 3,000 250 & 250 → 250   .6 × .3 + .4 × .5 = .38  38,000.38
	 * Harborough  1,000 & 1,000 → 1,000 100 & 200 → 150   .6 × .1 + .4 × .3 = .18  18,000.18
	 * totals                     10,000                500
	 * </pre>
	 *
	 * Rounded down: 44,000 + 38,000 + 18,000 = 100,000p, one penny short; the largest
	 * remainder (.44, Blaby) gets it.
	 */
	@Test
	void sharesThePotByWeightedMeansOfTheIndicators() {
		FormulaRequest request = new FormulaRequest(100_001, List.of(Y2023, Y2022),
				FormulaSpec.of(weights(POPULATION, "60", RECORDED_CRIME, "40")),
				List.of(area("E07000131", "Harborough").with(POPULATION, Y2022, 1000)
					.with(POPULATION, Y2023, 1000)
					.with(RECORDED_CRIME, Y2022, 100)
					.with(RECORDED_CRIME, Y2023, 200)
					.build(),
						area("E07000129", "Blaby").with(POPULATION, Y2022, 5000)
							.with(POPULATION, Y2023, 7000)
							.with(RECORDED_CRIME, Y2022, 90)
							.with(RECORDED_CRIME, Y2023, 110)
							.build(),
						area("E07000130", "Charnwood").with(POPULATION, Y2022, 3000)
							.with(POPULATION, Y2023, 3000)
							.with(RECORDED_CRIME, Y2022, 250)
							.with(RECORDED_CRIME, Y2023, 250)
							.build()));

		FormulaResult result = this.calculator.calculate(request);

		assertThat(result.window()).containsExactly(Y2022, Y2023);
		assertThat(result.areas()).extracting(AreaResult::name).containsExactly("Blaby", "Charnwood", "Harborough");
		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(44_001L, 38_000L, 18_000L);
		assertThat(result.areas()).extracting(AreaResult::receivedRoundingPenny).containsExactly(true, false, false);
		assertThat(result.totalPence()).isEqualTo(100_001L);

		AreaResult blaby = result.areas().get(0);
		assertThat(blaby.weightedShare()).isEqualByComparingTo("0.44");
		assertThat(blaby.rawAmount()).isEqualByComparingTo("440.0044");
		assertThat(blaby.adjustedAmount()).isEqualByComparingTo("440.0044");
		assertThat(blaby.limit()).isEqualTo(Limit.NONE);
		IndicatorLine population = blaby.lines().get(0);
		assertThat(population.indicator()).isEqualTo(POPULATION);
		assertThat(population.label()).isEqualTo("Population");
		assertThat(population.value()).isEqualByComparingTo("6000");
		assertThat(population.total()).isEqualByComparingTo("10000");
		assertThat(population.share()).isEqualByComparingTo("0.6");
		assertThat(population.weightPercent()).isEqualByComparingTo("60");
		// £1,000.01 × 60% × .6
		assertThat(population.contributionPounds()).isEqualByComparingTo("360.0036");
		IndicatorLine crime = blaby.lines().get(1);
		assertThat(crime.value()).isEqualByComparingTo("100");
		assertThat(crime.total()).isEqualByComparingTo("500");
		assertThat(crime.share()).isEqualByComparingTo("0.2");
		// £1,000.01 × 40% × .2
		assertThat(crime.contributionPounds()).isEqualByComparingTo("80.0008");
	}

	@Test
	void givesTheLeftOverPenniesToTheLargestRemaindersAndBreaksTiesByCode() {
		// £100.00 in three equal parts: 3,333.33...p each, one penny left over; every
		// remainder is the same, so the earliest code (Blaby, E07000129) gets it.
		FormulaRequest request = new FormulaRequest(10_000, List.of(Y2024),
				FormulaSpec.of(Map.of("households", BigDecimal.valueOf(100))),
				List.of(area("E07000130", "Charnwood").with("households", 1).build(),
						area("E07000131", "Harborough").with("households", 1).build(),
						area("E07000129", "Blaby").with("households", 1).build()));

		FormulaResult result = this.calculator.calculate(request);

		assertThat(result.areas()).extracting(AreaResult::code).containsExactly("E07000129", "E07000130", "E07000131");
		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(3_334L, 3_333L, 3_333L);
		assertThat(result.areas()).extracting(AreaResult::receivedRoundingPenny).containsExactly(true, false, false);
		assertThat(result.areas().get(0).lines().get(0).label()).isEqualTo("households");
	}

	@Test
	void givesSeveralLeftOverPenniesToTheEarliestCodesWhenRemaindersTie() {
		// £100.02 in four equal parts: 2,500.5p each, two pennies left over.
		FormulaRequest request = new FormulaRequest(10_002, List.of(Y2024),
				FormulaSpec.of(Map.of(POPULATION, BigDecimal.valueOf(100))),
				List.of(area("D", "Delta").with(POPULATION, 7).build(), area("B", "Beta").with(POPULATION, 7).build(),
						area("C", "Gamma").with(POPULATION, 7).build(),
						area("A", "Alpha").with(POPULATION, 7).build()));

		assertThat(this.calculator.calculate(request).areas()).extracting(AreaResult::finalPence)
			.containsExactly(2_501L, 2_501L, 2_500L, 2_500L);
	}

	@Test
	void derivesCrimePerThousandFromMeanCrimeAndMeanPopulation() {
		// 1,000 × 450 ÷ 9,000 = 50 and 1,000 × 300 ÷ 3,000 = 100: shares 1/3 and 2/3 of
		// £300.00. Charnwood's population is 6,000 then 12,000: the rate is worked out
		// from the mean (9,000), not as a mean of yearly rates (75 and 37.5).
		FormulaRequest request = new FormulaRequest(30_000, List.of(Y2022, Y2023),
				FormulaSpec.of(Map.of(CRIME_PER_1000, BigDecimal.valueOf(100))),
				List.of(area("E07000130", "Charnwood").with(RECORDED_CRIME, Y2022, 450)
					.with(RECORDED_CRIME, Y2023, 450)
					.with(POPULATION, Y2022, 6000)
					.with(POPULATION, Y2023, 12000)
					.build(),
						area("E07000133", "Melton").with(RECORDED_CRIME, Y2022, 300)
							.with(RECORDED_CRIME, Y2023, 300)
							.with(POPULATION, Y2022, 3000)
							.with(POPULATION, Y2023, 3000)
							.build()));

		FormulaResult result = this.calculator.calculate(request);

		assertThat(result.areas()).extracting((area) -> area.lines().get(0).value())
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("50"), new BigDecimal("100"));
		assertThat(result.areas().get(0).lines().get(0).total()).isEqualByComparingTo("150");
		assertThat(result.areas().get(0).lines().get(0).label()).isEqualTo("Crime per 1,000 population");
		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(10_000L, 20_000L);
	}

	@Test
	void derivesCrimeHarmPerThousandLikewise() {
		// 1,000 × 45 ÷ 9,000 = 5 and 1,000 × 60 ÷ 3,000 = 20: shares 1/5 and 4/5.
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(Map.of(CRIME_HARM_PER_1000, BigDecimal.valueOf(100))),
				List.of(area("A", "Alpha").with(CRIME_HARM, 45).with(POPULATION, 9000).build(),
						area("B", "Beta").with(CRIME_HARM, 60).with(POPULATION, 3000).build()));

		assertThat(this.calculator.calculate(request).areas()).extracting(AreaResult::finalPence)
			.containsExactly(20_000L, 80_000L);
	}

	@Test
	void comparesEachPartnershipWithItsBaseline() {
		// Halves of £1,000.00 against baselines of £400.00, £0.00 and none.
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(Map.of(POPULATION, BigDecimal.valueOf(100))),
				List.of(area("A", "Alpha").with(POPULATION, 1).baseline(40_000).build(),
						area("B", "Beta").with(POPULATION, 1).baseline(0).build(),
						area("C", "Gamma").with(POPULATION, 0).build()));

		List<AreaResult> areas = this.calculator.calculate(request).areas();

		assertThat(areas.get(0).changePence()).isEqualTo(10_000L);
		assertThat(areas.get(0).changePercent()).isEqualByComparingTo("25.00");
		assertThat(areas.get(1).changePence()).isEqualTo(50_000L);
		assertThat(areas.get(1).changePercent()).isNull();
		assertThat(areas.get(2).finalPence()).isZero();
		assertThat(areas.get(2).changePence()).isNull();
		assertThat(areas.get(2).changePercent()).isNull();
	}

	@Test
	void refusesAMissingYearNamingThePartnershipTheIndicatorAndTheYear() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2022, Y2023),
				FormulaSpec.of(Map.of(POPULATION, BigDecimal.valueOf(100))),
				List.of(area("E07000129", "Blaby").with(POPULATION, Y2022, 100).with(POPULATION, Y2023, 100).build(),
						area("E07000130", "Charnwood").with(POPULATION, Y2022, 100).build()));

		assertThatThrownBy(() -> this.calculator.calculate(request)).isInstanceOf(FormulaException.class)
			.hasMessage("Charnwood has no Population for 2023-24");
	}

	@Test
	void refusesAMissingIndicatorOfADerivedRate() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(Map.of(CRIME_PER_1000, BigDecimal.valueOf(100))),
				List.of(area("E07000133", "Melton").with(POPULATION, 100).build()));

		assertThatThrownBy(() -> this.calculator.calculate(request)).isInstanceOf(FormulaException.class)
			.hasMessage("Melton has no Recorded crime for 2024-25");
	}

	@Test
	void needsNoDataForAnIndicatorWeightedZero() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(Map.of(POPULATION, BigDecimal.valueOf(100), CRIME_HARM, BigDecimal.ZERO)),
				List.of(area("A", "Alpha").with(POPULATION, 1).build()));

		AreaResult alpha = this.calculator.calculate(request).areas().get(0);

		assertThat(alpha.finalPence()).isEqualTo(100_000L);
		assertThat(alpha.lines()).extracting(IndicatorLine::indicator).containsExactly(POPULATION);
	}

	@Test
	void refusesAnIndicatorEveryPartnershipHasZeroOf() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(Map.of(POPULATION, BigDecimal.valueOf(50), CRIME_HARM, BigDecimal.valueOf(50))),
				List.of(area("A", "Alpha").with(POPULATION, 1).with(CRIME_HARM, 0).build(),
						area("B", "Beta").with(POPULATION, 1).with(CRIME_HARM, 0).build()));

		assertThatThrownBy(() -> this.calculator.calculate(request)).isInstanceOf(FormulaException.class)
			.hasMessage("Every partnership has zero Crime harm");
	}

	@Test
	void refusesARateOverAPopulationOfZero() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(Map.of(CRIME_PER_1000, BigDecimal.valueOf(100))),
				List.of(area("A", "Alpha").with(POPULATION, 10).with(RECORDED_CRIME, 1).build(),
						area("B", "Melton").with(POPULATION, 0).with(RECORDED_CRIME, 1).build()));

		assertThatThrownBy(() -> this.calculator.calculate(request)).isInstanceOf(FormulaException.class)
			.hasMessage("Melton has a Population of 0, so its Crime per 1,000 population cannot be worked out");
	}

	@Test
	void refusesNegativeIndicatorValues() {
		FormulaRequest request = new FormulaRequest(100_000, List.of(Y2024),
				FormulaSpec.of(Map.of(POPULATION, BigDecimal.valueOf(100))),
				List.of(area("A", "Rutland").with(POPULATION, -5).build()));

		assertThatThrownBy(() -> this.calculator.calculate(request)).isInstanceOf(FormulaException.class)
			.hasMessage("Rutland has a negative Population for 2024-25 (-5); indicator values cannot be negative");
	}

	@Test
	void refusesRunsThatCannotMakeSense() {
		FormulaSpec spec = FormulaSpec.of(Map.of(POPULATION, BigDecimal.valueOf(100)));
		List<AreaInput> one = List.of(area("A", "Alpha").with(POPULATION, 1).build());
		assertThatThrownBy(() -> this.calculator.calculate(new FormulaRequest(0, List.of(Y2024), spec, one)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("The pot must be more than £0.00");
		assertThatThrownBy(() -> this.calculator.calculate(new FormulaRequest(100, List.of(), spec, one)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("Choose at least one financial year to average the indicators over");
		assertThatThrownBy(() -> this.calculator.calculate(new FormulaRequest(100, List.of(Y2024, Y2024), spec, one)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("The window lists 2024-25 more than once");
		assertThatThrownBy(() -> this.calculator.calculate(new FormulaRequest(100, List.of(Y2024), spec, List.of())))
			.isInstanceOf(FormulaException.class)
			.hasMessage("There are no partnerships to share the pot between");
		assertThatThrownBy(() -> this.calculator.calculate(new FormulaRequest(100, List.of(Y2024), spec,
				List.of(area("A", "Alpha").with(POPULATION, 1).build(),
						area("A", "Again").with(POPULATION, 1).build()))))
			.isInstanceOf(FormulaException.class)
			.hasMessage("More than one partnership has the code A");
		assertThatThrownBy(() -> this.calculator.calculate(new FormulaRequest(100, List.of(Y2024), spec,
				List.of(area("A", "Alpha").with(POPULATION, 1).baseline(-1).build()))))
			.isInstanceOf(FormulaException.class)
			.hasMessage("Alpha's baseline cannot be negative");
	}

}
