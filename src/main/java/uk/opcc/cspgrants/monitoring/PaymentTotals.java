package uk.opcc.cspgrants.monitoring;

import java.util.List;
import java.util.function.Function;

import uk.opcc.cspgrants.shared.Money;

/**
 * The payments of a year added up over the partnerships shown: the grand total of each
 * partnership's total available, paid, due now and outstanding (not paid yet).
 *
 * @param schedules each partnership's payments
 */
public record PaymentTotals(List<PaymentSchedule> schedules) {

	public PaymentTotals {
		schedules = List.copyOf(schedules);
	}

	public Money totalAvailable() {
		return sum(PaymentSchedule::totalAvailable);
	}

	public Money paid() {
		return sum(PaymentSchedule::paid);
	}

	public Money due() {
		return sum(PaymentSchedule::due);
	}

	public Money outstanding() {
		return sum(PaymentSchedule::outstanding);
	}

	private Money sum(Function<PaymentSchedule, Money> amount) {
		return this.schedules.stream().map(amount).reduce(Money.ZERO, Money::plus);
	}

}
