package uk.opcc.cspgrants.rounds.applying;

import java.time.Instant;

/** Due diligence as recorded: the answers, who recorded them, when, and its version. */
public record DueDiligenceView(DueDiligenceAnswers answers, String checkedBy, Instant checkedAt, long version) {

	/** True when a change sent with {@code version} was made from this one. */
	boolean matches(Long version) {
		return version != null && version == this.version;
	}

}
