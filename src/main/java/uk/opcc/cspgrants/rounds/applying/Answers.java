package uk.opcc.cspgrants.rounds.applying;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.shared.Money;

/**
 * The answers of an application's tasks, checked (by the forms that make them) before an
 * application takes them.
 */
final class Answers {

	private Answers() {
	}

	/** Who applies: the organisation and the register numbers that identify it. */
	record Organisation(String name, OrganisationType type, String charityNumber, String companyNumber,
			String address) {
	}

	/**
	 * The Community Safety Partnership a business case comes from, and its lead authority
	 * (the organisation the grant is paid to).
	 */
	record Partnership(long partnershipId, String partnershipName, Organisation leadAuthority) {
	}

	/** Who the OPCC talks to about the application. */
	record Contact(String name, String role, String email, String phone) {
	}

	/** What the money is for. */
	record Project(String title, String summary, long themeId, LocalDate startsOn, LocalDate endsOn) {
	}

	/** How much is asked for, line by line; the lines add up to the amount. */
	record Funding(Money amount, List<BudgetLine> lines) {

		Funding {
			lines = List.copyOf(lines);
		}

	}

}
