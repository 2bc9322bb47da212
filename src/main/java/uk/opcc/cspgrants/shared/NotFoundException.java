package uk.opcc.cspgrants.shared;

/**
 * The thing asked for does not exist, or this user may not know that it does. Answered
 * 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
