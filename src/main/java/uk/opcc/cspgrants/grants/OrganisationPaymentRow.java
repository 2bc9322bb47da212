package uk.opcc.cspgrants.grants;

import java.time.LocalDate;

import uk.opcc.cspgrants.shared.Money;

/**
 * A payment of a grant to an organisation, as the payments page lists it, read in one
 * query.
 *
 * @param id the payment's id
 * @param grantId its grant
 * @param organisationName the recipient
 * @param initiative what the grant is for
 * @param startsOn the period's first day
 * @param endsOn its last day
 * @param amount the amount
 * @param paidOn when it was recorded paid, if it was
 * @param reference finance's reference, if paid
 * @param recordedBy who recorded it paid, if it was
 * @param version the version read
 */
public record OrganisationPaymentRow(long id, long grantId, String organisationName, String initiative,
		LocalDate startsOn, LocalDate endsOn, Money amount, LocalDate paidOn, String reference, String recordedBy,
		long version) {

	public boolean paid() {
		return this.paidOn != null;
	}

}
