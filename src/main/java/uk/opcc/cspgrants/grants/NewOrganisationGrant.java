package uk.opcc.cspgrants.grants;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A grant to an organisation to be made from a committed award line of a schedule decided
 * Supported.
 *
 * @param organisationId the recipient
 * @param partnershipId the CSP it is for, when paid to a CSP's lead authority
 * @param year its financial year
 * @param awardLineId the award line it is made from (one grant per line)
 * @param initiative what it is for
 * @param amount the amount
 * @param streamId the funding stream it is paid from
 * @param themeId the Police and Crime Plan theme it links to
 * @param route the purchasing route, by name ({@code PCC_GRANT})
 * @param inKind whether it is given in kind: then it has no payments
 * @param decisionReference the decision record that made it
 * @param payments its payments, one per period of the line
 */
public record NewOrganisationGrant(long organisationId, Long partnershipId, FinancialYear year, long awardLineId,
		String initiative, Money amount, long streamId, long themeId, String route, boolean inKind,
		String decisionReference, List<PlannedPayment> payments) {

	public NewOrganisationGrant {
		payments = (payments == null) ? List.of() : List.copyOf(payments);
	}

	/**
	 * A payment of a period.
	 *
	 * @param startsOn the period's first day
	 * @param endsOn its last day
	 * @param amount the amount
	 */
	public record PlannedPayment(LocalDate startsOn, LocalDate endsOn, Money amount) {
	}

}
