package uk.opcc.cspgrants.rounds.deciding;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.organisations.OrganisationDetails;
import uk.opcc.cspgrants.organisations.OrganisationDirectory;
import uk.opcc.cspgrants.organisations.OrganisationManagement;
import uk.opcc.cspgrants.organisations.OrganisationView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.panel.PanelPaper;

/**
 * The register's organisation of each funded application, by application id: for a CSP's
 * business case the lead authority the register links to its partnership; else found by
 * the identifier its charity or company number makes, else by its name; added to the
 * register only when the decision is made.
 */
@Component
class FundedOrganisations {

	private final OrganisationManagement organisations;

	private final OrganisationDirectory directory;

	FundedOrganisations(OrganisationManagement organisations, OrganisationDirectory directory) {
		this.organisations = organisations;
		this.directory = directory;
	}

	/** Those already in the register (for the checks before the decision). */
	Map<Long, Long> known(RoundAwards awards) {
		Map<Long, Long> known = new HashMap<>();
		for (PanelPaper.Row row : awards.funded()) {
			leadAuthority(row.application()).or(() -> this.organisations.findFunded(detailsOf(row.application())))
				.ifPresent(found -> known.put(row.application().id(), found.id()));
		}
		return known;
	}

	/**
	 * Every funded application's, those not in the register added (when the decision is
	 * made).
	 */
	Map<Long, Long> foundOrAdded(RoundAwards awards) {
		Map<Long, Long> found = new HashMap<>();
		for (PanelPaper.Row row : awards.funded()) {
			OrganisationView organisation = leadAuthority(row.application())
				.orElseGet(() -> this.organisations.findOrCreateFunded(detailsOf(row.application())));
			found.put(row.application().id(), organisation.id());
		}
		return found;
	}

	/**
	 * For a CSP's business case, the lead authority the register links to its partnership
	 * (the organisation its other grants are paid to), if it does.
	 */
	private Optional<OrganisationView> leadAuthority(ApplicationView application) {
		return (application.partnershipId() != null) ? this.directory.leadAuthorityOf(application.partnershipId())
				: Optional.empty();
	}

	/** What the applicant said of their organisation, as the register keeps it. */
	static OrganisationDetails detailsOf(ApplicationView application) {
		return new OrganisationDetails(application.organisationName(), application.organisationType(),
				application.charityNumber(), application.companyNumber(), null, application.organisationAddress(), null,
				application.contactName(), application.contactEmail(), null);
	}

}
