package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.Money;

/**
 * A line of an award schedule: one award to one recipient for one initiative, with its
 * amounts per period.
 *
 * @param id the line's id
 * @param position its place in the schedule
 * @param section the heading it sits under in the spreadsheet, if any
 * @param organisationId the recipient
 * @param organisationName the recipient's name
 * @param organisationIdentifier the recipient's 360Giving identifier
 * @param partnershipId the CSP the award is for, when it is paid to a CSP's lead
 * authority
 * @param initiative what the money is for
 * @param status committed, indicative or a new funding stream
 * @param streamId the stream it is paid from
 * @param streamName that stream's name
 * @param themeId the Police and Crime Plan theme it links to
 * @param themeName that theme's name
 * @param route the purchasing route
 * @param businessCaseRef the CSP business case, for co-commissioning with a CSP
 * @param contractRef the contract, for co-commissioning under contract
 * @param roundRef the grant round, for a PCC Grant
 * @param inKind whether it is given in kind rather than paid
 * @param comments the schedule's comments
 * @param replacesLineId the line this one replaces, if any
 * @param replacedByLineId the line that replaces this one, if any (then this one is not
 * counted)
 * @param decidedBy the decision record that made the line from a grant round, if one did
 * (then it already has its grant and never changes)
 * @param periods its amounts per period
 */
public record AwardLineView(long id, int position, String section, long organisationId, String organisationName,
		String organisationIdentifier, Long partnershipId, String initiative, LineStatus status, long streamId,
		String streamName, long themeId, String themeName, PurchasingRoute route, String businessCaseRef,
		String contractRef, String roundRef, boolean inKind, String comments, Long replacesLineId,
		Long replacedByLineId, String decidedBy, List<Period> periods) {

	public AwardLineView {
		periods = List.copyOf(periods);
	}

	/** Every period added up. */
	public Money total() {
		return this.periods.stream().map(Period::amount).reduce(Money.ZERO, Money::plus);
	}

	/** Whether the line counts in the schedule's totals: a replaced line never does. */
	public boolean counted() {
		return this.replacedByLineId == null;
	}

	/**
	 * An amount for a period.
	 *
	 * @param position the period's place in the line
	 * @param startsOn its first day
	 * @param endsOn its last day
	 * @param amount the amount
	 */
	public record Period(int position, LocalDate startsOn, LocalDate endsOn, Money amount) {
	}

}
