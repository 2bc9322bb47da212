package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.Money;

/**
 * A line as an officer enters it or an import reads it.
 *
 * @param section the heading it sits under, if any
 * @param organisationId the recipient
 * @param partnershipId the CSP the award is for, if it is one
 * @param initiative what the money is for
 * @param status committed, indicative or a new funding stream
 * @param streamId the stream it is paid from
 * @param themeId the theme it links to
 * @param route the purchasing route
 * @param businessCaseRef the CSP business case, if any
 * @param contractRef the contract, if any
 * @param roundRef the grant round, if any
 * @param inKind whether it is given in kind
 * @param comments comments
 * @param replacesLineId the line it replaces, if any (an import gives
 * {@code replacesPosition} instead)
 * @param replacesPosition the position, in the same import, of the line it replaces, if
 * any
 * @param periods its amounts per period
 */
public record AwardLineDraft(String section, Long organisationId, Long partnershipId, String initiative,
		LineStatus status, Long streamId, Long themeId, PurchasingRoute route, String businessCaseRef,
		String contractRef, String roundRef, boolean inKind, String comments, Long replacesLineId,
		Integer replacesPosition, List<PeriodDraft> periods) {

	public AwardLineDraft {
		periods = (periods == null) ? List.of() : List.copyOf(periods);
	}

	/**
	 * An amount for a period.
	 *
	 * @param startsOn its first day
	 * @param endsOn its last day
	 * @param amount the amount
	 */
	public record PeriodDraft(LocalDate startsOn, LocalDate endsOn, Money amount) {
	}

}
