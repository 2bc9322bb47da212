package uk.opcc.cspgrants.allocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.allocation.formula.IndicatorLine;
import uk.opcc.cspgrants.allocation.formula.Limit;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A formula run as it was frozen: everything needed to explain and reproduce it.
 *
 * @param id the run's number
 * @param year the financial year the money is for
 * @param purpose annual allocation or underspend redistribution
 * @param pot the money split
 * @param formulaVersionId the formula version used, or {@code null} for weights given
 * inline
 * @param formulaLabel the formula's name and version as shown
 * @param window the financial years whose indicators were averaged
 * @param spec the weights, floor and damping used
 * @param baselineSource what the changes are measured against
 * @param note the officer's note
 * @param status draft, approved, superseded or discarded
 * @param createdAt when it was run
 * @param createdBy who ran it
 * @param approvedAt when finance approved it
 * @param approvedBy who approved it
 * @param supersededBy the run that replaced it
 * @param partnershipGroupId the saved group the run covers, or {@code null} for every
 * active partnership
 * @param partnerships the set the run covers as shown when it was made, e.g. "All active
 * partnerships (9)" or "Leicestershire and Rutland districts (8)"
 * @param lines one per partnership of the set, by code
 */
public record RunView(long id, FinancialYear year, RunPurpose purpose, Money pot, Long formulaVersionId,
		String formulaLabel, List<FinancialYear> window, FormulaSpec spec, String baselineSource, String note,
		RunStatus status, Instant createdAt, String createdBy, Instant approvedAt, String approvedBy, Long supersededBy,
		Long partnershipGroupId, String partnerships, List<Line> lines) {

	@JsonProperty
	public Money total() {
		return this.lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus);
	}

	/**
	 * The lines from the largest amount down, ties by name: the allocation table's order.
	 */
	public List<Line> byAmount() {
		return this.lines.stream()
			.sorted(Comparator.comparing(Line::amount).reversed().thenComparing(Line::name))
			.toList();
	}

	public Line line(String code) {
		return this.lines.stream().filter(line -> line.code().equalsIgnoreCase(code)).findFirst().orElse(null);
	}

	/** e.g. "2023-24" or "2021-22 to 2023-24". */
	public String windowLabel() {
		return (this.window.size() == 1) ? this.window.get(0).toString()
				: this.window.get(0) + " to " + this.window.get(this.window.size() - 1);
	}

	public boolean published() {
		return this.status.approvedOnce();
	}

	/**
	 * One partnership's result.
	 *
	 * @param partnershipId the partnership
	 * @param code its short code
	 * @param name its name when the run was made
	 * @param weightedShare the sum of weight times share over the indicators
	 * @param rawAmount pot times weighted share, before floor and damping
	 * @param limit the floor or damping limit that applied, if any
	 * @param adjustedAmount after floor and damping, before rounding to pence
	 * @param amount the allocation, in pounds and pence
	 * @param roundingPenny whether it received a penny left over from rounding
	 * @param baseline what it is compared with (normally last year's allocation), or
	 * {@code null}
	 * @param change amount minus baseline
	 * @param changePercent the change as a percentage of the baseline
	 * @param indicators one line per weighted indicator
	 */
	public record Line(long partnershipId, String code, String name, BigDecimal weightedShare, BigDecimal rawAmount,
			Limit limit, BigDecimal adjustedAmount, Money amount, boolean roundingPenny, Money baseline, Money change,
			BigDecimal changePercent, List<IndicatorLine> indicators) {

		/** Floor and damping together: adjusted minus raw. */
		public BigDecimal adjustment() {
			return this.adjustedAmount.subtract(this.rawAmount);
		}

		/**
		 * What rounding to pence did: amount minus adjusted amount (under a penny either
		 * way).
		 */
		public BigDecimal rounding() {
			return this.amount.amount().subtract(this.adjustedAmount);
		}

	}

}
