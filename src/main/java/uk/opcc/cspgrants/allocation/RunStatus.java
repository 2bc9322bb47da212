package uk.opcc.cspgrants.allocation;

/** Where a formula run is in its life. The status itself says which moves are allowed. */
public enum RunStatus {

	DRAFT("Draft"), APPROVED("Approved"), SUPERSEDED("Superseded");

	private final String label;

	RunStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean canBecome(RunStatus next) {
		return (this == DRAFT && next == APPROVED) || (this == APPROVED && next == SUPERSEDED);
	}

}
