package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * The nine Leicester, Leicestershire and Rutland partnerships sharing £97,905.00
 * (9,790,500p). Populations are close to the real ones; crime and harm figures are made
 * up.
 */
class LeicestershireSplitTest {

	static final long POT = 9_790_500;

	private final FormulaCalculator calculator = new FormulaCalculator();

	static FormulaRequest request(FormulaSpec spec) {
		return new FormulaRequest(POT, List.of(Y2022, Y2023, Y2024), spec,
				List.of(partnership("E07000129", "Blaby", 104_900, 6_100, 41_000, 9_000),
						partnership("E07000130", "Charnwood", 186_000, 13_900, 97_000, 16_500),
						partnership("E07000131", "Harborough", 99_500, 4_900, 30_500, 8_200),
						partnership("E07000132", "Hinckley and Bosworth", 115_800, 7_300, 45_000, 9_800),
						partnership("E07000133", "Melton", 52_200, 3_200, 19_000, 4_600),
						partnership("E07000134", "North West Leicestershire", 107_000, 7_900, 52_000, 9_500),
						partnership("E07000135", "Oadby and Wigston", 58_300, 3_600, 20_500, 5_100),
						partnership("E06000016", "Leicester", 374_000, 41_500, 301_000, 31_500),
						partnership("E06000017", "Rutland", 41_400, 1_700, 8_000, 3_700)));
	}

	/**
	 * The same population every year, crime varying by year, harm from the data and a
	 * baseline (together £97,900).
	 */
	private static AreaInput partnership(String code, String name, long population, long crime, long harm,
			long baselinePounds) {
		return area(code, name).with(POPULATION, Y2022, population)
			.with(POPULATION, Y2023, population)
			.with(POPULATION, Y2024, population)
			.with(RECORDED_CRIME, Y2022, crime - 150)
			.with(RECORDED_CRIME, Y2023, crime)
			.with(RECORDED_CRIME, Y2024, crime + 301)
			.with(CRIME_HARM, Y2022, harm)
			.with(CRIME_HARM, Y2023, harm + 7)
			.with(CRIME_HARM, Y2024, harm + 13)
			.baseline(baselinePounds * 100)
			.build();
	}

	static List<FormulaSpec> formulas() {
		return List.of(FormulaSpec.of(weights(POPULATION, "100")),
				FormulaSpec.of(weights(POPULATION, "50", RECORDED_CRIME, "50")),
				FormulaSpec.of(weights(POPULATION, "33.33", CRIME_PER_1000, "33.33", CRIME_HARM_PER_1000, "33.34")),
				FormulaSpec.of(weights(POPULATION, "12.5", RECORDED_CRIME, "17.5", CRIME_HARM, "70")),
				new FormulaSpec(weights(POPULATION, "40", CRIME_HARM, "60"), Floor.ofAmount(new BigDecimal("5000")),
						Damping.NONE),
				new FormulaSpec(weights(POPULATION, "40", CRIME_HARM, "60"), Floor.ofPercentOfPot(new BigDecimal("3")),
						new Damping(new BigDecimal("5"), new BigDecimal("7.5"))),
				new FormulaSpec(weights(RECORDED_CRIME, "100"), Floor.NONE, new Damping(new BigDecimal("2.5"), null)));
	}

	@ParameterizedTest
	@MethodSource("formulas")
	void alwaysSumsToExactlyNinetySevenThousandNineHundredAndFivePounds(FormulaSpec spec) {
		FormulaResult result = this.calculator.calculate(request(spec));

		assertThat(result.areas()).hasSize(9);
		assertThat(Money.ofPence(result.totalPence()).format()).isEqualTo("£97,905.00");
		assertThat(result.areas()).allSatisfy((area) -> assertThat(area.finalPence()).isPositive());
	}

	/**
	 * By population alone, each partnership's raw amount is 9,790,500 × population ÷
	 * 1,139,100 (the total; 1,139,100 = 300 × 3,797), e.g. Leicester 9,790,500 × 374,000
	 * ÷ 1,139,100 = 3,214,508 + 3,124/3,797 pence. Rounded down the nine come to
	 * 9,790,495p; the 5 pennies left go to the largest remainders: North West
	 * Leicestershire (3,574/3,797), Harborough (3,288), Leicester (3,124), Rutland
	 * (2,490) and Blaby (2,127), not Charnwood (1,777).
	 */
	@Test
	void splitsByPopulationAloneAsWorkedOutByHand() {
		FormulaResult result = this.calculator.calculate(request(FormulaSpec.of(weights(POPULATION, "100"))));

		assertThat(result.areas()).extracting(AreaResult::code)
			.containsExactly("E06000016", "E06000017", "E07000129", "E07000130", "E07000131", "E07000132", "E07000133",
					"E07000134", "E07000135");
		assertThat(result.areas()).extracting(AreaResult::finalPence)
			.containsExactly(3_214_509L, 355_831L, 901_610L, 1_598_659L, 855_197L, 995_294L, 448_656L, 919_659L,
					501_085L);
		assertThat(result.areas()).filteredOn(AreaResult::receivedRoundingPenny)
			.extracting(AreaResult::name)
			.containsExactly("Leicester", "Rutland", "Blaby", "Harborough", "North West Leicestershire");
	}

}
