package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.opcc.cspgrants.allocation.formula.Areas.Y2024;
import static uk.opcc.cspgrants.allocation.formula.Areas.area;
import static uk.opcc.cspgrants.allocation.formula.Areas.weights;
import static uk.opcc.cspgrants.allocation.formula.Indicators.POPULATION;

/**
 * The floor and damping, on a pot of £1,000.00 (100,000p) shared by population alone, so
 * that each raw amount is the population's share of the pot.
 */
class FloorAndDampingTest {

	private static final long POT = 100_000;

	private final FormulaCalculator calculator = new FormulaCalculator();

	@Test
	void aFloorLiftsASmallPartnershipAndTheOthersPayInProportion() {
		// Raw: 70,000p, 25,000p, 5,000p. Melton is lifted to the £100.00 floor; the other
		// two share the remaining 90,000p as 70 : 25, i.e. 90,000 × 70 ÷ 95 =
		// 66,315.789...p
		// and 90,000 × 25 ÷ 95 = 23,684.210...p. Rounded down that is 99,999p; the penny
		// left goes to the larger remainder, Charnwood's.
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofAmount(new BigDecimal("100")), Damping.NONE),
				area("A", "Charnwood").with(POPULATION, 70), area("B", "Blaby").with(POPULATION, 25),
				area("C", "Melton").with(POPULATION, 5));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(66_316L, 23_684L, 10_000L);
		assertThat(result.areas()).extracting(AreaResult::limit)
			.containsExactly(Limit.SCALED, Limit.SCALED, Limit.FLOOR);
		assertThat(result.areas()).extracting(AreaResult::receivedRoundingPenny).containsExactly(true, false, false);
		AreaResult charnwood = result.areas().get(0);
		AreaResult blaby = result.areas().get(1);
		assertThat(charnwood.rawAmount()).isEqualByComparingTo("700");
		assertThat(charnwood.adjustedAmount().subtract(new BigDecimal("663.1578947368421052631578947368")).abs())
			.isLessThan(new BigDecimal("1e-25"));
		assertThat(charnwood.adjustedAmount().divide(blaby.adjustedAmount(), MathContext.DECIMAL64))
			.isEqualByComparingTo("2.8");
		assertThat(result.areas().get(2).adjustedAmount()).isEqualByComparingTo("100");
	}

	@Test
	void aFloorAsAPercentageOfThePotWorksTheSame() {
		// 10% of £1,000.00 is the same £100.00 floor as above.
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofPercentOfPot(BigDecimal.TEN), Damping.NONE),
				area("A", "Charnwood").with(POPULATION, 70), area("B", "Blaby").with(POPULATION, 25),
				area("C", "Melton").with(POPULATION, 5));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(66_316L, 23_684L, 10_000L);
	}

	@Test
	void payingForAFloorCanPullAnotherPartnershipDownToIt() {
		// Raw: 80,000p, 15,000p, 5,000p; floor £200.00. Lifting only Melton would leave
		// Blaby 80,000 × 15 ÷ 95 = 12,631.58p, below the floor: so both sit on it and
		// Leicester gets the rest, 100,000 − 2 × 20,000 = 60,000p.
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofAmount(new BigDecimal("200")), Damping.NONE),
				area("A", "Leicester").with(POPULATION, 80), area("B", "Blaby").with(POPULATION, 15),
				area("C", "Melton").with(POPULATION, 5));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(60_000L, 20_000L, 20_000L);
		assertThat(result.areas()).extracting(AreaResult::limit)
			.containsExactly(Limit.SCALED, Limit.FLOOR, Limit.FLOOR);
	}

	@Test
	void aFloorNobodyFallsBelowChangesNothing() {
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofAmount(new BigDecimal("10")), Damping.NONE),
				area("A", "Leicester").with(POPULATION, 80), area("B", "Blaby").with(POPULATION, 15),
				area("C", "Melton").with(POPULATION, 5));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(80_000L, 15_000L, 5_000L);
		assertThat(result.areas()).extracting(AreaResult::limit).containsOnly(Limit.NONE);
	}

	@Test
	void aMaximumIncreaseCapsAPartnershipAndTheOthersShareTheExcessInProportion() {
		// Raw: 60,000p, 25,000p, 15,000p; baselines 50,000p, 30,000p, 20,000p; at most
		// 10%
		// more. Charnwood is capped at 55,000p; the other two share 45,000p as 25 : 15,
		// i.e. 28,125p and 16,875p (scaled by 1.125, still within their caps of 33,000p
		// and 22,000p).
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.NONE, new Damping(null, BigDecimal.TEN)),
				area("A", "Charnwood").with(POPULATION, 60).baseline(50_000),
				area("B", "Blaby").with(POPULATION, 25).baseline(30_000),
				area("C", "Melton").with(POPULATION, 15).baseline(20_000));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(55_000L, 28_125L, 16_875L);
		assertThat(result.areas()).extracting(AreaResult::limit)
			.containsExactly(Limit.MAX_INCREASE, Limit.SCALED, Limit.SCALED);
		assertThat(result.areas()).extracting(AreaResult::changePence).containsExactly(5_000L, -1_875L, -3_125L);
		// -3,125 ÷ 20,000 = -15.625%, half up to -15.63%
		assertThat(result.areas()).extracting(AreaResult::changePercent)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("10.00"), new BigDecimal("-6.25"), new BigDecimal("-15.63"));
	}

	@Test
	void aMaximumDecreaseHoldsPartnershipsUpAndTheRestPays() {
		// Raw: 60,000p, 25,000p, 15,000p; baselines 40,000p, 40,000p, 20,000p; at most
		// 10%
		// less: Blaby is held at 36,000p and Melton at 18,000p; Charnwood gets the rest,
		// 46,000p (above its own lower bound of 36,000p).
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.NONE, new Damping(BigDecimal.TEN, null)),
				area("A", "Charnwood").with(POPULATION, 60).baseline(40_000),
				area("B", "Blaby").with(POPULATION, 25).baseline(40_000),
				area("C", "Melton").with(POPULATION, 15).baseline(20_000));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(46_000L, 36_000L, 18_000L);
		assertThat(result.areas()).extracting(AreaResult::limit)
			.containsExactly(Limit.SCALED, Limit.MAX_DECREASE, Limit.MAX_DECREASE);
	}

	@Test
	void aPartnershipOverItsCapCanEndUpBelowItWhenItPaysForOthers() {
		// Raw: 50,000p, 30,000p, 20,000p; baselines 40,000p, 35,000p, 25,000p; at most 5%
		// less and 10% more. Bounds: Charnwood 38,000-44,000p, Blaby 33,250-38,500p,
		// Melton 23,750-27,500p. Blaby and Melton are held at their lower bounds; that
		// leaves 100,000 − 33,250 − 23,750 = 43,000p for Charnwood, under its cap.
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.NONE,
						new Damping(new BigDecimal("5"), BigDecimal.TEN)),
				area("A", "Charnwood").with(POPULATION, 50).baseline(40_000),
				area("B", "Blaby").with(POPULATION, 30).baseline(35_000),
				area("C", "Melton").with(POPULATION, 20).baseline(25_000));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(43_000L, 33_250L, 23_750L);
		assertThat(result.areas()).extracting(AreaResult::limit)
			.containsExactly(Limit.SCALED, Limit.MAX_DECREASE, Limit.MAX_DECREASE);
	}

	@Test
	void theFloorIsNamedWhenItIsTheHigherLowerBound() {
		// Floor £95.00; at most 10% less than baselines of 80,000p, 10,000p and 10,000p:
		// lower bounds 72,000p, 9,500p (floor above 9,000p) and 9,500p. Raw: 90,000p,
		// 5,000p, 5,000p: the two small ones sit on the floor, Charnwood gets 81,000p.
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofAmount(new BigDecimal("95")),
						new Damping(BigDecimal.TEN, null)),
				area("A", "Charnwood").with(POPULATION, 90).baseline(80_000),
				area("B", "Blaby").with(POPULATION, 5).baseline(10_000),
				area("C", "Melton").with(POPULATION, 5).baseline(10_000));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(81_000L, 9_500L, 9_500L);
		assertThat(result.areas()).extracting(AreaResult::limit)
			.containsExactly(Limit.SCALED, Limit.FLOOR, Limit.FLOOR);
	}

	@Test
	void partnershipsWithoutABaselineAreNotDamped() {
		// Only Blaby has a baseline (20,000p, at most 0% more): capped at 20,000p.
		// Charnwood gets the rest.
		FormulaResult result = run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.NONE, new Damping(BigDecimal.ZERO, BigDecimal.ZERO)),
				area("A", "Charnwood").with(POPULATION, 50), area("B", "Blaby").with(POPULATION, 50).baseline(20_000));

		assertThat(result.areas()).extracting(AreaResult::finalPence).containsExactly(80_000L, 20_000L);
		assertThat(result.areas()).extracting(AreaResult::limit).containsExactly(Limit.SCALED, Limit.MAX_INCREASE);
	}

	@Test
	void roundsLimitsSoThatRoundingCanNeverBreakThem() {
		// Baseline 33,333p, at most 1.5% less: 32,833.005p, so at least 32,834p;
		// at most 1.5% more: 33,832.995p, so at most 33,832p.
		Damping damping = new Damping(new BigDecimal("1.5"), new BigDecimal("1.5"));
		assertThat(damping.lowerPence(33_333L)).isEqualTo(32_834L);
		assertThat(damping.upperPence(33_333L)).isEqualTo(33_832L);
		assertThat(Floor.ofPercentOfPot(new BigDecimal("33.333")).inPence(100_001)).isEqualTo(33_334L);
	}

	@Test
	void refusesAFloorThePotCannotPayForEveryone() {
		FormulaRequest request = LeicestershireSplitTest.request(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofAmount(new BigDecimal("20000")), Damping.NONE));

		assertThatThrownBy(() -> this.calculator.calculate(request)).isInstanceOf(FormulaException.class)
			.hasMessage("A floor of £20,000.00 for 9 partnerships needs £180,000.00, more than the pot of £97,905.00")
			.extracting("input")
			.isEqualTo(FormulaException.Input.FLOOR);
	}

	@Test
	void refusesAPercentageFloorThePotCannotPayForEveryone() {
		assertThatThrownBy(
				() -> run(
						new FormulaSpec(weights(POPULATION, "100"), Floor.ofPercentOfPot(new BigDecimal("40")),
								Damping.NONE),
						area("A", "Charnwood").with(POPULATION, 1), area("B", "Blaby").with(POPULATION, 1),
						area("C", "Melton").with(POPULATION, 1)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("A floor of 40% of the pot (£400.00) for 3 partnerships needs £1,200.00, "
					+ "more than the pot of £1,000.00")
			.extracting("input")
			.isEqualTo(FormulaException.Input.FLOOR);
	}

	@Test
	void refusesAMaximumDecreaseThePotCannotPayFor() {
		// 90% of 50,000p + 40,000p + 30,000p = 108,000p.
		assertThatThrownBy(
				() -> run(new FormulaSpec(weights(POPULATION, "100"), Floor.NONE, new Damping(BigDecimal.TEN, null)),
						area("A", "Charnwood").with(POPULATION, 1).baseline(50_000),
						area("B", "Blaby").with(POPULATION, 1).baseline(40_000),
						area("C", "Melton").with(POPULATION, 1).baseline(30_000)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("A maximum decrease of 10% needs £1,080.00 for the 3 partnerships with a baseline, "
					+ "more than the pot of £1,000.00")
			.extracting("input")
			.isEqualTo(FormulaException.Input.MAX_DECREASE);
	}

	@Test
	void refusesAFloorAndAMaximumDecreaseThatTogetherNeedMoreThanThePot() {
		// Lower bounds 54,000p (90% of 60,000p), 30,000p and 30,000p (the floor).
		assertThatThrownBy(() -> run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofAmount(new BigDecimal("300")),
						new Damping(BigDecimal.TEN, null)),
				area("A", "Charnwood").with(POPULATION, 1).baseline(60_000),
				area("B", "Blaby").with(POPULATION, 1).baseline(10_000),
				area("C", "Melton").with(POPULATION, 1).baseline(10_000)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("A floor of £300.00 and a maximum decrease of 10% together need £1,140.00, "
					+ "more than the pot of £1,000.00");
	}

	@Test
	void refusesAMaximumIncreaseThatLeavesPartOfThePotUnpaid() {
		// 3 × 105% of 30,000p = 94,500p.
		assertThatThrownBy(() -> run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.NONE, new Damping(null, new BigDecimal("5"))),
				area("A", "Charnwood").with(POPULATION, 1).baseline(30_000),
				area("B", "Blaby").with(POPULATION, 1).baseline(30_000),
				area("C", "Melton").with(POPULATION, 1).baseline(30_000)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("A maximum increase of 5% lets the partnerships receive at most £945.00, "
					+ "less than the pot of £1,000.00")
			.extracting("input")
			.isEqualTo(FormulaException.Input.MAX_INCREASE);
	}

	@Test
	void refusesAFloorAboveWhatAPartnershipMayReceive() {
		assertThatThrownBy(() -> run(
				new FormulaSpec(weights(POPULATION, "100"), Floor.ofAmount(new BigDecimal("200")),
						new Damping(null, new BigDecimal("5"))),
				area("A", "Charnwood").with(POPULATION, 1),
				area("C", "Harborough").with(POPULATION, 1).baseline(10_000)))
			.isInstanceOf(FormulaException.class)
			.hasMessage("Harborough can receive at most £105.00 with a maximum increase of 5%, "
					+ "less than a floor of £200.00");
	}

	private FormulaResult run(FormulaSpec spec, Areas... areas) {
		return this.calculator
			.calculate(new FormulaRequest(POT, List.of(Y2024), spec, Arrays.stream(areas).map(Areas::build).toList()));
	}

}
