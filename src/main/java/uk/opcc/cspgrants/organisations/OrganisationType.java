package uk.opcc.cspgrants.organisations;

/**
 * What kind of body a recipient is; it decides which register number makes its 360Giving
 * identifier.
 */
public enum OrganisationType {

	LOCAL_AUTHORITY("Local authority"), POLICE_FORCE("Police force"), CHARITY("Charity"), COMPANY("Company"),
	CIC("Community interest company"), PUBLIC_BODY("Other public body"), OTHER("Other");

	private final String label;

	OrganisationType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
