package uk.opcc.cspgrants.commissioning;

/**
 * Where a year's award schedule stands: drafted and changed by officers, attached to a
 * decision record (and then unchanged until the record is decided or sent back), decided.
 */
public enum ScheduleStatus {

	DRAFT("Draft"), IN_DECISION("In a decision record"), DECIDED("Decided");

	private final String label;

	ScheduleStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
