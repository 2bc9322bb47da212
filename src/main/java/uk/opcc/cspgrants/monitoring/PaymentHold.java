package uk.opcc.cspgrants.monitoring;

import java.time.Instant;
import java.time.LocalDate;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A partnership's payments held because a return is overdue by the year's hold days,
 * until an officer releases the hold with a reason.
 *
 * @param id the hold
 * @param partnershipId the partnership
 * @param code its short code
 * @param name its name
 * @param year the year of the overdue return
 * @param quarter the quarter of the overdue return
 * @param placedOn the working day it was placed
 * @param reason why, in words
 * @param releasedAt when it was released, or null while it holds
 * @param releasedBy who released it (their name)
 * @param releaseReason why it was released
 * @param version for releasing it once
 */
public record PaymentHold(long id, long partnershipId, String code, String name, FinancialYear year, Quarter quarter,
		LocalDate placedOn, String reason, Instant releasedAt, String releasedBy, String releaseReason, long version) {

	public boolean active() {
		return this.releasedAt == null;
	}

	/** The quarter of the overdue return in words: "April to June 2024". */
	public String quarterWords() {
		return ReturnNotices.quarterWords(this.year, this.quarter);
	}

}
