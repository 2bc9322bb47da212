package uk.opcc.cspgrants.rounds;

import java.util.Map;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Takes a round for a change: its row locked until the transaction ends, so that the
 * changes of one round take turns, and refused when it changed after the version the user
 * read, naming who changed it and when. Saves it with the database's refusals turned into
 * the user's words.
 */
@Component
class RoundLocks {

	private final GrantRoundRepository repository;

	RoundLocks(GrantRoundRepository repository) {
		this.repository = repository;
	}

	/** The round, locked, if it is still at {@code version}. */
	GrantRound locked(String reference, Long version) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the round you read");
		}
		GrantRound round = locked(reference);
		if (round.getVersion() != version) {
			throw new ConflictException(null,
					round.getReference() + " was changed by " + round.getUpdatedBy() + " on "
							+ Dates.dayAndTime(round.getUpdatedAt())
							+ ", after you opened it. Check the round as it is now and make your change again if it is "
							+ "still needed");
		}
		return round;
	}

	/** The round, locked, whatever its version (for the service's own steps). */
	GrantRound locked(String reference) {
		return this.repository.findLocked(reference)
			.orElseThrow(() -> new NotFoundException("There is no grant round " + reference));
	}

	/** Saves the round now, the database's rules refusing what breaks them. */
	void save(GrantRound round) {
		String reference = round.getReference();
		DatabaseRefusal.orConflict(() -> this.repository.saveAndFlush(round), Map.ofEntries(
				Map.entry("round_setup_only_in_draft", reference + " is no longer a draft: its setup does not change"),
				Map.entry("grant_round_moves",
						reference + " changed step while you were making yours: check it as it is now"),
				Map.entry("round_closes_later_only", reference + "'s closing time only moves later while it is open"),
				Map.entry("grant_round_opens_complete",
						reference + " is not complete enough to open: check its "
								+ "themes, criteria, scale, guidance and who may apply"),
				Map.entry("grant_round_assessed_complete",
						reference + " is not fully reviewed yet: check what is outstanding"),
				Map.entry("grant_round_to_panel_with_members",
						reference + "'s panel has no chair: add its members first"),
				Map.entry("grant_round_decision_named",
						reference + " changed step while you were making yours: check it as it is now")));
	}

}
