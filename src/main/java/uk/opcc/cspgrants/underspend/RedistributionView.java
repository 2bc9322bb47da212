package uk.opcc.cspgrants.underspend;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A redistribution proposal and its live summary.
 *
 * @param id its number
 * @param sourceYear the year whose underspend it uses
 * @param pot the pot
 * @param potReason why the pot differs from the returned underspend, if it does
 * @param topSliceBudget the top-slice budget, if a line takes its balance
 * @param topSlices the top-slices, with the balance line's amount worked out
 * @param status draft, approved, supported or not supported
 * @param run the formula run that splits the remainder
 * @param decisionReference the decision record drafted on approval
 * @param createdBy who proposed it
 * @param approvedBy who approved it
 * @param newTotals each partnership's total for the next year with this money
 * @param version for optimistic locking
 */
public record RedistributionView(long id, FinancialYear sourceYear, Money pot, String potReason, Money topSliceBudget,
		List<TopSlice> topSlices, Status status, RunView run, String decisionReference, String createdBy,
		String approvedBy, List<NewTotal> newTotals, long version) {

	@JsonProperty
	public Money topSliced() {
		return this.topSlices.stream().map(TopSlice::amount).reduce(Money.ZERO, Money::plus);
	}

	@JsonProperty
	public Money remainder() {
		return this.pot.minus(topSliced());
	}

	/** Top-slices, remainder split, and the pot: do they reconcile to the penny? */
	@JsonProperty
	public boolean reconciles() {
		return this.run != null && topSliced().plus(this.run.total()).equals(this.pot);
	}

	/**
	 * "Every area achieves the highest level of funding to date": true when every new
	 * total is a record.
	 */
	@JsonProperty
	public boolean everyAreaAtItsHighest() {
		return !this.newTotals.isEmpty() && this.newTotals.stream().allMatch(NewTotal::highestToDate);
	}

	/** Where a proposal is. */
	public enum Status {

		DRAFT("Draft: awaiting finance"), APPROVED("Approved: awaiting the Commissioner's decision"),
		SUPPORTED("Supported"), NOT_SUPPORTED("Not supported: can be revised");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * A partnership's funding next year with the additional allocation.
	 *
	 * @param name the partnership
	 * @param before its total available next year before this money
	 * @param additional this proposal's allocation to it
	 * @param highestBefore its highest total available in any earlier year
	 * @param highestToDate whether the new total beats every earlier year
	 */
	public record NewTotal(String name, Money before, Money additional, Money highestBefore, boolean highestToDate) {

		public Money after() {
			return this.before.plus(this.additional);
		}

	}

}
