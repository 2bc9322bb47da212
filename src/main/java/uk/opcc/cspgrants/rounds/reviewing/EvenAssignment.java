package uk.opcc.cspgrants.rounds.reviewing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shares a round's eligible applications among its reviewers: each application gets
 * reviewers of its theme (or of all themes) until it has as many as the round asks, never
 * one already on it (whatever became of that), each time the one with the fewest reviews
 * in the round so far, then by name. An application no reviewer is free for is reported,
 * not forced. Plain Java.
 */
public final class EvenAssignment {

	/** A reviewer of the round: for one theme, or all themes ({@code themeId} null). */
	public record Reviewer(long userId, String name, Long themeId) {

		boolean covers(long theme) {
			return this.themeId == null || this.themeId == theme;
		}

	}

	/**
	 * An eligible application: its theme, who is or was on it, and how many reviews it
	 * has that count (assigned, declared or submitted).
	 */
	public record Application(long id, long themeId, Set<Long> alreadyOn, int active) {
	}

	/** An assignment to make. */
	public record Made(long applicationId, long reviewerId) {
	}

	/**
	 * @param made the assignments to make, in order
	 * @param unfilled the applications still short of reviewers, with how many more each
	 * needs
	 */
	public record Result(List<Made> made, Map<Long, Integer> unfilled) {
	}

	private EvenAssignment() {
	}

	/**
	 * @param applications the eligible applications, in the order they came in
	 * @param reviewers the round's reviewers, a person once per theme they review
	 * @param load how many reviews each reviewer has in the round now, by user id
	 * @param perApplication how many reviews each application needs
	 */
	public static Result assign(List<Application> applications, List<Reviewer> reviewers, Map<Long, Integer> load,
			int perApplication) {
		Map<Long, Integer> counts = new HashMap<>(load);
		List<Made> made = new ArrayList<>();
		Map<Long, Integer> unfilled = new LinkedHashMap<>();
		for (Application application : applications) {
			Set<Long> on = new HashSet<>(application.alreadyOn());
			int active = application.active();
			while (active < perApplication) {
				Reviewer chosen = reviewers.stream()
					.filter(reviewer -> reviewer.covers(application.themeId()) && !on.contains(reviewer.userId()))
					.min(Comparator.comparingInt((Reviewer reviewer) -> counts.getOrDefault(reviewer.userId(), 0))
						.thenComparing(Reviewer::name)
						.thenComparingLong(Reviewer::userId))
					.orElse(null);
				if (chosen == null) {
					unfilled.put(application.id(), perApplication - active);
					break;
				}
				made.add(new Made(application.id(), chosen.userId()));
				on.add(chosen.userId());
				counts.merge(chosen.userId(), 1, Integer::sum);
				active++;
			}
		}
		return new Result(made, unfilled);
	}

}
