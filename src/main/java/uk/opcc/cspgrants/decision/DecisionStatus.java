package uk.opcc.cspgrants.decision;

import uk.opcc.cspgrants.shared.Role;

/** Where a decision record is; each status says whose step comes next. */
public enum DecisionStatus {

	DRAFT("Draft: awaiting the Chief Finance Officer", Role.FINANCE),
	CONSULTED("Consulted: awaiting the Monitoring Officer", Role.MONITORING_OFFICER),
	PUBLICATION_DECIDED("Awaiting the Commissioner's decision", Role.COMMISSIONER), DECIDED("Decided", null);

	private final String label;

	private final Role nextRole;

	DecisionStatus(String label, Role nextRole) {
		this.label = label;
		this.nextRole = nextRole;
	}

	public String label() {
		return this.label;
	}

	/** The role whose sign-off comes next, or {@code null} once decided. */
	public Role nextRole() {
		return this.nextRole;
	}

	public boolean canBecome(DecisionStatus next) {
		return switch (this) {
			case DRAFT -> next == CONSULTED;
			case CONSULTED -> next == PUBLICATION_DECIDED || next == DRAFT;
			case PUBLICATION_DECIDED -> next == DECIDED || next == DRAFT;
			case DECIDED -> false;
		};
	}

}
