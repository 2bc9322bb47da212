package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The limits on each partnership worked out straight from their definition, in pence, for
 * checking the calculator: lower = the larger of the floor and baseline × (1 − max
 * decrease), rounded up; upper = baseline × (1 + max increase), rounded down. Indexed by
 * code order. A partnership the formula gives nothing (every weighted indicator 0) can
 * only be lifted to its lower bound.
 */
record ExpectedLimits(long pot, long[] lowers, long[] uppers, boolean[] getsSomething, boolean dataUsable) {

	private static final MathContext PRECISE = new MathContext(60, RoundingMode.HALF_EVEN);

	static ExpectedLimits of(FormulaRequest request) {
		List<AreaInput> areas = request.areas().stream().sorted(Comparator.comparing(AreaInput::code)).toList();
		FormulaSpec spec = request.spec();
		BigDecimal pot = BigDecimal.valueOf(request.potPence());
		long floor = 0;
		if (spec.floor().amountPounds() != null) {
			floor = spec.floor()
				.amountPounds()
				.multiply(BigDecimal.valueOf(100))
				.setScale(0, RoundingMode.CEILING)
				.longValueExact();
		}
		if (spec.floor().percentOfPot() != null) {
			floor = pot.multiply(spec.floor().percentOfPot())
				.divide(BigDecimal.valueOf(100))
				.setScale(0, RoundingMode.CEILING)
				.longValueExact();
		}
		long[] lowers = new long[areas.size()];
		long[] uppers = new long[areas.size()];
		boolean[] getsSomething = new boolean[areas.size()];
		for (int i = 0; i < areas.size(); i++) {
			AreaInput area = areas.get(i);
			getsSomething[i] = spec.weightedIndicators()
				.stream()
				.anyMatch((key) -> request.window()
					.stream()
					.anyMatch((year) -> area.value(Indicators.inputsOf(key).get(0), year).signum() > 0));
			Long baseline = areas.get(i).baselinePence();
			BigDecimal decrease = spec.damping().maxDecreasePercent();
			BigDecimal increase = spec.damping().maxIncreasePercent();
			long dampedLower = (baseline == null || decrease == null) ? 0
					: Math.max(0,
							BigDecimal.valueOf(baseline)
								.multiply(BigDecimal.ONE.subtract(decrease.divide(BigDecimal.valueOf(100))))
								.setScale(0, RoundingMode.CEILING)
								.longValueExact());
			lowers[i] = Math.max(floor, dampedLower);
			uppers[i] = (baseline == null || increase == null) ? Long.MAX_VALUE
					: BigDecimal.valueOf(baseline)
						.multiply(BigDecimal.ONE.add(increase.divide(BigDecimal.valueOf(100))))
						.setScale(0, RoundingMode.FLOOR)
						.longValueExact();
		}
		boolean dataUsable = spec.weightedIndicators()
			.stream()
			.allMatch((key) -> areas.stream()
				.anyMatch((area) -> request.window()
					.stream()
					.anyMatch((year) -> area.value(Indicators.inputsOf(key).get(0), year).signum() > 0)));
		return new ExpectedLimits(request.potPence(), lowers, uppers, getsSomething, dataUsable);
	}

	long lower(int i) {
		return this.lowers[i];
	}

	long upper(int i) {
		return this.uppers[i];
	}

	/**
	 * Whether the run can be done: every weighted indicator has something (else "every
	 * partnership has zero ...") and the limits can all hold on the pot: no lower bound
	 * above its upper bound, the lower bounds within the pot, and room for the pot below
	 * the upper bounds of those the formula gives something (the others stay at their
	 * lower bounds).
	 */
	boolean canHold() {
		if (!this.dataUsable) {
			return false;
		}
		BigDecimal lowerTotal = BigDecimal.ZERO;
		BigDecimal reachable = BigDecimal.ZERO;
		boolean unbounded = false;
		for (int i = 0; i < this.lowers.length; i++) {
			if (this.lowers[i] > this.uppers[i]) {
				return false;
			}
			lowerTotal = lowerTotal.add(BigDecimal.valueOf(this.lowers[i]));
			if (this.getsSomething[i]) {
				unbounded |= this.uppers[i] == Long.MAX_VALUE;
				reachable = reachable.add(BigDecimal.valueOf(this.uppers[i]));
			}
			else {
				reachable = reachable.add(BigDecimal.valueOf(this.lowers[i]));
			}
		}
		BigDecimal potPence = BigDecimal.valueOf(this.pot);
		return lowerTotal.compareTo(potPence) <= 0 && (unbounded || reachable.compareTo(potPence) >= 0);
	}

	BigDecimal clamp(int i, BigDecimal amount) {
		BigDecimal clamped = amount.max(BigDecimal.valueOf(this.lowers[i]));
		return (this.uppers[i] == Long.MAX_VALUE) ? clamped : clamped.min(BigDecimal.valueOf(this.uppers[i]));
	}

	/**
	 * The scale {@code s} with {@code Σ clamp(raw × s) = pot}, by bisection: a different
	 * method from the calculator's, to check it.
	 */
	BigDecimal scaleBySearch(BigDecimal[] raw) {
		BigDecimal target = BigDecimal.valueOf(this.pot);
		BigDecimal low = BigDecimal.ZERO;
		BigDecimal high = BigDecimal.ONE;
		while (sum(raw, high).compareTo(target) < 0) {
			low = high;
			high = high.multiply(BigDecimal.valueOf(2));
		}
		for (int step = 0; step < 200; step++) {
			BigDecimal middle = low.add(high).divide(BigDecimal.valueOf(2), PRECISE);
			if (sum(raw, middle).compareTo(target) < 0) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return high;
	}

	private BigDecimal sum(BigDecimal[] raw, BigDecimal scale) {
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < raw.length; i++) {
			sum = sum.add(clamp(i, raw[i].multiply(scale, PRECISE)));
		}
		return sum;
	}

}
