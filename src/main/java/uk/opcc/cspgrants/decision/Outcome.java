package uk.opcc.cspgrants.decision;

/** The Commissioner's decision on a record: nothing else is a decision. */
public enum Outcome {

	SUPPORTED("Supported"), NOT_SUPPORTED("Not supported");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
