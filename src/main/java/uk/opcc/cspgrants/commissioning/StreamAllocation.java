package uk.opcc.cspgrants.commissioning;

import uk.opcc.cspgrants.shared.Money;

/**
 * What is allocated from one funding stream: its counted award lines (a line another
 * replaces is not counted) and the pots of the approved formula runs drawn on it.
 *
 * @param streamId the stream
 * @param awardLines the counted award lines' periods added up
 * @param formulaPots the pots of approved formula runs linked to the stream
 */
public record StreamAllocation(long streamId, Money awardLines, Money formulaPots) {

	public static StreamAllocation none(long streamId) {
		return new StreamAllocation(streamId, Money.ZERO, Money.ZERO);
	}

	public Money total() {
		return this.awardLines.plus(this.formulaPots);
	}

	/** "award lines £1.00 and formula pots £2.00". */
	public String words() {
		return "award lines " + this.awardLines.format() + " and formula pots " + this.formulaPots.format();
	}

}
