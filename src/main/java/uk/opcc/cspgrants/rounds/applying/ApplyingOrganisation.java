package uk.opcc.cspgrants.rounds.applying;

import java.util.Objects;

/**
 * Who sent a submitted application, as far as telling one organisation from another
 * needs: the same charity number, the same company number, or the same name whatever its
 * case and surrounding spaces; for a business case, its partnership.
 */
public record ApplyingOrganisation(long applicationId, String reference, String name, String charityNumber,
		String companyNumber, Long partnershipId) {

	static ApplyingOrganisation of(ApplicationView application) {
		return new ApplyingOrganisation(application.id(), application.reference(), application.organisationName(),
				application.charityNumber(), application.companyNumber(), application.partnershipId());
	}

	/** True when both are business cases of the same partnership. */
	boolean samePartnership(ApplyingOrganisation other) {
		return this.partnershipId != null && this.partnershipId.equals(other.partnershipId);
	}

	boolean sameAs(ApplyingOrganisation other) {
		return (this.charityNumber != null && Objects.equals(this.charityNumber, other.charityNumber))
				|| (this.companyNumber != null && Objects.equals(this.companyNumber, other.companyNumber))
				|| this.name.strip().equalsIgnoreCase(other.name.strip());
	}

}
