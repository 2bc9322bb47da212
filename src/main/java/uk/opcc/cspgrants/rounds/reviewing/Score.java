package uk.opcc.cspgrants.rounds.reviewing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A reviewer's score of one criterion: a whole number from 0 to the top of the round's
 * scale, and the reason for it.
 *
 * @param roundId the round, whose criterion it scores
 * @param score the score
 * @param reason why
 */
@Embeddable
public record Score(@Column(name = "round_id") long roundId, @Column(name = "score") int score,
		@Column(name = "reason") String reason) {
}
