package uk.opcc.cspgrants.underspend;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * One partnership's underspend for a year.
 *
 * @param partnershipId the partnership
 * @param code its short code
 * @param name its name
 * @param allocation its allocation
 * @param carryForward its carry forward into the year
 * @param totalAvailable allocation plus carry forward
 * @param finalSpend cumulative spend in its latest received return
 * @param spendQuarter the quarter of that return, or {@code null} when none was received
 * @param underspend total available minus final spend; negative for an overspend
 */
public record UnderspendRow(long partnershipId, String code, String name, Money allocation, Money carryForward,
		Money totalAvailable, Money finalSpend, Quarter spendQuarter, Money underspend) {

	public boolean overspent() {
		return this.underspend.isNegative();
	}

}
