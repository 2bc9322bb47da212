package uk.opcc.cspgrants.allocation;

/** Where a formula run is in its life. The status itself says which moves are allowed. */
public enum RunStatus {

	DRAFT("Draft"), APPROVED("Approved"), SUPERSEDED("Superseded"), DISCARDED("Discarded");

	private final String label;

	RunStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean canBecome(RunStatus next) {
		return (this == DRAFT && (next == APPROVED || next == DISCARDED)) || (this == APPROVED && next == SUPERSEDED);
	}

	/** Whether a run with this status has been approved: what CSP managers may read. */
	public boolean approvedOnce() {
		return this == APPROVED || this == SUPERSEDED;
	}

}
