package uk.opcc.cspgrants.allocation.check;

import java.util.Arrays;

/**
 * The weights, each at least 0 and together 1, that make a weighted sum of columns come
 * closest to a target in least squares: minimise {@code ‖S w − p‖²} subject to
 * {@code w ≥ 0} and {@code Σ w = 1}, where column {@code i} of {@code S} is indicator
 * {@code i}'s shares and {@code p} the published shares. Plain Java, stateless.
 *
 * <p>
 * Solved exactly by enumerating active sets. The problem is convex, so a point that
 * satisfies the Karush-Kuhn-Tucker conditions is the optimum. Take an optimum with the
 * fewest indicators above 0 (its <em>support</em> {@code A}): on {@code A} it solves the
 * equality-constrained problem {@code min ‖S_A w − p‖², Σ w = 1}, whose conditions are
 * the linear system {@code [2 S_AᵀS_A, 1; 1ᵀ, 0] [w; λ] = [2 S_Aᵀp; 1]}. That system is
 * regular for a smallest support (were it singular, some direction {@code d} with
 * {@code Σ d = 0} and {@code S d = 0} would leave the objective unchanged and could be
 * followed until a weight reached 0, a smaller support). So solving the system for every
 * non-empty subset of indicators, keeping the solutions with no negative weight, and
 * taking the one with the least objective finds the optimum. With {@code k} indicators
 * that is {@code 2^k − 1} small systems: 31 for the five the formula offers.
 */
public final class SimplexLeastSquares {

	/** The most indicators solved at once: 2^16 systems of at most 17 unknowns. */
	public static final int MAX_INDICATORS = 16;

	/** A weight this far below 0 still counts as 0 (rounding in the solve). */
	private static final double NEGATIVE_TOLERANCE = 1e-12;

	/**
	 * The optimum.
	 *
	 * @param weights one per indicator, each at least 0, together 1
	 * @param objective {@code ‖S w − p‖²}
	 */
	public record Fit(double[] weights, double objective) {

	}

	private SimplexLeastSquares() {
	}

	/**
	 * Solves the problem.
	 * @param columns {@code columns[i][a]}: indicator {@code i}'s share for area
	 * {@code a}; at least one indicator, each with the same number of areas
	 * @param target {@code target[a]}: the published share of area {@code a}
	 * @return the weights that fit best; among equally good fits, the one with fewest
	 * indicators, then the first found
	 */
	public static Fit solve(double[][] columns, double[] target) {
		int k = columns.length;
		if (k == 0 || k > MAX_INDICATORS) {
			throw new IllegalArgumentException("Between 1 and " + MAX_INDICATORS + " indicators are needed");
		}
		for (double[] column : columns) {
			if (column.length != target.length) {
				throw new IllegalArgumentException("Every indicator needs one share per area");
			}
		}
		double[][] gram = new double[k][k];
		double[] cross = new double[k];
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				gram[i][j] = dot(columns[i], columns[j]);
			}
			cross[i] = dot(columns[i], target);
		}
		Fit best = null;
		int bestSize = Integer.MAX_VALUE;
		for (int subset = 1; subset < (1 << k); subset++) {
			int[] members = members(subset, k);
			double[] onSubset = solveOn(members, gram, cross);
			if (onSubset == null) {
				continue;
			}
			double[] weights = new double[k];
			boolean feasible = true;
			for (int m = 0; m < members.length; m++) {
				if (onSubset[m] < -NEGATIVE_TOLERANCE) {
					feasible = false;
					break;
				}
				weights[members[m]] = Math.max(0, onSubset[m]);
			}
			if (!feasible) {
				continue;
			}
			normalise(weights);
			double objective = objective(columns, target, weights);
			boolean better = best == null || objective < best.objective() * (1 - 1e-12) - 1e-300
					|| (objective <= best.objective() * (1 + 1e-12) && members.length < bestSize);
			if (better) {
				best = new Fit(weights, objective);
				bestSize = members.length;
			}
		}
		if (best == null) {
			throw new IllegalStateException("No subset of indicators gave weights: the shares are not numbers");
		}
		return best;
	}

	/** {@code ‖S w − p‖²}. */
	public static double objective(double[][] columns, double[] target, double[] weights) {
		double sum = 0;
		for (int a = 0; a < target.length; a++) {
			double fitted = 0;
			for (int i = 0; i < columns.length; i++) {
				fitted += weights[i] * columns[i][a];
			}
			double residual = fitted - target[a];
			sum += residual * residual;
		}
		return sum;
	}

	/**
	 * Solves {@code [2G, 1; 1ᵀ, 0] [w; λ] = [2c; 1]} on the members by Gaussian
	 * elimination with partial pivoting; {@code null} if the system is singular.
	 */
	private static double[] solveOn(int[] members, double[][] gram, double[] cross) {
		int n = members.length + 1;
		double[][] system = new double[n][n + 1];
		double scale = 0;
		for (int r = 0; r < members.length; r++) {
			for (int c = 0; c < members.length; c++) {
				system[r][c] = 2 * gram[members[r]][members[c]];
				scale = Math.max(scale, Math.abs(system[r][c]));
			}
			system[r][members.length] = 1;
			system[r][n] = 2 * cross[members[r]];
			system[members.length][r] = 1;
		}
		system[members.length][n] = 1;
		double tiny = Math.max(scale, 1) * 1e-13;
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int r = col + 1; r < n; r++) {
				if (Math.abs(system[r][col]) > Math.abs(system[pivot][col])) {
					pivot = r;
				}
			}
			if (Math.abs(system[pivot][col]) <= tiny) {
				return null;
			}
			double[] swap = system[col];
			system[col] = system[pivot];
			system[pivot] = swap;
			for (int r = 0; r < n; r++) {
				if (r != col) {
					double factor = system[r][col] / system[col][col];
					if (factor != 0) {
						for (int c = col; c <= n; c++) {
							system[r][c] -= factor * system[col][c];
						}
					}
				}
			}
		}
		double[] weights = new double[members.length];
		for (int m = 0; m < members.length; m++) {
			weights[m] = system[m][n] / system[m][m];
			if (!Double.isFinite(weights[m])) {
				return null;
			}
		}
		return weights;
	}

	private static int[] members(int subset, int k) {
		return java.util.stream.IntStream.range(0, k).filter((i) -> (subset & (1 << i)) != 0).toArray();
	}

	private static void normalise(double[] weights) {
		double sum = Arrays.stream(weights).sum();
		for (int i = 0; i < weights.length; i++) {
			weights[i] /= sum;
		}
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
