package uk.opcc.cspgrants.rounds.applying;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.organisations.OrganisationIdentifier;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The "Your organisation" page as typed: its name, what kind of body it is, its charity
 * or company number (a charity gives its charity number, a company or community interest
 * company its company number) and its address.
 */
record OrganisationForm(String name, String type, String charityNumber, String companyNumber, String address,
		Long version) {

	static OrganisationForm of(ApplicationView application) {
		return new OrganisationForm(text(application.organisationName()),
				(application.organisationType() != null) ? application.organisationType().name() : "",
				text(application.charityNumber()), text(application.companyNumber()),
				text(application.organisationAddress()), application.version());
	}

	OrganisationForm withVersion(long now) {
		return new OrganisationForm(this.name, this.type, this.charityNumber, this.companyNumber, this.address, now);
	}

	/** The answers typed, or every refusal of them, field by field. */
	Answers.Organisation answers() {
		Map<String, String> errors = new LinkedHashMap<>();
		String typedName = Text.required(this.name, "name", "Enter the name of your organisation", 200, errors);
		OrganisationType kind = null;
		try {
			kind = OrganisationType.valueOf((this.type != null) ? this.type : "");
		}
		catch (IllegalArgumentException unknown) {
			errors.put("type", "Select what kind of organisation it is");
		}
		String charity = Text.field(() -> OrganisationIdentifier.charityNumber(this.charityNumber), errors);
		String company = Text.field(() -> OrganisationIdentifier.companyNumber(this.companyNumber), errors);
		if (kind == OrganisationType.CHARITY && charity == null && !errors.containsKey("charityNumber")) {
			errors.put("charityNumber", "Enter your charity number, as the Charity Commission or OSCR registers it");
		}
		if ((kind == OrganisationType.COMPANY || kind == OrganisationType.CIC) && company == null
				&& !errors.containsKey("companyNumber")) {
			errors.put("companyNumber", "Enter your company number, as Companies House registers it");
		}
		String typedAddress = Text.required(this.address, "address", "Enter your organisation's address", 1000, errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Answers.Organisation(typedName, kind, charity, company, typedAddress);
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

}
