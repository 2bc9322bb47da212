package uk.opcc.cspgrants.rounds.applying;

/**
 * The "Your partnership" page of a business case as sent: the Community Safety
 * Partnership chosen, by id, and the version read.
 */
record PartnershipForm(String partnershipId, Long version) {

	static PartnershipForm of(ApplicationView application) {
		return new PartnershipForm(
				(application.partnershipId() != null) ? String.valueOf(application.partnershipId()) : "",
				application.version());
	}

	PartnershipForm withVersion(long now) {
		return new PartnershipForm(this.partnershipId, now);
	}

}
