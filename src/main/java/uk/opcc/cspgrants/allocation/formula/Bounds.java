package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.List;

/**
 * What each partnership may receive under the floor and damping, in whole pence: the
 * lower bound rounded up and the upper bound rounded down, so that rounding to the penny
 * later can never break a limit. Arrays are indexed like the (code-sorted) areas.
 *
 * @param lower the least each partnership may receive: the larger of the floor and the
 * damping's lower bound
 * @param upper the most each partnership may receive, or {@link Damping#NO_UPPER}
 * @param floorBinds whether the floor, rather than damping, sets the lower bound
 */
record Bounds(long[] lower, long[] upper, boolean[] floorBinds) {

	/**
	 * The bounds for every partnership.
	 * @throws FormulaException if a partnership's bounds contradict each other or the
	 * lower bounds together need more than the pot
	 */
	static Bounds of(FormulaSpec spec, List<AreaInput> areas, long potPence) {
		int count = areas.size();
		long floor = spec.floor().inPence(potPence);
		long[] lower = new long[count];
		long[] upper = new long[count];
		boolean[] floorBinds = new boolean[count];
		long lowerTotal = 0;
		long dampingLowerTotal = 0;
		int baselines = 0;
		for (int i = 0; i < count; i++) {
			AreaInput area = areas.get(i);
			long dampingLower = spec.damping().lowerPence(area.baselinePence());
			upper[i] = spec.damping().upperPence(area.baselinePence());
			lower[i] = Math.max(floor, dampingLower);
			floorBinds[i] = floor > 0 && floor >= dampingLower;
			if (lower[i] > upper[i]) {
				throw new FormulaException(FormulaException.Input.MAX_INCREASE,
						area.name() + " can receive at most " + FormulaMath.pounds(upper[i])
								+ " with a maximum increase of "
								+ FormulaMath.percent(spec.damping().maxIncreasePercent()) + ", less than "
								+ spec.floor().describe(potPence));
			}
			lowerTotal = FormulaMath.addSaturated(lowerTotal, lower[i]);
			dampingLowerTotal = FormulaMath.addSaturated(dampingLowerTotal, dampingLower);
			baselines += (area.baselinePence() != null) ? 1 : 0;
		}
		if (lowerTotal > potPence) {
			throw tooMuchBelow(spec, potPence, count, floor, dampingLowerTotal, baselines, lowerTotal);
		}
		return new Bounds(lower, upper, floorBinds);
	}

	private static FormulaException tooMuchBelow(FormulaSpec spec, long potPence, int count, long floor,
			long dampingLowerTotal, int baselines, long lowerTotal) {
		String pot = "the pot of " + FormulaMath.pounds(potPence);
		long floorTotal = (floor > Long.MAX_VALUE / count) ? Long.MAX_VALUE : floor * count;
		if (floorTotal > potPence) {
			return new FormulaException(FormulaException.Input.FLOOR,
					capitalised(spec.floor().describe(potPence)) + " for " + FormulaMath.partnerships(count) + " needs "
							+ FormulaMath.pounds(floorTotal) + ", more than " + pot);
		}
		String decrease = "a maximum decrease of " + FormulaMath.percent(spec.damping().maxDecreasePercent());
		if (dampingLowerTotal > potPence) {
			return new FormulaException(FormulaException.Input.MAX_DECREASE,
					capitalised(decrease) + " needs " + FormulaMath.pounds(dampingLowerTotal) + " for the "
							+ FormulaMath.partnerships(baselines) + " with a baseline, more than " + pot);
		}
		return new FormulaException(FormulaException.Input.FLOOR, capitalised(spec.floor().describe(potPence)) + " and "
				+ decrease + " together need " + FormulaMath.pounds(lowerTotal) + ", more than " + pot);
	}

	/**
	 * Refuses limits that would leave part of the pot unpaid: when every partnership the
	 * formula gives money to has an upper bound, together they must reach the pot.
	 * @param rawPence the formula amounts
	 * @throws FormulaException if the upper bounds cannot take the whole pot
	 */
	void requireRoomFor(BigDecimal[] rawPence, long potPence, Damping damping) {
		long most = 0;
		for (int i = 0; i < rawPence.length; i++) {
			long reachable = (rawPence[i].signum() > 0) ? this.upper[i] : this.lower[i];
			most = FormulaMath.addSaturated(most, reachable);
		}
		if (most < potPence) {
			throw new FormulaException(FormulaException.Input.MAX_INCREASE,
					"A maximum increase of " + FormulaMath.percent(damping.maxIncreasePercent())
							+ " lets the partnerships receive at most " + FormulaMath.pounds(most)
							+ ", less than the pot of " + FormulaMath.pounds(potPence));
		}
	}

	/** Whether there is no limit at all: every lower bound 0 and no upper bound. */
	boolean unlimited() {
		for (int i = 0; i < this.lower.length; i++) {
			if (this.lower[i] > 0 || this.upper[i] != Damping.NO_UPPER) {
				return false;
			}
		}
		return true;
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
