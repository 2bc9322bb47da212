package uk.opcc.cspgrants.rounds.applying;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The checks the service makes of a submitted application for the officer who decides
 * whether it is eligible: the amount within the round's awards, the register number its
 * kind of organisation has, the documents its kind must send, the project within the
 * round's year, and no other application in the round from the same organisation (by
 * charity number, company number or name); for a CSP's business case, the partnership
 * instead of the register, and its other business cases named. They advise; the officer
 * decides, and says why when deciding against a failed check. Plain Java.
 */
public final class EligibilityChecks {

	private EligibilityChecks() {
	}

	public static List<EligibilityCheck> of(RoundView round, ApplicationView application,
			List<ApplyingOrganisation> others) {
		List<EligibilityCheck> checks = new ArrayList<>();
		checks.add(amount(round, application));
		checks.add(application.businessCase() ? partnership(application) : register(application));
		checks.add(documents(application));
		checks.add(dates(round.year(), application));
		checks.add(application.businessCase() ? partnershipCases(application, others)
				: oneApplication(application, others));
		return checks;
	}

	private static EligibilityCheck amount(RoundView round, ApplicationView application) {
		String question = "Asks for an amount within the round's awards (" + round.minAward().format() + " to "
				+ round.maxAward().format() + ")";
		boolean within = application.amountRequested().compareTo(round.minAward()) >= 0
				&& application.amountRequested().compareTo(round.maxAward()) <= 0;
		return new EligibilityCheck(question,
				within ? EligibilityCheck.Outcome.PASSED : EligibilityCheck.Outcome.FAILED,
				"Asks for " + application.amountRequested().format());
	}

	private static EligibilityCheck register(ApplicationView application) {
		String question = "Gives the register number of its kind of organisation";
		OrganisationType type = application.organisationType();
		if (type == OrganisationType.CHARITY) {
			return registered(question, application.charityNumber(), "Charity number ",
					": check it on the Charity Commission's register");
		}
		if (type == OrganisationType.COMPANY || type == OrganisationType.CIC) {
			return registered(question, application.companyNumber(), "Company number ",
					": check it on the Companies House register");
		}
		return new EligibilityCheck(question, EligibilityCheck.Outcome.TO_CHECK,
				type.label() + ", not on a register the service checks: check its governing document");
	}

	private static EligibilityCheck partnership(ApplicationView application) {
		String question = "Comes from a Community Safety Partnership of the force area";
		return (application.partnershipName() == null)
				? new EligibilityCheck(question, EligibilityCheck.Outcome.FAILED, "No partnership chosen")
				: new EligibilityCheck(question, EligibilityCheck.Outcome.TO_CHECK,
						application.partnershipName() + ", paid through its lead authority, "
								+ application.organisationName()
								+ ": check that the contact works for the partnership");
	}

	/**
	 * A partnership may send several business cases, one per initiative: the others are
	 * named for the officer to read together.
	 */
	private static EligibilityCheck partnershipCases(ApplicationView application, List<ApplyingOrganisation> others) {
		ApplyingOrganisation applying = ApplyingOrganisation.of(application);
		List<String> same = others.stream()
			.filter(other -> other.applicationId() != application.id() && applying.samePartnership(other))
			.map(ApplyingOrganisation::reference)
			.toList();
		return new EligibilityCheck("The partnership's other business cases in the round",
				EligibilityCheck.Outcome.PASSED, same.isEmpty() ? "None: it is the partnership's only business case"
						: "The partnership also sent " + String.join(", ", same) + ": read them together");
	}

	private static EligibilityCheck registered(String question, String number, String what, String then) {
		return (number == null)
				? new EligibilityCheck(question, EligibilityCheck.Outcome.FAILED,
						"No " + what.toLowerCase(Locale.UK).strip() + " given")
				: new EligibilityCheck(question, EligibilityCheck.Outcome.PASSED, what + number + then);
	}

	private static EligibilityCheck documents(ApplicationView application) {
		String question = "Sent the documents its kind of organisation must send";
		if (application.missingDocuments().isEmpty()) {
			return new EligibilityCheck(question, EligibilityCheck.Outcome.PASSED, application.documents().size()
					+ (application.documents().size() == 1 ? " file" : " files") + " sent");
		}
		return new EligibilityCheck(question, EligibilityCheck.Outcome.FAILED, "Missing: "
				+ String.join(", ", application.missingDocuments().stream().map(DocumentKind::label).toList()));
	}

	private static EligibilityCheck dates(FinancialYear year, ApplicationView application) {
		String question = "Runs within the round's year (" + Dates.day(year.startDate()) + " to "
				+ Dates.day(year.endDate()) + ")";
		String runs = "Runs " + Dates.day(application.startsOn()) + " to " + Dates.day(application.endsOn());
		boolean within = !application.startsOn().isBefore(year.startDate())
				&& !application.endsOn().isAfter(year.endDate());
		return new EligibilityCheck(question,
				within ? EligibilityCheck.Outcome.PASSED : EligibilityCheck.Outcome.TO_CHECK,
				within ? runs : runs + ": the round pays only for what is done in its year");
	}

	private static EligibilityCheck oneApplication(ApplicationView application, List<ApplyingOrganisation> others) {
		String question = "Is the organisation's only application to the round";
		ApplyingOrganisation applying = ApplyingOrganisation.of(application);
		List<String> same = others.stream()
			.filter(other -> other.applicationId() != application.id() && applying.sameAs(other))
			.map(ApplyingOrganisation::reference)
			.toList();
		return same.isEmpty()
				? new EligibilityCheck(question, EligibilityCheck.Outcome.PASSED, "No other application from it")
				: new EligibilityCheck(question, EligibilityCheck.Outcome.TO_CHECK,
						"The same organisation also sent " + String.join(", ", same));
	}

}
