package uk.opcc.cspgrants.monitoring;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * The grant a return reports on, as the return needs it.
 *
 * @param id the grant's id
 * @param organisationId the recipient
 * @param organisationName the recipient's name
 * @param initiative what it is for
 * @param year its financial year
 * @param amount its amount
 * @param inKind whether it is given in kind
 */
record OrganisationReturnGrant(long id, long organisationId, String organisationName, String initiative,
		FinancialYear year, Money amount, boolean inKind) {
}
