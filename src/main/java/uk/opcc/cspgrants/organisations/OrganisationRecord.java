package uk.opcc.cspgrants.organisations;

import java.util.List;

/**
 * An organisation as its own page and the API show it: everything known about it, and the
 * Community Safety Partnerships it is the lead authority of.
 *
 * @param id the organisation's id
 * @param name its name
 * @param type what kind of body it is
 * @param typeLabel the kind in words ("Community interest company")
 * @param identifier its 360Giving organisation identifier
 * @param charityNumber its charity number, if any
 * @param companyNumber its company number, if any
 * @param localAuthorityCode its local authority code, if a council
 * @param address its address
 * @param postcode its postcode
 * @param contactName the person to contact about its grants
 * @param contactEmail their e-mail address
 * @param contactPhone their telephone number
 * @param leads the CSPs it is the lead authority of, by name
 * @param version the version read, to send back with a change
 */
public record OrganisationRecord(long id, String name, OrganisationType type, String typeLabel, String identifier,
		String charityNumber, String companyNumber, String localAuthorityCode, String address, String postcode,
		String contactName, String contactEmail, String contactPhone, List<LedPartnership> leads, long version) {

	public OrganisationRecord {
		leads = List.copyOf(leads);
	}

	/** The same organisation as other modules read it. */
	public OrganisationView view() {
		return new OrganisationView(this.id, this.name, this.type, this.identifier, this.charityNumber,
				this.companyNumber, this.address, this.postcode, this.contactName, this.contactEmail, this.contactPhone,
				this.version);
	}

	/**
	 * A CSP an organisation is the lead authority of.
	 *
	 * @param id the partnership's id
	 * @param code its short code
	 * @param name its name
	 */
	public record LedPartnership(long id, String code, String name) {
	}

}
