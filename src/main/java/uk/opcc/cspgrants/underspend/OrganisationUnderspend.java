package uk.opcc.cspgrants.underspend;

import java.util.List;

import uk.opcc.cspgrants.monitoring.OrganisationYearEnd;
import uk.opcc.cspgrants.shared.Money;

/**
 * The year end of the grants to organisations, shown read-only beside the CSPs': each
 * grant paid in money (grants in kind are left out: nothing was paid, so nothing is
 * under-spent) with its amount, the spend to date of its accepted Q4 return and the
 * difference. The totals add only what is known: a grant whose Q4 return is not accepted
 * yet is counted among {@link #waiting()}, never guessed.
 *
 * @param rows the grants paid in money, by recipient
 * @param inKind how many grants in kind were left out
 */
public record OrganisationUnderspend(List<OrganisationYearEnd> rows, int inKind) {

	static OrganisationUnderspend of(List<OrganisationYearEnd> grants) {
		List<OrganisationYearEnd> paid = grants.stream().filter(OrganisationYearEnd::counts).toList();
		return new OrganisationUnderspend(paid, grants.size() - paid.size());
	}

	/** Every grant paid in money. */
	public Money totalAmount() {
		return this.rows.stream().map(OrganisationYearEnd::amount).reduce(Money.ZERO, Money::plus);
	}

	/** The final spend of the grants whose Q4 return is accepted. */
	public Money totalSpend() {
		return this.rows.stream()
			.filter(OrganisationYearEnd::known)
			.map(OrganisationYearEnd::finalSpend)
			.reduce(Money.ZERO, Money::plus);
	}

	/** The underspend of the grants whose Q4 return is accepted. */
	public Money totalUnderspend() {
		return this.rows.stream()
			.filter(OrganisationYearEnd::known)
			.map(OrganisationYearEnd::underspend)
			.reduce(Money.ZERO, Money::plus);
	}

	/** How many grants have no accepted Q4 return yet. */
	public long waiting() {
		return this.rows.stream().filter((row) -> !row.known()).count();
	}

	public boolean isEmpty() {
		return this.rows.isEmpty() && this.inKind == 0;
	}

}
