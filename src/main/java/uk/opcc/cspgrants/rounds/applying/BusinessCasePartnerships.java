package uk.opcc.cspgrants.rounds.applying;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.organisations.OrganisationDirectory;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.organisations.OrganisationView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The Community Safety Partnerships a business case may come from (those in use), and the
 * lead authority each is paid through: the organisation the register links to the
 * partnership when it does, else the council the partnership's own record names.
 */
@Component
public class BusinessCasePartnerships {

	private final PartnershipManagement partnerships;

	private final OrganisationDirectory organisations;

	BusinessCasePartnerships(PartnershipManagement partnerships, OrganisationDirectory organisations) {
		this.partnerships = partnerships;
		this.organisations = organisations;
	}

	/** The partnerships to choose from, by name. */
	public List<PartnershipView> choices() {
		return this.partnerships.all().stream().filter(PartnershipView::active).toList();
	}

	/**
	 * The partnership chosen (its id as typed) with its lead authority as the
	 * application's organisation; refused on the field when it is not one of the choices.
	 */
	Answers.Partnership chosen(String typed) {
		long id;
		try {
			id = Long.parseLong((typed != null) ? typed.strip() : "");
		}
		catch (NumberFormatException notChosen) {
			throw new ValidationException("partnershipId", "Select the partnership the business case comes from");
		}
		PartnershipView partnership = this.partnerships.findById(id)
			.filter(PartnershipView::active)
			.orElseThrow(() -> new ValidationException("partnershipId",
					"Select the partnership the business case comes from"));
		return new Answers.Partnership(partnership.id(), partnership.name(), leadAuthority(partnership));
	}

	/** The lead authority of a partnership, as the application's organisation. */
	Answers.Organisation leadAuthority(PartnershipView partnership) {
		Optional<OrganisationView> registered = this.organisations.leadAuthorityOf(partnership.id());
		if (registered.isPresent()) {
			OrganisationView lead = registered.get();
			return new Answers.Organisation(lead.name(), lead.type(), lead.charityNumber(), lead.companyNumber(),
					address(lead.address(), lead.postcode(), partnership));
		}
		return new Answers.Organisation(partnership.leadAuthority(), OrganisationType.LOCAL_AUTHORITY, null, null,
				"The lead authority of " + partnership.name() + " Community Safety Partnership");
	}

	private static String address(String address, String postcode, PartnershipView partnership) {
		if (address == null || address.isBlank()) {
			return "The lead authority of " + partnership.name() + " Community Safety Partnership";
		}
		return (postcode != null && !postcode.isBlank() && !address.contains(postcode)) ? address + "\n" + postcode
				: address;
	}

}
