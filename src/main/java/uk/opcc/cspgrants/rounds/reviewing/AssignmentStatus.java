package uk.opcc.cspgrants.rounds.reviewing;

/**
 * Where a reviewer's assignment to an application has got to, in the reviewer's words.
 */
public enum AssignmentStatus {

	ASSIGNED("Declare any conflict"), DECLARED("No conflict: to score"), CONFLICTED("Conflict declared"),
	SUBMITTED("Scores submitted"), WITHDRAWN("Withdrawn");

	private final String label;

	AssignmentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** True while it counts towards the application's reviews. */
	public boolean active() {
		return this == ASSIGNED || this == DECLARED || this == SUBMITTED;
	}

}
