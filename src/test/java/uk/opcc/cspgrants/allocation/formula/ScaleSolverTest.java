package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact solve of the common scale, on its own: cases the formula rarely produces, and
 * breakpoints too close together for {@code double} arithmetic to tell apart.
 */
class ScaleSolverTest {

	private static final long NONE = Damping.NO_UPPER;

	private static final MathContext PRECISE = new MathContext(150, RoundingMode.HALF_EVEN);

	private static final MathContext SEARCH = new MathContext(60, RoundingMode.HALF_EVEN);

	@Test
	void holdsEveryoneAtABoundWhenTheBoundsAddUpToThePot() {
		// Raw 60,000p and 40,000p; both must get exactly 50,000p.
		ScaleSolver.Adjusted adjusted = ScaleSolver.solve(pence("60000", "40000"),
				bounds(new long[] { 50_000, 50_000 }, new long[] { 50_000, 50_000 }), 100_000);

		assertThat(adjusted.amountsPence()).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("50000"), new BigDecimal("50000"));
		assertThat(adjusted.limits()).doesNotContain(Limit.NONE, Limit.SCALED);
	}

	@Test
	void liftsAPartnershipTheFormulaGivesNothingToItsFloor() {
		// Raw 100,000p and 0p, floor 10,000p: the first pays.
		ScaleSolver.Adjusted adjusted = ScaleSolver.solve(pence("100000", "0"),
				new Bounds(new long[] { 10_000, 10_000 }, new long[] { NONE, NONE }, new boolean[] { true, true }),
				100_000);

		assertThat(adjusted.amountsPence()).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("90000"), new BigDecimal("10000"));
		assertThat(adjusted.limits()).containsExactly(Limit.SCALED, Limit.FLOOR);
		assertThat(adjusted.scale()).isEqualByComparingTo("0.9");
	}

	@Test
	void leavesEveryoneAloneWhenOverAndUnderExactlyCancelOut() {
		// Raw 45,000p (floor 50,000p: +5,000p) and 55,000p (cap 50,000p: −5,000p):
		// the scale is exactly 1.
		ScaleSolver.Adjusted adjusted = ScaleSolver.solve(pence("45000", "55000", "0"),
				bounds(new long[] { 50_000, 0, 0 }, new long[] { NONE, 50_000, NONE }), 100_000);

		assertThat(adjusted.scale()).isEqualByComparingTo("1");
		assertThat(adjusted.limits()).containsExactly(Limit.MAX_DECREASE, Limit.MAX_INCREASE, Limit.NONE);
	}

	@Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
	void sortsBreakpointsTooCloseForDoublesExactly(@ForAll("nearTies") Case problem) {
		Sweep sweep = new Sweep(problem.raw(), approximations(problem.raw()), problem.bounds(), problem.pot());

		int[] order = EventOrder.sort(sweep);

		Comparator<Integer> exactly = Comparator.comparing(
				(Integer event) -> BigDecimal.valueOf(sweep.eventBound(event)).divide(sweep.eventRaw(event), PRECISE))
			.thenComparing((event) -> !sweep.isEntering(event))
			.thenComparing(sweep::eventArea);
		Integer[] expected = IntStream.range(0, sweep.eventCount()).boxed().sorted(exactly).toArray(Integer[]::new);
		assertThat(Arrays.stream(order).boxed().toList()).containsExactly(expected);
	}

	@Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
	void solvesNearTiesAsABisectionSearchDoes(@ForAll("nearTies") Case problem) {
		ScaleSolver.Adjusted adjusted = ScaleSolver.solve(problem.raw(), problem.bounds(), problem.pot());

		BigDecimal low = BigDecimal.ZERO;
		BigDecimal high = BigDecimal.TEN;
		for (int step = 0; step < 160; step++) {
			BigDecimal middle = low.add(high).divide(BigDecimal.valueOf(2), SEARCH);
			if (clampedSum(problem, middle).compareTo(BigDecimal.valueOf(problem.pot())) < 0) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		for (int i = 0; i < problem.raw().length; i++) {
			assertThat(adjusted.amountsPence()[i].subtract(clamped(problem, i, high)).abs())
				.isLessThan(new BigDecimal("1e-20"));
		}
		assertThat(Arrays.stream(adjusted.amountsPence())
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.subtract(BigDecimal.valueOf(problem.pot()))
			.abs()).isLessThan(new BigDecimal("1e-20"));
	}

	/**
	 * Partnerships with raw amounts equal to 28 significant digits (adding up to the pot,
	 * as formula amounts do), and a floor and a cap near them for some, within what the
	 * pot allows.
	 */
	@Provide
	Arbitrary<Case> nearTies() {
		Arbitrary<Long> bases = Arbitraries.longs().between(1_000, 1_000_000_000);
		Arbitrary<List<Integer>> offsets = Arbitraries.integers().between(-3, 3).list().ofMinSize(2).ofMaxSize(40);
		Arbitrary<Integer> floorPercents = Arbitraries.integers().between(80, 110);
		Arbitrary<Integer> capPercents = Arbitraries.integers().between(90, 120);
		Arbitrary<Long> seeds = Arbitraries.longs();
		return Combinators.combine(bases, offsets, floorPercents, capPercents, seeds)
			.as((base, shifts, floorPercent, capPercent, seed) -> {
				java.util.Random random = new java.util.Random(seed);
				int count = shifts.size();
				BigDecimal[] weights = new BigDecimal[count];
				BigDecimal weightTotal = BigDecimal.ZERO;
				for (int i = 0; i < count; i++) {
					weights[i] = new BigDecimal(base)
						.multiply(BigDecimal.ONE.add(new BigDecimal(shifts.get(i)).movePointLeft(28)));
					weightTotal = weightTotal.add(weights[i]);
				}
				long pot = weightTotal.setScale(0, RoundingMode.FLOOR).longValueExact();
				BigDecimal[] raw = new BigDecimal[count];
				long[] lower = new long[count];
				long[] upper = new long[count];
				for (int i = 0; i < count; i++) {
					raw[i] = BigDecimal.valueOf(pot).multiply(weights[i]).divide(weightTotal, FormulaMath.CONTEXT);
					lower[i] = random.nextBoolean() ? base * floorPercent / 100 : 0;
					upper[i] = random.nextBoolean() ? Math.max(lower[i], base * capPercent / 100) : NONE;
				}
				if (Arrays.stream(lower).sum() > pot) {
					Arrays.fill(lower, 0);
				}
				if (Arrays.stream(upper).allMatch((cap) -> cap != NONE) && Arrays.stream(upper).sum() < pot) {
					upper[0] = NONE;
				}
				return new Case(raw, new Bounds(lower, upper, new boolean[count]), pot);
			});
	}

	private static BigDecimal clampedSum(Case problem, BigDecimal scale) {
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < problem.raw().length; i++) {
			sum = sum.add(clamped(problem, i, scale));
		}
		return sum;
	}

	private static BigDecimal clamped(Case problem, int i, BigDecimal scale) {
		BigDecimal amount = problem.raw()[i].multiply(scale, SEARCH)
			.max(BigDecimal.valueOf(problem.bounds().lower()[i]));
		long upper = problem.bounds().upper()[i];
		return (upper == NONE) ? amount : amount.min(BigDecimal.valueOf(upper));
	}

	private static double[] approximations(BigDecimal[] raw) {
		return Arrays.stream(raw).mapToDouble(Approx::of).toArray();
	}

	private static BigDecimal[] pence(String... amounts) {
		return Arrays.stream(amounts).map(BigDecimal::new).toArray(BigDecimal[]::new);
	}

	private static Bounds bounds(long[] lower, long[] upper) {
		return new Bounds(lower, upper, new boolean[lower.length]);
	}

	/** A solve: raw amounts, bounds and pot. */
	record Case(BigDecimal[] raw, Bounds bounds, long pot) {

		@Override
		public String toString() {
			return "raw " + Arrays.toString(this.raw) + ", lower " + Arrays.toString(this.bounds.lower()) + ", upper "
					+ Arrays.toString(this.bounds.upper()) + ", pot " + this.pot;
		}

	}

}
