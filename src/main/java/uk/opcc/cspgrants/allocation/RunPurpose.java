package uk.opcc.cspgrants.allocation;

/** What a run's money is for. One approved run per financial year and purpose. */
public enum RunPurpose {

	ALLOCATION("Annual allocation"), REDISTRIBUTION("Underspend redistribution");

	private final String label;

	RunPurpose(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
