package uk.opcc.cspgrants.allocation.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimplexLeastSquaresTest {

	/** Three indicators over nine areas, none a mix of the others. */
	private static final double[][] RAW = { { 368, 190, 103, 114, 105, 97, 58, 52, 41 }, { 40, 9, 7, 8, 9, 5, 6, 3, 2 },
			{ 9, 3, 2, 6, 1, 4, 2, 5, 1 } };

	private static double[][] shares() {
		double[][] shares = new double[RAW.length][];
		for (int i = 0; i < RAW.length; i++) {
			double total = 0;
			for (double value : RAW[i]) {
				total += value;
			}
			shares[i] = new double[RAW[i].length];
			for (int a = 0; a < RAW[i].length; a++) {
				shares[i][a] = RAW[i][a] / total;
			}
		}
		return shares;
	}

	private static double[] mix(double[][] shares, double... weights) {
		double[] target = new double[shares[0].length];
		for (int a = 0; a < target.length; a++) {
			for (int i = 0; i < weights.length; i++) {
				target[a] += weights[i] * shares[i][a];
			}
		}
		return target;
	}

	@Test
	void recoversThirtyFiftyTwentyToAHundredthOfAPoint() {
		double[][] shares = shares();
		SimplexLeastSquares.Fit fit = SimplexLeastSquares.solve(shares, mix(shares, 0.3, 0.5, 0.2));
		assertThat(fit.weights()[0] * 100).isCloseTo(30, within(0.01));
		assertThat(fit.weights()[1] * 100).isCloseTo(50, within(0.01));
		assertThat(fit.weights()[2] * 100).isCloseTo(20, within(0.01));
		assertThat(fit.objective()).isLessThan(1e-20);
	}

	@Test
	void oneIndicatorTakesTheWholeWeight() {
		double[][] shares = { shares()[1] };
		SimplexLeastSquares.Fit fit = SimplexLeastSquares.solve(shares, shares()[0]);
		assertThat(fit.weights()).containsExactly(1.0);
		double expected = 0;
		for (int a = 0; a < 9; a++) {
			expected += Math.pow(shares()[1][a] - shares()[0][a], 2);
		}
		assertThat(fit.objective()).isCloseTo(expected, within(1e-15));
	}

	@Test
	void anOptimumBeyondAVertexStopsAtTheVertex() {
		double[][] shares = { shares()[0], shares()[1] };
		// 120% of the first and -20% of the second is outside the simplex; along the
		// segment the objective is a parabola in t whose lowest point is t = 1.2, so
		// the best feasible point is t = 1: all the weight on the first.
		SimplexLeastSquares.Fit fit = SimplexLeastSquares.solve(shares, mix(shares, 1.2, -0.2));
		assertThat(fit.weights()[0]).isCloseTo(1, within(1e-12));
		assertThat(fit.weights()[1]).isCloseTo(0, within(1e-12));
	}

	@Test
	void anOptimumOnAnEdgeLeavesTheThirdIndicatorAtZero() {
		double[][] shares = shares();
		double[] target = mix(shares, 0.7, 0.6, -0.3);
		SimplexLeastSquares.Fit fit = SimplexLeastSquares.solve(shares, target);
		// Independently: the best point on the edge between the first two, in closed form
		// (t = <p - s2, s1 - s2> / |s1 - s2|^2), then a grid of 0.001 over the whole
		// simplex must not do better.
		double num = 0;
		double den = 0;
		for (int a = 0; a < 9; a++) {
			double d = shares[0][a] - shares[1][a];
			num += (target[a] - shares[1][a]) * d;
			den += d * d;
		}
		double t = num / den;
		assertThat(t).isBetween(0.0, 1.0);
		assertThat(fit.weights()[0]).isCloseTo(t, within(1e-9));
		assertThat(fit.weights()[1]).isCloseTo(1 - t, within(1e-9));
		assertThat(fit.weights()[2]).isEqualTo(0.0);
		double gridBest = Double.MAX_VALUE;
		for (int i = 0; i <= 1000; i++) {
			for (int j = 0; i + j <= 1000; j++) {
				double[] w = { i / 1000.0, j / 1000.0, (1000 - i - j) / 1000.0 };
				gridBest = Math.min(gridBest, SimplexLeastSquares.objective(shares, target, w));
			}
		}
		assertThat(fit.objective()).isLessThanOrEqualTo(gridBest + 1e-15);
	}

	@Test
	void twoIdenticalIndicatorsStillGiveAnOptimum() {
		double[][] shares = { shares()[0], shares()[0], shares()[1] };
		SimplexLeastSquares.Fit fit = SimplexLeastSquares.solve(shares, mix(shares, 0.25, 0.25, 0.5));
		assertThat(fit.weights()[0] + fit.weights()[1]).isCloseTo(0.5, within(1e-9));
		assertThat(fit.weights()[2]).isCloseTo(0.5, within(1e-9));
	}

}
