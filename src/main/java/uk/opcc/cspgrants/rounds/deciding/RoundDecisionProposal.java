package uk.opcc.cspgrants.rounds.deciding;

import java.util.List;

import uk.opcc.cspgrants.decision.AttachedTable;
import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.Money;

/**
 * The decision record a round at the panel would be drafted as, for the officer's check
 * page and the API.
 *
 * @param round the round
 * @param funded how many applications the panel recommends funding
 * @param total what they are awarded, added up
 * @param draft the record's words
 * @param table the table attached to it
 * @param missing what stops the round being put to a decision now; empty when nothing
 * @param sentBackRecord the draft record the round was sent back in, which it goes back
 * to, if any
 */
public record RoundDecisionProposal(RoundView round, int funded, Money total, DecisionDraft draft, AttachedTable table,
		List<String> missing, String sentBackRecord) {

	public RoundDecisionProposal {
		missing = List.copyOf(missing);
	}

	/** True when the round can be put to a decision now. */
	public boolean ready() {
		return this.missing.isEmpty();
	}

}
