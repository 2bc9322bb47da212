package uk.opcc.cspgrants.organisations;

/**
 * A recipient as pages, exports and other modules see it.
 *
 * @param id the organisation's id
 * @param name its name
 * @param type what kind of body it is
 * @param identifier its 360Giving organisation identifier (GB-CHC-…, GB-COH-…, GB-LAE-…,
 * or 360G-…)
 * @param charityNumber its charity number, if registered
 * @param companyNumber its company number, if registered
 * @param address its address
 * @param postcode its postcode
 * @param contactName the person to contact about its grants
 * @param contactEmail their e-mail address
 * @param contactPhone their telephone number
 * @param version the version read, for a change
 */
public record OrganisationView(long id, String name, OrganisationType type, String identifier, String charityNumber,
		String companyNumber, String address, String postcode, String contactName, String contactEmail,
		String contactPhone, long version) {
}
