package uk.opcc.cspgrants.organisations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * What an officer (or a script) says about an organisation when adding or changing it.
 * {@link #checked()} trims the text, stores register numbers in one shape and refuses
 * everything that is wrong at once, field by field, in the order of the form.
 *
 * @param name the organisation's name, as it calls itself
 * @param type what kind of body it is
 * @param charityNumber its charity number, if a registered charity
 * @param companyNumber its company number, if registered at Companies House
 * @param localAuthorityCode a council's code in the 360Giving local authorities list
 * (LCE)
 * @param address its postal address
 * @param postcode its postcode
 * @param contactName the person to contact about its grants
 * @param contactEmail their e-mail address
 * @param contactPhone their telephone number
 */
public record OrganisationDetails(String name, OrganisationType type, String charityNumber, String companyNumber,
		String localAuthorityCode, String address, String postcode, String contactName, String contactEmail,
		String contactPhone) {

	private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,30}");

	/** Only a name and a type, as an import knows them. */
	public static OrganisationDetails named(String name, OrganisationType type) {
		return new OrganisationDetails(name, type, null, null, null, null, null, null, null, null);
	}

	/**
	 * The details as stored: text trimmed (blank is none), numbers and codes in their one
	 * shape, postcodes in capitals.
	 * @throws ValidationException with every refused field
	 */
	public OrganisationDetails checked() {
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanName = trim(this.name);
		if (cleanName == null) {
			errors.put("name", "Enter the organisation's name");
		}
		else if (cleanName.length() > 300) {
			errors.put("name", "The name must be 300 characters or fewer");
		}
		if (this.type == null) {
			errors.put("type", "Choose what kind of organisation it is");
		}
		errors.putAll(
				OrganisationIdentifier.shapeErrors(this.charityNumber, this.companyNumber, this.localAuthorityCode));
		String cleanAddress = trim(this.address);
		if (cleanAddress != null && cleanAddress.length() > 1000) {
			errors.put("address", "The address must be 1,000 characters or fewer");
		}
		String cleanPostcode = trim(this.postcode);
		if (cleanPostcode != null) {
			cleanPostcode = cleanPostcode.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
			if (!POSTCODE.matcher(cleanPostcode).matches()) {
				errors.put("postcode", "Enter a real postcode, like LE19 2BX");
			}
			else if (!cleanPostcode.contains(" ")) {
				cleanPostcode = cleanPostcode.substring(0, cleanPostcode.length() - 3) + " "
						+ cleanPostcode.substring(cleanPostcode.length() - 3);
			}
		}
		String cleanContact = trim(this.contactName);
		if (cleanContact != null && cleanContact.length() > 200) {
			errors.put("contactName", "The contact's name must be 200 characters or fewer");
		}
		String cleanEmail = trim(this.contactEmail);
		if (cleanEmail != null && (cleanEmail.length() > 254 || !EMAIL.matcher(cleanEmail).matches())) {
			errors.put("contactEmail", "Enter an email address in the correct format, like name@example.org");
		}
		String cleanPhone = trim(this.contactPhone);
		if (cleanPhone != null && !PHONE.matcher(cleanPhone).matches()) {
			errors.put("contactPhone", "Enter a telephone number, like 0116 222 2222 or +44 116 222 2222");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new OrganisationDetails(cleanName, this.type, OrganisationIdentifier.charityNumber(this.charityNumber),
				OrganisationIdentifier.companyNumber(this.companyNumber),
				OrganisationIdentifier.localAuthorityCode(this.localAuthorityCode), cleanAddress, cleanPostcode,
				cleanContact, cleanEmail, cleanPhone);
	}

	private static String trim(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
