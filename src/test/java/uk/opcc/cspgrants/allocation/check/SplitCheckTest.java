package uk.opcc.cspgrants.allocation.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.allocation.formula.AreaInput;
import uk.opcc.cspgrants.allocation.formula.FormulaCalculator;
import uk.opcc.cspgrants.allocation.formula.FormulaException;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.shared.FinancialYear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SplitCheckTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2023-24");

	private static final String[] CODES = { "A", "B", "C", "D", "E" };

	private static final double[] POPULATION = { 368_000, 190_000, 103_000, 58_000, 41_000 };

	private static final double[] CRIME = { 40_000, 9_000, 7_000, 6_000, 2_000 };

	private static final double[] HARM = { 900_000, 300_000, 200_000, 250_000, 100_000 };

	private static List<AreaInput> areas() {
		List<AreaInput> areas = new ArrayList<>();
		for (int a = 0; a < CODES.length; a++) {
			areas.add(new AreaInput(CODES[a], "Area " + CODES[a],
					Map.of("population", Map.of(YEAR, BigDecimal.valueOf(POPULATION[a])), "recorded_crime",
							Map.of(YEAR, BigDecimal.valueOf(CRIME[a])), "crime_harm",
							Map.of(YEAR, BigDecimal.valueOf(HARM[a]))),
					null));
		}
		return areas;
	}

	/** Shares worked out here, in doubles, from the raw values. */
	private static double[] shares(double[] values) {
		double total = 0;
		for (double value : values) {
			total += value;
		}
		double[] shares = new double[values.length];
		for (int a = 0; a < values.length; a++) {
			shares[a] = values[a] / total;
		}
		return shares;
	}

	private static double[] perThousand(double[] values) {
		double[] rates = new double[values.length];
		for (int a = 0; a < values.length; a++) {
			rates[a] = 1000 * values[a] / POPULATION[a];
		}
		return rates;
	}

	@Test
	void aTableMadeByThirtyFiftyTwentyIsRecoveredAndReproducedToThePenny() {
		double[] population = shares(POPULATION);
		double[] crimeRate = shares(perThousand(CRIME));
		double[] harmRate = shares(perThousand(HARM));
		long total = 9_790_500;
		Map<String, Long> published = new LinkedHashMap<>();
		for (int a = 0; a < CODES.length; a++) {
			published.put(CODES[a], Math.round(total * (0.3 * population[a] + 0.5 * crimeRate[a] + 0.2 * harmRate[a])));
		}
		SplitCheck.Result result = new SplitCheck(new FormulaCalculator()).check(new SplitCheck.Input(areas(),
				published, List.of("population", "crime_per_1000", "crime_harm_per_1000"), List.of(YEAR)));
		assertThat(result.weights().get(0).fittedPercent()).isCloseTo(30, within(0.01));
		assertThat(result.weights().get(1).fittedPercent()).isCloseTo(50, within(0.01));
		assertThat(result.weights().get(2).fittedPercent()).isCloseTo(20, within(0.01));
		assertThat(result.weights()).extracting(SplitCheck.Weight::shownPercent)
			.containsExactly(new BigDecimal("30.00"), new BigDecimal("50.00"), new BigDecimal("20.00"));
		assertThat(result.fit().largestPence()).isLessThanOrEqualTo(1);
		assertThat(result.fit().workedOutTotal().pence())
			.isEqualTo(published.values().stream().mapToLong(Long::longValue).sum());
		assertThat(result.pairs()).isEmpty();
		assertThat(result.shares().get("A").get("population").doubleValue()).isCloseTo(population[0], within(1e-12));
	}

	@Test
	void aPartnershipPublishedAboveOneThatIsHigherOnEveryIndicatorIsAPairNoWeightingCanGive() {
		Map<String, Long> published = new LinkedHashMap<>(
				Map.of("A", 4_000_000L, "B", 1_000_000L, "C", 1_500_000L, "D", 900_000L, "E", 1_200_000L));
		SplitCheck.Result result = new SplitCheck(new FormulaCalculator())
			.check(new SplitCheck.Input(areas(), published, List.of("population", "crime_per_1000"), List.of(YEAR)));
		// Crime per 1,000: A 108.7, B 47.4, C 68.0, D 103.4, E 48.8; populations fall
		// from A to E. Published order A, C, E, B, D. Every pair published in order is
		// higher on population or on crime per 1,000 (so some weighting can order it),
		// except E above D: E is lower on both.
		assertThat(result.pairs()).extracting((pair) -> pair.aboveCode() + ">" + pair.belowCode())
			.containsExactly("E>D");
	}

	@Test
	void aSavedFormulaIsComparedOverTheSamePartnerships() {
		Map<String, Long> published = new LinkedHashMap<>(
				Map.of("A", 400L, "B", 300L, "C", 100L, "D", 100L, "E", 100L));
		Comparison comparison = new SplitCheck(new FormulaCalculator()).compare(
				new SplitCheck.Input(areas(), published, List.of("population"), List.of(YEAR)),
				FormulaSpec.of(Map.of("population", new BigDecimal("100"))));
		// population shares of £10.00: 368/760 = 4.8421 -> 484p, 190/760 -> 250p,
		// 103/760 -> 135.5p, 58/760 -> 76.3p, 41/760 -> 53.9p; largest remainders.
		assertThat(comparison.rows()).extracting(Comparison.Row::workedOutPence)
			.containsExactly(484L, 250L, 136L, 76L, 54L);
		assertThat(comparison.largestPence()).isEqualTo(84);
		assertThat(comparison.largestName()).isEqualTo("Area A");
		// |84| + |-50| + |36| + |-24| + |-46| = 240, / 5 = 48p
		assertThat(comparison.meanAbsolute().pence()).isEqualTo(48);
	}

	@Test
	void missingDataIsRefusedWithTheFormulasMessage() {
		Map<String, Long> published = new LinkedHashMap<>(
				Map.of("A", 400L, "B", 300L, "C", 100L, "D", 100L, "E", 100L));
		assertThatThrownBy(() -> new SplitCheck(new FormulaCalculator()).check(new SplitCheck.Input(areas(), published,
				List.of("population"), List.of(FinancialYear.parse("2022-23")))))
			.isInstanceOf(FormulaException.class)
			.hasMessageContaining("has no Population for 2022-23");
	}

	@Test
	void shownWeightsAddUpToExactlyAHundred() {
		List<SplitCheck.Weight> weights = SplitCheck.shownWeights(List.of("a", "b", "c"),
				new double[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 });
		assertThat(weights).extracting(SplitCheck.Weight::shownPercent)
			.containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
	}

}
