package uk.opcc.cspgrants.decision;

/** The Monitoring Officer's publication decision for one part of a record. */
public enum Publication {

	YES("Yes"), PART_REDACTED("Part redacted"), NO("No");

	private final String label;

	Publication(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
