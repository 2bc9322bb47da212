package uk.opcc.cspgrants.shared;

/**
 * What a signed-in person may do. A user can hold several roles, except a CSP manager, a
 * recipient contact and an applicant, who hold one role each: a CSP manager and a
 * recipient contact are linked to one partnership or one organisation, and an applicant
 * (anyone applying to a grant round) signs in by a link sent to their e-mail address. A
 * themed reviewer, from outside the OPCC, scores the grant round applications assigned to
 * them and sees nothing else.
 */
public enum Role {

	ADMIN("Administrator"), OFFICER("OPCC officer"), FINANCE("Finance"), MONITORING_OFFICER("Monitoring Officer"),
	COMMISSIONER("Commissioner"), CSP_MANAGER("CSP manager"), RECIPIENT("Recipient contact"), APPLICANT("Applicant"),
	REVIEWER("Themed reviewer");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * True for the roles of people outside the OPCC's staff (a CSP manager, a recipient
	 * contact, an applicant, a themed reviewer): each holds that one role, and is never
	 * anyone's manager.
	 */
	public boolean outsideTheOffice() {
		return this == CSP_MANAGER || this == RECIPIENT || this == APPLICANT || this == REVIEWER;
	}

	/**
	 * True for the roles that may hold API tokens: the OPCC's staff and CSP managers (not
	 * a recipient's contact, an applicant or a themed reviewer).
	 */
	public boolean holdsApiTokens() {
		return this != RECIPIENT && this != APPLICANT && this != REVIEWER;
	}

	/** The Spring Security authority, e.g. {@code ROLE_OFFICER}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
