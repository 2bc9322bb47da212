package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import uk.opcc.cspgrants.shared.FinancialYear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_HARM;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_HARM_PER_1000;
import static uk.opcc.cspgrants.allocation.formula.Indicators.CRIME_PER_1000;
import static uk.opcc.cspgrants.allocation.formula.Indicators.POPULATION;
import static uk.opcc.cspgrants.allocation.formula.Indicators.RECORDED_CRIME;

/**
 * What must hold for every formula run, checked on thousands of generated runs: up to 12
 * partnerships, 1 to 3 years, pots from a penny to £1 billion (often fewer pennies than
 * partnerships), indicator values often tiny or equal (ties), random weights (to the
 * hundredth of a percent) and, for the limited runs, random floors, damping and
 * baselines, some of which cannot all hold. The limits are worked out again here,
 * independently, from their definition. Edge cases are built into the generators rather
 * than left to jqwik, whose combinations of edge cases would fill every try.
 */
@StatisticsReport(onFailureOnly = true)
class FormulaPropertiesTest {

	private static final String HOUSEHOLDS = "households";

	private static final List<String> BASE_INDICATORS = List.of(POPULATION, RECORDED_CRIME, CRIME_HARM, HOUSEHOLDS);

	private static final List<String> ALL_INDICATORS = List.of(POPULATION, RECORDED_CRIME, CRIME_PER_1000, CRIME_HARM,
			CRIME_HARM_PER_1000, HOUSEHOLDS);

	private static final MathContext PRECISE = new MathContext(60, RoundingMode.HALF_EVEN);

	private final FormulaCalculator calculator = new FormulaCalculator();

	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void amountsAddUpToThePotExactly(@ForAll("unlimitedRuns") FormulaRequest request) {
		FormulaResult result = calculateOrSkip(request);

		assertThat(result.areas().stream().mapToLong(AreaResult::finalPence).sum()).isEqualTo(request.potPence());
	}

	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void noAmountIsNegative(@ForAll("unlimitedRuns") FormulaRequest request) {
		FormulaResult result = calculateOrSkip(request);

		assertThat(result.areas()).allSatisfy((area) -> assertThat(area.finalPence()).isNotNegative());
	}

	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void limitsHoldWheneverTheRunSucceedsAndItFailsOnlyWhenTheyCannot(@ForAll("limitedRuns") FormulaRequest request) {
		ExpectedLimits limits = ExpectedLimits.of(request);
		if (!limits.canHold()) {
			Statistics.collect("refused");
			assertThatThrownBy(() -> this.calculator.calculate(request)).isInstanceOf(FormulaException.class);
			return;
		}
		FormulaResult result = this.calculator.calculate(request);
		Statistics.collect(result.areas().stream().anyMatch((area) -> area.limit() != Limit.NONE)
				? "limits moved amounts" : "nobody moved");
		assertThat(result.totalPence()).isEqualTo(request.potPence());
		List<AreaResult> areas = result.areas();
		for (int i = 0; i < areas.size(); i++) {
			AreaResult area = areas.get(i);
			assertThat(area.finalPence()).as(area.name()).isBetween(limits.lower(i), limits.upper(i));
			BigDecimal adjustedPence = area.adjustedAmount().movePointRight(2);
			switch (area.limit()) {
				case FLOOR, MAX_DECREASE -> assertThat(adjustedPence).isEqualByComparingTo(valueOf(limits.lower(i)));
				case MAX_INCREASE -> assertThat(adjustedPence).isEqualByComparingTo(valueOf(limits.upper(i)));
				default -> assertThat(adjustedPence).isBetween(valueOf(limits.lower(i)), valueOf(limits.upper(i)));
			}
		}
	}

	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void theLimitedAmountsAreThoseOfOneCommonScaleFoundBySearch(@ForAll("limitedRuns") FormulaRequest request) {
		ExpectedLimits limits = ExpectedLimits.of(request);
		Assume.that(limits.canHold());
		List<AreaResult> areas = this.calculator.calculate(request).areas();
		BigDecimal[] raw = areas.stream().map((area) -> area.rawAmount().movePointRight(2)).toArray(BigDecimal[]::new);

		BigDecimal scale = limits.scaleBySearch(raw);

		for (int i = 0; i < areas.size(); i++) {
			BigDecimal expected = limits.clamp(i, raw[i].multiply(scale, PRECISE));
			assertThat(areas.get(i).adjustedAmount().movePointRight(2).subtract(expected).abs()).as(areas.get(i).name())
				.isLessThan(new BigDecimal("1e-9"));
		}
	}

	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void equalInputsGetEqualAmountsToWithinAPenny(@ForAll("limitedRuns") FormulaRequest request) {
		AreaInput first = request.areas().get(0);
		List<AreaInput> areas = new ArrayList<>(request.areas());
		areas.add(new AreaInput("ZZ-twin", "Twin", first.values(), first.baselinePence()));
		FormulaRequest withTwin = new FormulaRequest(request.potPence(), request.window(), request.spec(), areas);
		Assume.that(ExpectedLimits.of(withTwin).canHold());

		FormulaResult result = this.calculator.calculate(withTwin);

		long original = finalPence(result, first.code());
		long twin = finalPence(result, "ZZ-twin");
		assertThat(Math.abs(original - twin)).isLessThanOrEqualTo(1);
	}

	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void reorderingThePartnershipsChangesNothing(@ForAll("limitedRuns") FormulaRequest request, @ForAll long seed) {
		List<AreaInput> shuffled = new ArrayList<>(request.areas());
		Collections.shuffle(shuffled, new Random(seed));
		FormulaRequest reordered = new FormulaRequest(request.potPence(), request.window(), request.spec(), shuffled);
		Assume.that(ExpectedLimits.of(request).canHold());

		assertThat(this.calculator.calculate(reordered)).isEqualTo(this.calculator.calculate(request));
	}

	@Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void raisingOnePartnershipsIndicatorNeverLowersItsAmountWithoutLimits(
			@ForAll("unlimitedBaseRuns") FormulaRequest request, @ForAll @IntRange(min = 0, max = 100) int which,
			@ForAll @LongRange(min = 1, max = 1_000_000) long raise) {
		FormulaResult before = calculateOrSkip(request);
		AreaInput area = request.areas().get(which % request.areas().size());
		List<String> weighted = request.spec().weightedIndicators();
		String indicator = weighted.get(which % weighted.size());
		Map<String, Map<FinancialYear, BigDecimal>> values = new LinkedHashMap<>(area.values());
		Map<FinancialYear, BigDecimal> raised = new LinkedHashMap<>(values.get(indicator));
		raised.replaceAll((year, value) -> value.add(BigDecimal.valueOf(raise)));
		values.put(indicator, raised);
		List<AreaInput> areas = new ArrayList<>(request.areas());
		areas.set(areas.indexOf(area), new AreaInput(area.code(), area.name(), values, area.baselinePence()));

		FormulaResult after = this.calculator
			.calculate(new FormulaRequest(request.potPence(), request.window(), request.spec(), areas));

		assertThat(finalPence(after, area.code())).isGreaterThanOrEqualTo(finalPence(before, area.code()));
	}

	private FormulaResult calculateOrSkip(FormulaRequest request) {
		try {
			return this.calculator.calculate(request);
		}
		catch (FormulaException ex) {
			// Only "every partnership has zero X" can refuse a run without limits.
			assertThat(ex).hasMessageStartingWith("Every partnership has zero ");
			Assume.that(false);
			throw ex;
		}
	}

	private static long finalPence(FormulaResult result, String code) {
		return result.areas()
			.stream()
			.filter((area) -> area.code().equals(code))
			.findFirst()
			.orElseThrow()
			.finalPence();
	}

	private static BigDecimal valueOf(long pence) {
		return BigDecimal.valueOf(pence);
	}

	@Provide
	Arbitrary<FormulaRequest> unlimitedRuns() {
		return runs(ALL_INDICATORS, false);
	}

	@Provide
	Arbitrary<FormulaRequest> unlimitedBaseRuns() {
		return runs(BASE_INDICATORS, false);
	}

	@Provide
	Arbitrary<FormulaRequest> limitedRuns() {
		return runs(ALL_INDICATORS, true);
	}

	private Arbitrary<FormulaRequest> runs(List<String> indicators, boolean limited) {
		Arbitrary<Long> pots = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.longs().between(1, 100_000_000_000L)),
				Tuple.of(1, Arbitraries.longs().between(1, 100)));
		Arbitrary<Integer> counts = Arbitraries.integers().between(1, 12);
		Arbitrary<Integer> windows = Arbitraries.integers().between(1, 3);
		return Combinators.combine(pots, counts, windows).flatAs((pot, count, years) -> {
			Arbitrary<List<AreaData>> areas = areaData(years).list().ofSize(count);
			Arbitrary<Floor> floors = limited ? floors(pot, count) : Arbitraries.just(Floor.NONE);
			Arbitrary<Damping> dampings = limited ? dampings() : Arbitraries.just(Damping.NONE);
			return Combinators.combine(areas, weights(indicators), floors, dampings)
				.as((data, weights, floor, damping) -> request(pot, years, data,
						new FormulaSpec(weights, floor, damping)));
		});
	}

	/** Weights to the hundredth of a percent: cut 100.00 at random points. */
	private static Arbitrary<Map<String, BigDecimal>> weights(List<String> indicators) {
		return Arbitraries.subsetOf(indicators).ofMinSize(1).flatMap((chosen) -> {
			List<String> keys = indicators.stream().filter(chosen::contains).toList();
			return Arbitraries.integers().between(0, 10_000).list().ofSize(keys.size() - 1).map((cuts) -> {
				List<Integer> points = new ArrayList<>(cuts);
				points.add(0);
				points.add(10_000);
				Collections.sort(points);
				Map<String, BigDecimal> weights = new LinkedHashMap<>();
				for (int i = 0; i < keys.size(); i++) {
					weights.put(keys.get(i), BigDecimal.valueOf(points.get(i + 1) - points.get(i), 2));
				}
				return weights;
			});
		});
	}

	/** None, or up to 120% of an equal share, as an amount or a percentage. */
	private static Arbitrary<Floor> floors(long pot, int count) {
		Arbitrary<BigDecimal> shareOfEqual = Arbitraries.integers().between(0, 120).map(BigDecimal::valueOf);
		Arbitrary<Floor> amounts = shareOfEqual.map((percent) -> Floor.ofAmount(BigDecimal.valueOf(pot)
			.multiply(percent)
			.divide(BigDecimal.valueOf(100L * count), 2, RoundingMode.HALF_UP)
			.movePointLeft(2)));
		Arbitrary<Floor> percents = shareOfEqual.map((percent) -> Floor.ofPercentOfPot(
				percent.divide(BigDecimal.valueOf(count), 3, RoundingMode.DOWN).min(BigDecimal.valueOf(100))));
		return Arbitraries.oneOf(Arbitraries.just(Floor.NONE), amounts, percents);
	}

	private static Arbitrary<Damping> dampings() {
		Arbitrary<BigDecimal> percents = Arbitraries.integers()
			.between(0, 600)
			.map((tenths) -> BigDecimal.valueOf(tenths, 1))
			.injectNull(0.3);
		return Combinators.combine(percents, percents).as(Damping::new);
	}

	/**
	 * Values for each base indicator and year (often tiny, sometimes zero; population
	 * always at least 1), and a baseline as a percentage of an equal share.
	 */
	private static Arbitrary<AreaData> areaData(int years) {
		Arbitrary<List<Long>> populations = Arbitraries.longs().between(1, 1_000_000).list().ofSize(years);
		Arbitrary<Long> count = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.longs().between(1, 1_000_000)),
				Tuple.of(1, Arbitraries.longs().between(0, 3)));
		Arbitrary<List<Long>> counts = count.list().ofSize(years);
		Arbitrary<Integer> baselines = Arbitraries.integers().between(50, 150).injectNull(0.2);
		return Combinators.combine(populations, counts, counts, counts, baselines).as(AreaData::new);
	}

	private static FormulaRequest request(long pot, int years, List<AreaData> data, FormulaSpec spec) {
		List<FinancialYear> window = new ArrayList<>();
		for (int y = 0; y < years; y++) {
			window.add(new FinancialYear(2022 + y));
		}
		List<AreaInput> areas = new ArrayList<>();
		for (int i = 0; i < data.size(); i++) {
			AreaData area = data.get(i);
			Map<String, Map<FinancialYear, BigDecimal>> values = new LinkedHashMap<>();
			values.put(POPULATION, byYear(window, area.population()));
			values.put(RECORDED_CRIME, byYear(window, area.crime()));
			values.put(CRIME_HARM, byYear(window, area.harm()));
			values.put(HOUSEHOLDS, byYear(window, area.households()));
			Long baseline = (area.baselinePercentOfEqualShare() != null)
					? pot * area.baselinePercentOfEqualShare() / 100 / data.size() : null;
			areas.add(new AreaInput("E%02d".formatted(i), "Partnership " + i, values, baseline));
		}
		Collections.reverse(areas);
		return new FormulaRequest(pot, window, spec, areas);
	}

	private static Map<FinancialYear, BigDecimal> byYear(List<FinancialYear> window, List<Long> values) {
		Map<FinancialYear, BigDecimal> byYear = new LinkedHashMap<>();
		for (int y = 0; y < window.size(); y++) {
			byYear.put(window.get(y), BigDecimal.valueOf(values.get(y)));
		}
		return byYear;
	}

	/** One generated partnership. */
	record AreaData(List<Long> population, List<Long> crime, List<Long> harm, List<Long> households,
			Integer baselinePercentOfEqualShare) {

	}

}
