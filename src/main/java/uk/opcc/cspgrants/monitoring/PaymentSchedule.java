package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A grant's payments: each instalment paid, due, or not yet due. Paid + due + not yet due
 * is always the grant's total available.
 *
 * @param partnershipId the partnership
 * @param code its short code
 * @param name its name
 * @param totalAvailable the grant's total available
 * @param instalments the payments, in order
 */
public record PaymentSchedule(long partnershipId, String code, String name, Money totalAvailable,
		List<Instalment> instalments) {

	public Money paid() {
		return sum(Status.PAID);
	}

	public Money due() {
		return sum(Status.DUE);
	}

	/** Not paid yet: the total available less what has been paid. */
	public Money outstanding() {
		return this.totalAvailable.minus(paid());
	}

	/** Neither paid nor due yet. */
	public Money remaining() {
		return sum(Status.NOT_YET_DUE);
	}

	private Money sum(Status status) {
		return this.instalments.stream()
			.filter(instalment -> instalment.status() == status)
			.map(Instalment::amount)
			.reduce(Money.ZERO, Money::plus);
	}

	/** Where a payment is. */
	public enum Status {

		PAID("Paid"), DUE("Due"), NOT_YET_DUE("Not yet due");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * One payment.
	 *
	 * @param quarter the quarter whose accepted return it depends on, or {@code null} for
	 * a payment in advance that depends on none
	 * @param amount the money
	 * @param status paid, due or not yet due
	 * @param paidOn the date it was paid
	 * @param reference finance's payment reference
	 */
	public record Instalment(Quarter quarter, Money amount, Status status, LocalDate paidOn, String reference) {

		public String label() {
			return (this.quarter != null) ? this.quarter + " (on the accepted " + this.quarter + " return)"
					: "Annual payment in advance";
		}

	}

}
