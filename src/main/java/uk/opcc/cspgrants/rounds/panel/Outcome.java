package uk.opcc.cspgrants.rounds.panel;

/** What the Review Panel recommends for an eligible application. */
public enum Outcome {

	FUND("Fund in full"), FUND_IN_PART("Fund in part"), DO_NOT_FUND("Do not fund");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** True when the application would be funded, in full or in part. */
	public boolean funds() {
		return this != DO_NOT_FUND;
	}

}
