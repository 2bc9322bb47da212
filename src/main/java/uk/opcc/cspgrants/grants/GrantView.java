package uk.opcc.cspgrants.grants;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A partnership's grant for a year.
 *
 * @param id the grant's id
 * @param partnershipId the partnership
 * @param code its short code
 * @param name its name
 * @param year the financial year
 * @param lines where the money comes from
 * @param carryForward carried forward from the previous year
 * @param carryForwardNote why, or how it was worked out
 * @param version for optimistic locking
 */
public record GrantView(long id, long partnershipId, String code, String name, FinancialYear year, List<Line> lines,
		Money carryForward, String carryForwardNote, long version) {

	/** The allocations: every line added up. */
	@JsonProperty
	public Money allocation() {
		return this.lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus);
	}

	/** Allocation plus carry forward. */
	@JsonProperty
	public Money totalAvailable() {
		return allocation().plus(this.carryForward);
	}

	/**
	 * One source of a grant's money.
	 *
	 * @param source formula run, redistribution or historic
	 * @param amount the money
	 * @param runId the formula run it came from, if any
	 * @param note a note, e.g. for a historic allocation
	 * @param createdAt when it was added
	 * @param createdBy who added it
	 */
	public record Line(Source source, Money amount, Long runId, String note, Instant createdAt, String createdBy) {
	}

	/** Where a grant line's money comes from. */
	public enum Source {

		FORMULA_RUN("Allocation from formula run"), REDISTRIBUTION("Additional allocation (redistribution)"),
		HISTORIC("Allocation entered by hand");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
