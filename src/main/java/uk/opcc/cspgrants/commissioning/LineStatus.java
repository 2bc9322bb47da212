package uk.opcc.cspgrants.commissioning;

/**
 * Where an award line stands: committed lines become grants when the schedule's decision
 * is Supported; indicative lines and new funding streams need a later decision.
 */
public enum LineStatus {

	COMMITTED("Committed"), INDICATIVE("Indicative"), NEW_FUNDING_STREAM("New funding stream");

	private final String label;

	LineStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
