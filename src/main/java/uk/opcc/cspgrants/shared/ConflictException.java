package uk.opcc.cspgrants.shared;

/**
 * The request clashes with what is saved: a duplicate, or a record changed by someone
 * else since it was read. Answered 409, or on a page as a message beside the user's kept
 * input.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form field the clash is about, or {@code null} for the record as a whole. */
	public String field() {
		return this.field;
	}

	public static ConflictException changedBySomeoneElse() {
		return new ConflictException(null,
				"This record was changed by someone else after you opened it. Check the current values and save again.");
	}

}
