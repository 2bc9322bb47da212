package uk.opcc.cspgrants.commissioning;

import java.time.Instant;

import uk.opcc.cspgrants.shared.Money;

/**
 * One change of a stream's amount, as its history shows it.
 *
 * @param id the change
 * @param streamId the stream
 * @param amountBefore the amount before
 * @param amountAfter the amount after
 * @param reason why
 * @param changedBy who (their name)
 * @param changedAt when
 */
public record StreamChangeView(long id, long streamId, Money amountBefore, Money amountAfter, String reason,
		String changedBy, Instant changedAt) {

	public StreamChange.Direction direction() {
		return this.amountAfter.isGreaterThan(this.amountBefore) ? StreamChange.Direction.TOP_UP
				: StreamChange.Direction.REDUCE;
	}

	/** By how much, always positive. */
	public Money by() {
		Money difference = this.amountAfter.minus(this.amountBefore);
		return difference.isNegative() ? difference.negate() : difference;
	}

}
