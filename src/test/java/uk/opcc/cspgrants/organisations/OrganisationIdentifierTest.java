package uk.opcc.cspgrants.organisations;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identifiers of the 360Giving Data Standard's organisation identifier lists
 * (org-id.guide): GB-CHC (Charity Commission for England and Wales), GB-SC (OSCR), GB-COH
 * (Companies House, 8 characters), GB-LAE (English local authorities, by their 3 or 4
 * letter code), and the OPCC's own 360G- prefix for the rest.
 */
class OrganisationIdentifierTest {

	@Test
	void aCharityIsIdentifiedByItsCharityNumber() {
		assertThat(identifier(OrganisationType.CHARITY, "1012345", null, null)).isEqualTo("GB-CHC-1012345");
		assertThat(identifier(OrganisationType.CHARITY, " 220 949 ", null, null)).isEqualTo("GB-CHC-220949");
		assertThat(identifier(OrganisationType.CHARITY, "sc012345", null, null)).isEqualTo("GB-SC-SC012345");
	}

	@Test
	void aCharitableCompanyWithoutACharityNumberIsIdentifiedByItsCompanyNumber() {
		assertThat(identifier(OrganisationType.CHARITY, null, "4325234", null)).isEqualTo("GB-COH-04325234");
		assertThat(identifier(OrganisationType.CHARITY, "1012345", "04325234", null)).isEqualTo("GB-CHC-1012345");
	}

	@Test
	void companiesAndCommunityInterestCompaniesAreIdentifiedByTheirCompanyNumberPaddedToEightCharacters() {
		assertThat(identifier(OrganisationType.COMPANY, null, "1234567", null)).isEqualTo("GB-COH-01234567");
		assertThat(identifier(OrganisationType.CIC, null, "8765", null)).isEqualTo("GB-COH-00008765");
		assertThat(identifier(OrganisationType.CIC, null, "SC12345", null)).isEqualTo("GB-COH-SC012345");
		assertThat(identifier(OrganisationType.COMPANY, null, "ni 612345", null)).isEqualTo("GB-COH-NI612345");
		assertThat(identifier(OrganisationType.COMPANY, "1012345", null, null)).as("a company's charity number")
			.isNull();
	}

	@Test
	void councilsAreIdentifiedByTheirLocalAuthorityCode() {
		assertThat(identifier(OrganisationType.LOCAL_AUTHORITY, null, null, "LCE")).isEqualTo("GB-LAE-LCE");
		assertThat(identifier(OrganisationType.LOCAL_AUTHORITY, null, null, "lec")).isEqualTo("GB-LAE-LEC");
		assertThat(identifier(OrganisationType.LOCAL_AUTHORITY, null, null, "RUT")).isEqualTo("GB-LAE-RUT");
		assertThat(identifier(OrganisationType.LOCAL_AUTHORITY, null, null, "BLA")).isEqualTo("GB-LAE-BLA");
		assertThat(identifier(OrganisationType.LOCAL_AUTHORITY, null, null, null)).isNull();
	}

	@Test
	void theForceAndOtherPublicBodiesHaveNoRegisterIdentifier() {
		assertThat(identifier(OrganisationType.POLICE_FORCE, null, "01234567", "LEI")).isNull();
		assertThat(identifier(OrganisationType.PUBLIC_BODY, "1012345", null, null)).isNull();
		assertThat(identifier(OrganisationType.OTHER, null, null, null)).isNull();
	}

	@Test
	void theOpccsOwnIdentifierIsMadeFromTheNameAndTheOpenDataPrefix() {
		assertThat(OrganisationIdentifier.opcc("opcc-leics", "Leicestershire Police", 1))
			.isEqualTo("360G-opcc-leics-org-leicestershire-police");
		assertThat(OrganisationIdentifier.opcc("opcc-leics", "Contact Project (The)", 1))
			.isEqualTo("360G-opcc-leics-org-contact-project");
		assertThat(OrganisationIdentifier.opcc("opcc-leics", "The Contact Project", 2))
			.isEqualTo("360G-opcc-leics-org-contact-project-2");
		assertThat(OrganisationIdentifier.isOpcc("360G-opcc-leics-org-contact-project", "opcc-leics")).isTrue();
		assertThat(OrganisationIdentifier.isOpcc("GB-CHC-1012345", "opcc-leics")).isFalse();
		assertThat(OrganisationIdentifier.opcc("opcc-leics",
				"The PCC intends to commission Integrated Offender "
						+ "Management initiatives which target the highest risk offenders",
				1))
			.as("a long name is cut at a whole word")
			.isEqualTo("360G-opcc-leics-org-pcc-intends-to-commission-integrated-offender");
		assertThatThrownBy(() -> OrganisationIdentifier.opcc("opcc leics", "Anyone", 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void numbersOfTheWrongShapeAreRefusedOnTheirFieldsAllAtOnce() {
		assertThat(OrganisationIdentifier.shapeErrors("12345", "123456789", "LE1")).containsOnlyKeys("charityNumber",
				"companyNumber", "localAuthorityCode");
		assertThat(OrganisationIdentifier.shapeErrors("1012345", "SC123456", "LCE")).isEmpty();
		assertThatThrownBy(() -> OrganisationIdentifier.charityNumber("GB-CHC-1012345"))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("6 to 8 digits");
		assertThatThrownBy(() -> OrganisationIdentifier.companyNumber("ABC12345"))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("2 letters and up to 6 digits");
		assertThatThrownBy(() -> OrganisationIdentifier.localAuthorityCode("Leicester"))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("3 or 4 letters");
		assertThat(OrganisationIdentifier.charityNumber("  ")).isNull();
	}

	@Test
	void detailsAreCheckedFieldByFieldInTheOrderOfTheForm() {
		OrganisationDetails wrong = new OrganisationDetails(" ", null, "12", null, null, null, "LE1", null, "sam@",
				"call me");
		assertThatThrownBy(wrong::checked).isInstanceOfSatisfying(ValidationException.class,
				(refused) -> assertThat(refused.fieldErrors()).containsOnlyKeys("name", "type", "charityNumber",
						"postcode", "contactEmail", "contactPhone"));
		OrganisationDetails right = new OrganisationDetails("  Living Without Abuse ", OrganisationType.CHARITY,
				"1 012 345", null, null, "1 Main Street\nLoughborough", "le111aa", " Sam Smith ", "sam@example.org",
				"01509 000000")
			.checked();
		assertThat(right.name()).isEqualTo("Living Without Abuse");
		assertThat(right.charityNumber()).isEqualTo("1012345");
		assertThat(right.postcode()).isEqualTo("LE11 1AA");
		assertThat(right.contactName()).isEqualTo("Sam Smith");
	}

	private static String identifier(OrganisationType type, String charity, String company, String localAuthority) {
		return OrganisationIdentifier
			.registered(type, OrganisationIdentifier.charityNumber(charity),
					OrganisationIdentifier.companyNumber(company),
					OrganisationIdentifier.localAuthorityCode(localAuthority))
			.orElse(null);
	}

}
