package uk.opcc.cspgrants.rounds.reviewing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.scoring.Ranking;

/**
 * A round's eligible applications ranked by their reviews, with each application by its
 * reference (the ranking knows only references) and, while the round is closed, what
 * stops it being marked assessed: what the ranking page, its JSON and the panel's paper
 * all show.
 *
 * @param scores each eligible application with its reviews
 * @param ranking the applications in order against the budget
 * @param outstanding what is still to do before the round is marked assessed; empty once
 * it is not closed
 */
public record RankedApplications(List<ApplicationScores> scores, Ranking ranking, List<String> outstanding) {

	/** The application a ranked row is about. */
	public ApplicationView application(Ranking.Row row) {
		return byReference().get(row.sheet().reference());
	}

	/** The ranked applications by reference. */
	public Map<String, ApplicationView> byReference() {
		Map<String, ApplicationView> applications = new LinkedHashMap<>();
		this.scores.forEach(one -> applications.put(one.application().reference(), one.application()));
		return applications;
	}

	/** How many applications are flagged for moderation. */
	public long flagged() {
		return this.ranking.rows().stream().filter(Ranking.Row::flagged).count();
	}

}
