package uk.opcc.cspgrants.allocation.formula;

/** Why a partnership's amount differs from its formula amount, if it does. */
public enum Limit {

	/** The formula amount, untouched (apart from rounding to the penny). */
	NONE,

	/** Raised to the floor. */
	FLOOR,

	/** Held at the most it may fall below its baseline. */
	MAX_DECREASE,

	/** Held at the most it may rise above its baseline. */
	MAX_INCREASE,

	/**
	 * Not limited itself, but scaled in proportion with the others like it to pay for (or
	 * share out) what the floor and damping moved.
	 */
	SCALED

}
