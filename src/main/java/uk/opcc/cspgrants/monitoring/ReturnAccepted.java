package uk.opcc.cspgrants.monitoring;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A quarterly return was accepted: paid quarterly in arrears, its payment falls due.
 * Published inside the accepting transaction.
 *
 * @param year the year
 * @param quarter the quarter
 * @param partnershipId the partnership
 * @param code its short code
 * @param name its name
 */
record ReturnAccepted(FinancialYear year, Quarter quarter, long partnershipId, String code, String name) {
}
