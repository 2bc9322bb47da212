package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * One solve of {@link ScaleSolver}: the breakpoints, sorted, and the walk to the segment
 * where the clamped amounts reach the pot. Events {@code 0 .. entering − 1} are
 * partnerships leaving their lower bound, in area order; the rest are partnerships
 * reaching their upper bound, in area order.
 */
final class Sweep {

	private final BigDecimal[] raw;

	private final double[] approx;

	private final long[] lower;

	private final long[] upper;

	private final boolean[] floorBinds;

	private final long potPence;

	private final BigDecimal pot;

	private final int[] eventArea;

	private final double[] eventAt;

	private final int entering;

	/** Held bounds, {@code C}. */
	private BigDecimal held = BigDecimal.ZERO;

	/** Raw amounts following the scale, {@code R}. */
	private BigDecimal following = BigDecimal.ZERO;

	Sweep(BigDecimal[] raw, double[] approx, Bounds bounds, long potPence) {
		this.raw = raw;
		this.approx = approx;
		this.lower = bounds.lower();
		this.upper = bounds.upper();
		this.floorBinds = bounds.floorBinds();
		this.potPence = potPence;
		this.pot = BigDecimal.valueOf(potPence);
		int count = 0;
		int enters = 0;
		for (int i = 0; i < raw.length; i++) {
			if (raw[i].signum() > 0) {
				enters += (this.lower[i] > 0) ? 1 : 0;
				count += ((this.lower[i] > 0) ? 1 : 0) + ((this.upper[i] != Damping.NO_UPPER) ? 1 : 0);
			}
		}
		this.entering = enters;
		this.eventArea = new int[count];
		this.eventAt = new double[count];
		int next = 0;
		for (int i = 0; i < raw.length; i++) {
			if (raw[i].signum() > 0 && this.lower[i] > 0) {
				this.eventArea[next] = i;
				this.eventAt[next++] = this.lower[i] / approx[i];
			}
		}
		for (int i = 0; i < raw.length; i++) {
			if (raw[i].signum() > 0 && this.upper[i] != Damping.NO_UPPER) {
				this.eventArea[next] = i;
				this.eventAt[next++] = this.upper[i] / approx[i];
			}
		}
	}

	ScaleSolver.Adjusted solve() {
		int[] order = EventOrder.sort(this);
		int events = order.length;
		int[] enteredAt = new int[this.raw.length];
		int[] leftAt = new int[this.raw.length];
		Arrays.fill(enteredAt, -1);
		Arrays.fill(leftAt, Integer.MAX_VALUE);
		for (int position = 0; position < events; position++) {
			int event = order[position];
			if (isEntering(event)) {
				enteredAt[this.eventArea[event]] = position;
			}
			else {
				leftAt[this.eventArea[event]] = position;
			}
		}
		int segment = guess(order);
		stateAt(segment, enteredAt, leftAt);
		while (true) {
			if (segment > 0 && reachedAt(order[segment - 1]) > 0) {
				undo(order[--segment]);
			}
			else if (segment < events && reachedAt(order[segment]) < 0) {
				apply(order[segment++]);
			}
			else {
				break;
			}
		}
		if (this.following.signum() > 0) {
			segment = flatNeighbour(order, segment);
		}
		BigDecimal scale = BigDecimal.ONE;
		if (this.following.signum() > 0) {
			scale = this.pot.subtract(this.held).divide(this.following, FormulaMath.CONTEXT);
			if (scale.subtract(BigDecimal.ONE).abs().compareTo(ScaleSolver.NOISE) <= 0) {
				scale = BigDecimal.ONE;
			}
		}
		else if (this.held.compareTo(this.pot) != 0) {
			throw new IllegalStateException("The limits leave part of the pot unpaid");
		}
		return adjusted(segment, enteredAt, leftAt, scale);
	}

	/**
	 * When the sum reaches the pot exactly at an end of the segment and stays there on
	 * the other side, with every partnership held at a bound (a flat stretch), that
	 * stretch: the amounts are the same, and nobody is said to be scaled who is in fact
	 * held. Otherwise the segment itself.
	 */
	private int flatNeighbour(int[] order, int segment) {
		int events = order.length;
		if (segment < events && reachedAt(order[segment]) == 0) {
			int next = segment;
			while (next < events && sameValue(order[next], order[segment])) {
				apply(order[next++]);
			}
			if (this.following.signum() == 0) {
				return next;
			}
			while (next > segment) {
				undo(order[--next]);
			}
		}
		if (segment > 0 && reachedAt(order[segment - 1]) == 0) {
			int previous = segment;
			while (previous > 0 && sameValue(order[previous - 1], order[segment - 1])) {
				undo(order[--previous]);
			}
			if (this.following.signum() == 0) {
				return previous;
			}
			while (previous < segment) {
				apply(order[previous++]);
			}
		}
		return segment;
	}

	private boolean sameValue(int event, int other) {
		return BigDecimal.valueOf(eventBound(event))
			.multiply(eventRaw(other))
			.compareTo(BigDecimal.valueOf(eventBound(other)).multiply(eventRaw(event))) == 0;
	}

	/**
	 * Whether an event is a partnership leaving its lower bound (else reaching its
	 * upper).
	 */
	boolean isEntering(int event) {
		return event < this.entering;
	}

	int eventCount() {
		return this.eventAt.length;
	}

	double eventAt(int event) {
		return this.eventAt[event];
	}

	int eventArea(int event) {
		return this.eventArea[event];
	}

	/** The bound in pence at which an event happens. */
	long eventBound(int event) {
		int area = this.eventArea[event];
		return isEntering(event) ? this.lower[area] : this.upper[area];
	}

	/** The raw amount of an event's partnership. */
	BigDecimal eventRaw(int event) {
		return this.raw[this.eventArea[event]];
	}

	/**
	 * The first segment whose right end reaches the pot, by {@code double} arithmetic:
	 * usually right, and checked exactly after.
	 */
	private int guess(int[] order) {
		double heldApprox = 0;
		double followingApprox = 0;
		for (int i = 0; i < this.raw.length; i++) {
			if (this.raw[i].signum() > 0 && this.lower[i] == 0) {
				followingApprox += this.approx[i];
			}
			else {
				heldApprox += this.lower[i];
			}
		}
		double target = this.potPence;
		for (int position = 0; position < order.length; position++) {
			int event = order[position];
			if (heldApprox + this.eventAt[event] * followingApprox >= target) {
				return position;
			}
			int area = this.eventArea[event];
			if (isEntering(event)) {
				heldApprox -= this.lower[area];
				followingApprox += this.approx[area];
			}
			else {
				followingApprox -= this.approx[area];
				heldApprox += this.upper[area];
			}
		}
		return order.length;
	}

	/**
	 * Sets {@code C} and {@code R} exactly for the segment after {@code segment} events.
	 */
	private void stateAt(int segment, int[] enteredAt, int[] leftAt) {
		BigDecimal heldSum = BigDecimal.ZERO;
		BigDecimal followingSum = BigDecimal.ZERO;
		for (int i = 0; i < this.raw.length; i++) {
			switch (status(i, segment, enteredAt, leftAt)) {
				case LOWER -> heldSum = heldSum.add(BigDecimal.valueOf(this.lower[i]));
				case UPPER -> heldSum = heldSum.add(BigDecimal.valueOf(this.upper[i]));
				case FOLLOWING -> followingSum = followingSum.add(this.raw[i]);
			}
		}
		this.held = heldSum;
		this.following = followingSum;
	}

	private Status status(int area, int segment, int[] enteredAt, int[] leftAt) {
		if (this.raw[area].signum() == 0) {
			return Status.LOWER;
		}
		if (leftAt[area] < segment) {
			return Status.UPPER;
		}
		return (enteredAt[area] < segment) ? Status.FOLLOWING : Status.LOWER;
	}

	/**
	 * The sign of {@code f(breakpoint) − pot} with the current state, exactly:
	 * {@code f(b ÷ x) = C + b ÷ x × R}, so compare {@code C × x + b × R} with
	 * {@code pot × x}.
	 */
	private int reachedAt(int event) {
		BigDecimal x = eventRaw(event);
		BigDecimal reached = this.held.multiply(x).add(BigDecimal.valueOf(eventBound(event)).multiply(this.following));
		return reached.compareTo(this.pot.multiply(x));
	}

	private void apply(int event) {
		int area = this.eventArea[event];
		if (isEntering(event)) {
			this.held = this.held.subtract(BigDecimal.valueOf(this.lower[area]));
			this.following = this.following.add(this.raw[area]);
		}
		else {
			this.following = this.following.subtract(this.raw[area]);
			this.held = this.held.add(BigDecimal.valueOf(this.upper[area]));
		}
	}

	private void undo(int event) {
		int area = this.eventArea[event];
		if (isEntering(event)) {
			this.following = this.following.subtract(this.raw[area]);
			this.held = this.held.add(BigDecimal.valueOf(this.lower[area]));
		}
		else {
			this.held = this.held.subtract(BigDecimal.valueOf(this.upper[area]));
			this.following = this.following.add(this.raw[area]);
		}
	}

	private ScaleSolver.Adjusted adjusted(int segment, int[] enteredAt, int[] leftAt, BigDecimal scale) {
		boolean scaled = scale.compareTo(BigDecimal.ONE) != 0;
		BigDecimal[] amounts = new BigDecimal[this.raw.length];
		Limit[] limits = new Limit[this.raw.length];
		for (int i = 0; i < amounts.length; i++) {
			switch (status(i, segment, enteredAt, leftAt)) {
				case LOWER -> {
					amounts[i] = BigDecimal.valueOf(this.lower[i]);
					limits[i] = (this.lower[i] == 0) ? Limit.NONE
							: (this.floorBinds[i] ? Limit.FLOOR : Limit.MAX_DECREASE);
				}
				case UPPER -> {
					amounts[i] = BigDecimal.valueOf(this.upper[i]);
					limits[i] = Limit.MAX_INCREASE;
				}
				case FOLLOWING -> {
					amounts[i] = scaled ? this.raw[i].multiply(scale, FormulaMath.CONTEXT) : this.raw[i];
					limits[i] = scaled ? Limit.SCALED : Limit.NONE;
				}
			}
		}
		return new ScaleSolver.Adjusted(amounts, limits, scale);
	}

	private enum Status {

		LOWER, FOLLOWING, UPPER

	}

}
