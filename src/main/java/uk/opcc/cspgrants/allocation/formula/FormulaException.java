package uk.opcc.cspgrants.allocation.formula;

/**
 * A formula run cannot be done with this data or these limits. The message says what is
 * wrong in words a user can act on, e.g. {@code Charnwood has no Population for 2023-24}.
 */
public class FormulaException extends RuntimeException {

	public FormulaException(String message) {
		super(message);
	}

}
