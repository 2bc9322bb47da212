package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;

import uk.opcc.cspgrants.shared.Money;

/**
 * A committed award a decision record made outside the schedule's own decision (a grant
 * round's award to one application), to be added to the year's schedule as a line that
 * already has its grant.
 *
 * @param originRef what the line comes from, once in any schedule
 * ({@code round-application:42})
 * @param organisationId the recipient
 * @param partnershipId the Community Safety Partnership, for a CSP's business case (paid
 * to its lead authority, the recipient)
 * @param initiative what the money is for
 * @param streamId the funding stream it is paid from
 * @param themeId the Police and Crime Plan theme it links to
 * @param route the purchasing route ({@link PurchasingRoute#PCC_GRANT} for a grant round)
 * @param roundRef the grant round's reference
 * @param businessCaseRef the business case, for a CSP business case round
 * @param comments what the schedule shows in its comments
 * @param startsOn the period's first day
 * @param endsOn its last day
 * @param amount the amount awarded
 */
public record DecidedLine(String originRef, long organisationId, Long partnershipId, String initiative, long streamId,
		long themeId, PurchasingRoute route, String roundRef, String businessCaseRef, String comments,
		LocalDate startsOn, LocalDate endsOn, Money amount) {
}
