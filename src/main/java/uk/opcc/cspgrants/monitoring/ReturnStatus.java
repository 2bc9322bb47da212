package uk.opcc.cspgrants.monitoring;

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
