package uk.opcc.cspgrants.allocation.formula;

/**
 * A formula run cannot be done with this data or these limits. The message says what is
 * wrong in words a user can act on, e.g. {@code Charnwood has no Population for 2023-24};
 * {@link #input()} says which part of the request to change.
 */
public class FormulaException extends RuntimeException {

	/** The part of a request a refusal is about. */
	public enum Input {

		/** The pot. */
		POT,
		/** The years averaged. */
		WINDOW,
		/** The partnerships or their baselines. */
		PARTNERSHIPS,
		/** The indicators weighted, or their data. */
		INDICATORS,
		/** The floor. */
		FLOOR,
		/** The largest fall. */
		MAX_DECREASE,
		/** The largest rise. */
		MAX_INCREASE

	}

	private final Input input;

	public FormulaException(String message) {
		this(null, message);
	}

	public FormulaException(Input input, String message) {
		super(message);
		this.input = input;
	}

	/** What to change, or {@code null} when the refusal is about no one part. */
	public Input input() {
		return this.input;
	}

}
