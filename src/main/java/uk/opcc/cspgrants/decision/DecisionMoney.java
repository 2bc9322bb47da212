package uk.opcc.cspgrants.decision;

import java.util.List;

import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.Money;

/**
 * What a Supported decision of a record does, or did, to money: the grant lines of its
 * formula run, one per partnership.
 *
 * @param run the record's formula run, or {@code null} for a record that decides no money
 * @param lines one grant line per partnership, largest first
 * @param total their total
 * @param madeElsewhere the run's grants were already created, not by this record
 * @param madeByThisRecord this record's Supported decision created them
 * @param attached what a Supported decision of what else is attached (an award schedule)
 * does or did, in a sentence, or {@code null}
 */
public record DecisionMoney(RunView run, List<RunView.Line> lines, Money total, boolean madeElsewhere,
		boolean madeByThisRecord, String attached) {

	/**
	 * An underspend redistribution: the lines are added to the next year's grants.
	 */
	public boolean redistribution() {
		return this.run != null && this.run.purpose() == RunPurpose.REDISTRIBUTION;
	}

}
