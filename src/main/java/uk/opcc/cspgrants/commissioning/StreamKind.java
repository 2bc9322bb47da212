package uk.opcc.cspgrants.commissioning;

/** Where a funding stream's money comes from. */
public enum StreamKind {

	GRANT("Grant to the Commissioner"), FORCE("Police force funding"), RESERVE("Use of a reserve"), OTHER("Other");

	private final String label;

	StreamKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
