package uk.opcc.cspgrants.shared;

/**
 * What a person typed is not an amount of money; the message says what to enter instead.
 */
public class InvalidMoneyException extends IllegalArgumentException {

	public InvalidMoneyException(String message) {
		super(message);
	}

}
