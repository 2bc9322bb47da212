package uk.opcc.cspgrants.grants;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A grant to an organisation as the grants schedule lists it, read in one query.
 *
 * @param id the grant's id
 * @param year its financial year
 * @param organisationId the recipient
 * @param organisationName the recipient's name
 * @param initiative what it is for
 * @param themeName the Police and Crime Plan theme
 * @param streamName the funding stream it is paid from
 * @param route the purchasing route, by name
 * @param amount the amount
 * @param paid what has been recorded paid
 * @param inKind whether it is given in kind
 * @param decisionReference the decision record that made it
 */
public record OrganisationGrantSummary(long id, FinancialYear year, long organisationId, String organisationName,
		String initiative, String themeName, String streamName, String route, Money amount, Money paid, boolean inKind,
		String decisionReference) {

	public String routeWords() {
		return RouteWords.of(this.route);
	}

}
