package uk.opcc.cspgrants.grants;

import java.time.LocalDate;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A payment of a grant, recorded as paid.
 *
 * @param grantId the grant
 * @param quarter the quarter whose accepted return it follows, or {@code null} for the
 * annual payment in advance
 * @param amount the money paid
 * @param paidOn the date it was paid
 * @param reference finance's payment reference
 */
public record Payment(long grantId, Quarter quarter, Money amount, LocalDate paidOn, String reference) {
}
