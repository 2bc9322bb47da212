package uk.opcc.cspgrants.monitoring;

import uk.opcc.cspgrants.shared.Money;

/**
 * A grant to an organisation at the year end: its amount less the spend to date of its
 * last accepted Q4 return. Without an accepted Q4 return the underspend is not known yet
 * ({@code null}), never guessed from an earlier quarter; a grant given in kind has no
 * underspend and is left out by {@link #counts}.
 *
 * @param grantId the grant
 * @param organisationId the recipient
 * @param organisationName the recipient's name
 * @param initiative what the grant is for
 * @param amount the grant's amount
 * @param inKind whether it is given in kind
 * @param finalSpend the spend to date of the accepted Q4 return, or {@code null}
 * @param underspend amount less final spend (negative when overspent), or {@code null}
 */
public record OrganisationYearEnd(long grantId, long organisationId, String organisationName, String initiative,
		Money amount, boolean inKind, Money finalSpend, Money underspend) {

	/** The year end of a grant from its Q4 return as it stands. */
	static OrganisationYearEnd of(OrganisationReturnView q4) {
		Money spend = (q4.status() == ReturnStatus.ACCEPTED) ? q4.spendToDate() : null;
		return new OrganisationYearEnd(q4.grantId(), q4.organisationId(), q4.organisationName(), q4.initiative(),
				q4.grantAmount(), q4.inKind(), spend, (spend != null) ? q4.grantAmount().minus(spend) : null);
	}

	/** Whether it counts in the year's underspend: not in kind. */
	public boolean counts() {
		return !this.inKind;
	}

	public boolean known() {
		return this.underspend != null;
	}

	public boolean overspent() {
		return this.underspend != null && this.underspend.isNegative();
	}

}
