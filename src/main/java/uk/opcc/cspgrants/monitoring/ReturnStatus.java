package uk.opcc.cspgrants.monitoring;

import java.util.Locale;

import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.ValidationException;

/** Where a quarterly return is. The status itself says which moves are allowed. */
public enum ReturnStatus {

	DRAFT("Draft"), SUBMITTED("Submitted"), ACCEPTED("Accepted"), RETURNED("Returned for correction");

	private final String label;

	ReturnStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean canBecome(ReturnStatus next) {
		return switch (this) {
			case DRAFT, RETURNED -> next == SUBMITTED;
			case SUBMITTED -> next == ACCEPTED || next == RETURNED;
			case ACCEPTED -> next == DRAFT;
		};
	}

	/** The next status, or a 409 saying why a return that is this cannot become it. */
	ReturnStatus next(ReturnStatus next) {
		if (!canBecome(next)) {
			throw new ConflictException(null, "A return that is " + label().toLowerCase(Locale.ROOT) + " cannot become "
					+ next.label().toLowerCase(Locale.ROOT));
		}
		return next;
	}

	/**
	 * The reason a return is sent back or re-opened: given, at most 1,000 characters,
	 * stripped.
	 */
	static String reason(String reason, String missing) {
		if (reason == null || reason.isBlank()) {
			throw new ValidationException("reason", missing);
		}
		if (reason.strip().length() > 1000) {
			throw new ValidationException("reason", "The reason must be 1,000 characters or fewer");
		}
		return reason.strip();
	}

	/**
	 * Whether an officer may change the figures: only a draft or a return sent back for
	 * correction.
	 */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	/** Whether the return counts as received in the reports. */
	public boolean received() {
		return this == SUBMITTED || this == ACCEPTED;
	}

}
