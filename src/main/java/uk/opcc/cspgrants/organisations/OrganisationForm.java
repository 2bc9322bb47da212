package uk.opcc.cspgrants.organisations;

/**
 * The add-an-organisation and change-an-organisation forms, and the similar-name check
 * page that carries what was typed in hidden fields.
 */
public class OrganisationForm {

	private String name;

	private String type;

	private String charityNumber;

	private String companyNumber;

	private String localAuthorityCode;

	private String address;

	private String postcode;

	private String contactName;

	private String contactEmail;

	private String contactPhone;

	private long version;

	private boolean despiteSimilarName;

	static OrganisationForm from(OrganisationRecord record) {
		OrganisationForm form = new OrganisationForm();
		form.name = record.name();
		form.type = record.type().name();
		form.charityNumber = record.charityNumber();
		form.companyNumber = record.companyNumber();
		form.localAuthorityCode = record.localAuthorityCode();
		form.address = record.address();
		form.postcode = record.postcode();
		form.contactName = record.contactName();
		form.contactEmail = record.contactEmail();
		form.contactPhone = record.contactPhone();
		form.version = record.version();
		return form;
	}

	OrganisationDetails toDetails() {
		return new OrganisationDetails(this.name, typeOrNull(), this.charityNumber, this.companyNumber,
				this.localAuthorityCode, this.address, this.postcode, this.contactName, this.contactEmail,
				this.contactPhone);
	}

	private OrganisationType typeOrNull() {
		for (OrganisationType candidate : OrganisationType.values()) {
			if (candidate.name().equals(this.type)) {
				return candidate;
			}
		}
		return null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getCharityNumber() {
		return this.charityNumber;
	}

	public void setCharityNumber(String charityNumber) {
		this.charityNumber = charityNumber;
	}

	public String getCompanyNumber() {
		return this.companyNumber;
	}

	public void setCompanyNumber(String companyNumber) {
		this.companyNumber = companyNumber;
	}

	public String getLocalAuthorityCode() {
		return this.localAuthorityCode;
	}

	public void setLocalAuthorityCode(String localAuthorityCode) {
		this.localAuthorityCode = localAuthorityCode;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getPostcode() {
		return this.postcode;
	}

	public void setPostcode(String postcode) {
		this.postcode = postcode;
	}

	public String getContactName() {
		return this.contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public void setContactEmail(String contactEmail) {
		this.contactEmail = contactEmail;
	}

	public String getContactPhone() {
		return this.contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isDespiteSimilarName() {
		return this.despiteSimilarName;
	}

	public void setDespiteSimilarName(boolean despiteSimilarName) {
		this.despiteSimilarName = despiteSimilarName;
	}

}
