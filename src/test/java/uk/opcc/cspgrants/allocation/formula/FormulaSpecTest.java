package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_HARM;
import static uk.opcc.cspgrants.allocation.formula.Indicators.POPULATION;
import static uk.opcc.cspgrants.allocation.formula.Indicators.RECORDED_CRIME;

class FormulaSpecTest {

	@Test
	void refusesWeightsThatDoNotAddUpToExactlyOneHundred() {
		assertThatThrownBy(
				() -> FormulaSpec.of(Map.of(POPULATION, new BigDecimal("50"), RECORDED_CRIME, new BigDecimal("40"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("The weights add up to 90%; they must add up to exactly 100%");
		assertThatThrownBy(() -> FormulaSpec
			.of(Map.of(POPULATION, new BigDecimal("33.33"), RECORDED_CRIME, new BigDecimal("66.66"))))
			.hasMessage("The weights add up to 99.99%; they must add up to exactly 100%");
		assertThatThrownBy(() -> FormulaSpec.of(Map.of()))
			.hasMessage("The weights add up to 0%; they must add up to exactly 100%");
	}

	@Test
	void acceptsWeightsAddingUpToOneHundredWhateverTheirScale() {
		FormulaSpec spec = FormulaSpec
			.of(Map.of(POPULATION, new BigDecimal("33.34"), RECORDED_CRIME, new BigDecimal("66.660")));
		assertThat(spec.floor()).isEqualTo(Floor.NONE);
		assertThat(spec.damping()).isEqualTo(Damping.NONE);
	}

	@Test
	void refusesNegativeWeights() {
		assertThatThrownBy(
				() -> FormulaSpec.of(Map.of(POPULATION, new BigDecimal("110"), CRIME_HARM, new BigDecimal("-10"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("The weight for Crime harm cannot be negative");
	}

	@Test
	void keepsTheWeightsInTheOrderGivenAndListsOnlyThoseThatCount() {
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		weights.put(RECORDED_CRIME, new BigDecimal("70"));
		weights.put(CRIME_HARM, BigDecimal.ZERO);
		weights.put(POPULATION, new BigDecimal("30"));
		FormulaSpec spec = FormulaSpec.of(weights);
		assertThat(spec.weightsPercent().keySet()).containsExactly(RECORDED_CRIME, CRIME_HARM, POPULATION);
		assertThat(spec.weightedIndicators()).containsExactly(RECORDED_CRIME, POPULATION);
	}

	@Test
	void refusesFloorsAndDampingThatCannotMeanAnything() {
		assertThatThrownBy(() -> new Floor(BigDecimal.TEN, BigDecimal.ONE))
			.hasMessage("Give the floor either as an amount or as a percentage of the pot, not both");
		assertThatThrownBy(() -> Floor.ofAmount(new BigDecimal("-1"))).hasMessage("A floor cannot be negative");
		assertThatThrownBy(() -> Floor.ofPercentOfPot(new BigDecimal("-1"))).hasMessage("A floor cannot be negative");
		assertThatThrownBy(() -> Floor.ofPercentOfPot(new BigDecimal("101")))
			.hasMessage("A floor cannot be more than 100% of the pot");
		assertThatThrownBy(() -> new Damping(new BigDecimal("-5"), null))
			.hasMessage("A maximum decrease cannot be negative");
		assertThatThrownBy(() -> new Damping(null, new BigDecimal("-5")))
			.hasMessage("A maximum increase cannot be negative");
	}

	@Test
	void knowsTheIndicatorsByName() {
		assertThat(Indicators.wellKnown()).extracting(Indicators::label)
			.containsExactly("Population", "Recorded crime", "Crime per 1,000 population", "Crime harm",
					"Crime harm per 1,000 population");
		assertThat(Indicators.label("households")).isEqualTo("households");
		assertThat(Indicators.isDerived(Indicators.CRIME_PER_1000)).isTrue();
		assertThat(Indicators.isDerived(POPULATION)).isFalse();
		assertThat(Indicators.inputsOf(Indicators.CRIME_HARM_PER_1000)).containsExactly(CRIME_HARM, POPULATION);
		assertThat(Indicators.inputsOf("households")).containsExactly("households");
	}

}
