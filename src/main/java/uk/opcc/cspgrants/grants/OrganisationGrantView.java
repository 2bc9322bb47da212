package uk.opcc.cspgrants.grants;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A grant to an organisation, made from one committed award line of a decided schedule.
 *
 * @param id the grant's id
 * @param organisationId the recipient
 * @param organisationName the recipient's name
 * @param organisationIdentifier the recipient's 360Giving identifier
 * @param partnershipId the CSP it is for, when paid to a CSP's lead authority
 * @param year its financial year
 * @param awardLineId the award line it was made from
 * @param initiative what it is for
 * @param amount the amount
 * @param streamId the funding stream it is paid from
 * @param themeId the Police and Crime Plan theme it links to
 * @param route the purchasing route, by name ({@code PCC_GRANT})
 * @param inKind whether it is given in kind rather than paid
 * @param decisionReference the decision record that made it
 * @param version the version read, for a change
 * @param payments its payments, one per period
 */
public record OrganisationGrantView(long id, long organisationId, String organisationName,
		String organisationIdentifier, Long partnershipId, FinancialYear year, long awardLineId, String initiative,
		Money amount, long streamId, long themeId, String route, boolean inKind, String decisionReference, long version,
		List<Payment> payments) {

	public OrganisationGrantView {
		payments = List.copyOf(payments);
	}

	public Money paid() {
		return this.payments.stream()
			.filter((payment) -> payment.paidOn() != null)
			.map(Payment::amount)
			.reduce(Money.ZERO, Money::plus);
	}

	/** The grants' amounts added up, in kind included: a table's total row. */
	public static Money totalAmount(List<OrganisationGrantView> grants) {
		return grants.stream().map(OrganisationGrantView::amount).reduce(Money.ZERO, Money::plus);
	}

	/** What has been paid of the grants, added up. */
	public static Money totalPaid(List<OrganisationGrantView> grants) {
		return grants.stream().map(OrganisationGrantView::paid).reduce(Money.ZERO, Money::plus);
	}

	/**
	 * The payment of a period.
	 *
	 * @param id the payment's id
	 * @param startsOn the period's first day
	 * @param endsOn the period's last day
	 * @param amount the amount
	 * @param paidOn when finance recorded it paid, if it has been
	 * @param reference finance's reference
	 * @param version the version read, for a change
	 */
	public record Payment(long id, LocalDate startsOn, LocalDate endsOn, Money amount, LocalDate paidOn,
			String reference, long version) {
	}

}
