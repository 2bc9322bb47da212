package uk.opcc.cspgrants.rounds.applying;

import java.util.Objects;

/**
 * Who sent a submitted application, as far as telling one organisation from another
 * needs: the same charity number, the same company number, or the same name whatever its
 * case and surrounding spaces.
 */
public record ApplyingOrganisation(long applicationId, String reference, String name, String charityNumber,
		String companyNumber) {

	static ApplyingOrganisation of(ApplicationView application) {
		return new ApplyingOrganisation(application.id(), application.reference(), application.organisationName(),
				application.charityNumber(), application.companyNumber());
	}

	boolean sameAs(ApplyingOrganisation other) {
		return (this.charityNumber != null && Objects.equals(this.charityNumber, other.charityNumber))
				|| (this.companyNumber != null && Objects.equals(this.companyNumber, other.companyNumber))
				|| this.name.strip().equalsIgnoreCase(other.name.strip());
	}

}
