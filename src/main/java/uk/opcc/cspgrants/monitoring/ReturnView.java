package uk.opcc.cspgrants.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A quarterly return as saved, with what it flags.
 *
 * @param id the return's id, or 0 for one not started
 * @param partnershipId the partnership
 * @param code its short code
 * @param name its name
 * @param year the financial year
 * @param quarter the quarter
 * @param status draft, submitted, accepted or returned for correction
 * @param details the figures, activities and comments
 * @param statusReason why it was returned for correction or re-opened
 * @param totalAvailable the partnership's total available this year
 * @param dueDate when the return is due
 * @param updatedAt when it last changed
 * @param updatedBy who changed it
 * @param acceptedBy who accepted it
 */
public record ReturnView(long id, long partnershipId, String code, String name, FinancialYear year, Quarter quarter,
		ReturnStatus status, ReturnDetails details, String statusReason, Money totalAvailable, LocalDate dueDate,
		Instant updatedAt, String updatedBy, String acceptedBy) {

	public boolean started() {
		return this.id != 0;
	}

	public long version() {
		return (this.details.version() != null) ? this.details.version() : 0;
	}

	/**
	 * What an officer should look at: over-commitment, overspend, activities that do not
	 * add up.
	 */
	public List<String> flags() {
		List<String> flags = new ArrayList<>();
		if (!started()) {
			return flags;
		}
		Money planned = this.details.plannedAllocation();
		Money spend = this.details.cumulativeSpend();
		if (planned.isGreaterThan(this.totalAvailable)) {
			flags.add("Planned allocation is " + planned.minus(this.totalAvailable).format()
					+ " more than the total available of " + this.totalAvailable.format());
		}
		if (spend.isGreaterThan(this.totalAvailable)) {
			flags.add("Spend is " + spend.minus(this.totalAvailable).format() + " more than the total available of "
					+ this.totalAvailable.format());
		}
		if (!this.details.activities().isEmpty()) {
			Money activityPlanned = this.details.activities()
				.stream()
				.map(ReturnDetails.Activity::planned)
				.reduce(Money.ZERO, Money::plus);
			Money activitySpend = this.details.activities()
				.stream()
				.map(ReturnDetails.Activity::spend)
				.reduce(Money.ZERO, Money::plus);
			if (!activityPlanned.equals(planned)) {
				flags.add("The activities plan " + activityPlanned.format() + " but the planned allocation is "
						+ planned.format());
			}
			if (!activitySpend.equals(spend)) {
				flags.add("The activities' spend adds up to " + activitySpend.format() + " but the cumulative spend is "
						+ spend.format());
			}
		}
		return flags;
	}

}
