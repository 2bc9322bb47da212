package uk.opcc.cspgrants.organisations;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A recipient, as stored. Its identifier is set by {@link OrganisationManagement} from
 * its register numbers (see {@link OrganisationIdentifier}); the table's unique key on it
 * is what keeps one organisation from being recorded twice.
 */
@Entity
@Table(name = "organisation")
class Organisation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrganisationType type;

	@Column(name = "charity_number")
	private String charityNumber;

	@Column(name = "company_number")
	private String companyNumber;

	@Column(name = "local_authority_code")
	private String localAuthorityCode;

	@Column(nullable = false)
	private String identifier;

	private String address;

	private String postcode;

	@Column(name = "contact_name")
	private String contactName;

	@Column(name = "contact_email")
	private String contactEmail;

	@Column(name = "contact_phone")
	private String contactPhone;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Organisation() {
	}

	Organisation(OrganisationDetails details, String identifier, Instant now) {
		this.createdAt = now;
		apply(details, identifier, now);
	}

	/**
	 * Takes checked details ({@link OrganisationDetails#checked()}) and the identifier
	 * they make.
	 */
	void apply(OrganisationDetails details, String identifier, Instant now) {
		this.name = details.name();
		this.type = details.type();
		this.charityNumber = details.charityNumber();
		this.companyNumber = details.companyNumber();
		this.localAuthorityCode = details.localAuthorityCode();
		this.identifier = identifier;
		this.address = details.address();
		this.postcode = details.postcode();
		this.contactName = details.contactName();
		this.contactEmail = details.contactEmail();
		this.contactPhone = details.contactPhone();
		this.updatedAt = now;
	}

	/**
	 * Marks a change that is not to its own columns (the CSPs it leads), so that its
	 * version moves and a second change from the same page meets the first.
	 */
	void touch(Instant now) {
		this.updatedAt = now;
	}

	Long getId() {
		return this.id;
	}

	long getVersion() {
		return this.version;
	}

	String getIdentifier() {
		return this.identifier;
	}

	String getName() {
		return this.name;
	}

	OrganisationRecord toRecord(List<OrganisationRecord.LedPartnership> leads) {
		return new OrganisationRecord(this.id, this.name, this.type, this.type.label(), this.identifier,
				this.charityNumber, this.companyNumber, this.localAuthorityCode, this.address, this.postcode,
				this.contactName, this.contactEmail, this.contactPhone, leads, this.version);
	}

}
