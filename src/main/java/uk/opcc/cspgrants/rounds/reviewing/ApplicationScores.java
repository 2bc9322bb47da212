package uk.opcc.cspgrants.rounds.reviewing;

import java.math.BigDecimal;
import java.util.List;

import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.scoring.ScoreSheet;

/**
 * An eligible application with every review of it that counts or counted: its score sheet
 * (the submitted reviews only) and, for officers, each review with its reviewer.
 *
 * @param application the application
 * @param sheet its submitted reviews against the round's criteria
 * @param reviews every assignment of it that was not ended by a conflict or withdrawn,
 * submitted or not
 */
public record ApplicationScores(ApplicationView application, ScoreSheet sheet, List<ReviewLine> reviews) {

	/**
	 * One reviewer's review as officers read it.
	 *
	 * @param assignment the assignment with its scores and reasons
	 * @param reviewer the reviewer's name
	 * @param total their weighted total out of 100 when submitted, else {@code null}
	 */
	public record ReviewLine(AssignmentView assignment, String reviewer, BigDecimal total) {
	}

}
