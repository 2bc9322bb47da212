package uk.opcc.cspgrants.underspend;

import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * An officer's redistribution proposal.
 *
 * @param sourceYear the closed year whose underspend is redistributed
 * @param pot the pot; {@code null} for the year's returned underspend
 * @param potReason why the pot is another amount, when it is
 * @param topSliceBudget the top-slice budget a balance line takes the rest of;
 * {@code null} when no line takes the balance
 * @param topSlices the named top-slices; at most one takes the balance
 * @param formulaVersionId the formula that splits the remainder
 * @param windowEnd the last year of indicator data; by default the source year
 * @param partnershipGroupId the saved group whose active partnerships share the
 * remainder; {@code null} for every active partnership
 */
public record RedistributionRequest(FinancialYear sourceYear, Money pot, String potReason, Money topSliceBudget,
		List<TopSlice> topSlices, Long formulaVersionId, FinancialYear windowEnd, Long partnershipGroupId) {

	public RedistributionRequest {
		topSlices = (topSlices == null) ? List.of() : List.copyOf(topSlices);
	}

	/** The remainder shared by every active partnership. */
	public RedistributionRequest(FinancialYear sourceYear, Money pot, String potReason, Money topSliceBudget,
			List<TopSlice> topSlices, Long formulaVersionId, FinancialYear windowEnd) {
		this(sourceYear, pot, potReason, topSliceBudget, topSlices, formulaVersionId, windowEnd, null);
	}

}
