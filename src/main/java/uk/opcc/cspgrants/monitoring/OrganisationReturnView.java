package uk.opcc.cspgrants.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A quarterly return for a grant to an organisation, as pages, the API and the year end
 * see it; an empty draft (id 0) when it has not been started.
 *
 * @param id the return's id, 0 when not started
 * @param grantId the grant it reports on
 * @param organisationId the recipient
 * @param organisationName the recipient's name
 * @param initiative what the grant is for
 * @param year the grant's financial year
 * @param quarter the quarter reported
 * @param status where the return is
 * @param grantAmount the grant's amount
 * @param inKind whether the grant is given in kind
 * @param spendToDate spend from the start of the year to the end of the quarter
 * @param outcomes what was achieved
 * @param comments anything else
 * @param statusReason why it was returned for correction or re-opened
 * @param dueDate when it is due
 * @param updatedAt when it last changed, or {@code null}
 * @param submittedBy who submitted it, by name
 * @param acceptedBy who accepted it, by name
 * @param version its version, for a change
 */
public record OrganisationReturnView(long id, long grantId, long organisationId, String organisationName,
		String initiative, FinancialYear year, Quarter quarter, ReturnStatus status, Money grantAmount, boolean inKind,
		Money spendToDate, String outcomes, String comments, String statusReason, LocalDate dueDate, Instant updatedAt,
		String submittedBy, String acceptedBy, long version) {

	public boolean started() {
		return this.id != 0;
	}

	/**
	 * Not sent by its due date: a draft (one not started is an empty draft) or returned
	 * for correction, and the due date before {@code today}.
	 */
	public boolean overdueOn(LocalDate today) {
		boolean notSent = this.status == ReturnStatus.DRAFT || this.status == ReturnStatus.RETURNED;
		return notSent && this.dueDate.isBefore(today);
	}

	/** What an officer should look at before accepting it. */
	public List<String> flags() {
		List<String> flags = new ArrayList<>();
		if (this.spendToDate.isGreaterThan(this.grantAmount)) {
			flags.add("Spend to date (" + this.spendToDate.format() + ") is above the grant ("
					+ this.grantAmount.format() + ") by " + this.spendToDate.minus(this.grantAmount).format());
		}
		return flags;
	}

	/** The grant's amount not yet spent, by this return's figures. */
	public Money remaining() {
		return this.grantAmount.minus(this.spendToDate);
	}

}
