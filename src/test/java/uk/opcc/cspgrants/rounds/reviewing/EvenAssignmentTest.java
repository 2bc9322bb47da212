package uk.opcc.cspgrants.rounds.reviewing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.rounds.reviewing.EvenAssignment.Application;
import uk.opcc.cspgrants.rounds.reviewing.EvenAssignment.Made;
import uk.opcc.cspgrants.rounds.reviewing.EvenAssignment.Reviewer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a round's eligible applications are shared among its reviewers, without Spring: a
 * worked example followed by hand, a reviewer once conflicted never put back, a theme
 * short of reviewers reported, and, for random rounds whose reviewers all review every
 * theme, loads that differ by at most one.
 */
class EvenAssignmentTest {

	private static final long A = 1;

	private static final long B = 2;

	private static final Reviewer ANN = new Reviewer(11, "Ann", A);

	private static final Reviewer BOB = new Reviewer(12, "Bob", A);

	private static final Reviewer CAT = new Reviewer(13, "Cat", B);

	private static final Reviewer DAN = new Reviewer(14, "Dan", null);

	@Test
	void theLeastLoadedReviewerOfTheThemeIsChosenEachTimeThenByName() {
		List<Application> applications = List.of(fresh(101, A), fresh(102, A), fresh(103, B), fresh(104, A),
				fresh(105, B));
		EvenAssignment.Result result = EvenAssignment.assign(applications, List.of(ANN, BOB, CAT, DAN), Map.of(), 2);
		// worked by hand: 101 Ann, Bob (all at 0, by name); 102 Dan (0), Ann (Ann 1, Bob
		// 1: by
		// name); 103 Cat (0), Dan (1); 104 Bob (1), Ann (Ann 2, Dan 2: by name); 105 Cat
		// (1),
		// Dan (2)
		assertThat(result.made()).containsExactly(new Made(101, 11), new Made(101, 12), new Made(102, 14),
				new Made(102, 11), new Made(103, 13), new Made(103, 14), new Made(104, 12), new Made(104, 11),
				new Made(105, 13), new Made(105, 14));
		assertThat(result.unfilled()).isEmpty();
	}

	@Test
	void aReviewerWhoDeclaredAConflictIsNeverPutBackAndAShortThemeIsReported() {
		// Ann declared a conflict on 101 (no longer counted), Bob still reviews it
		Application conflicted = new Application(101, A, Set.of(11L, 12L), 1);
		EvenAssignment.Result result = EvenAssignment.assign(List.of(conflicted), List.of(ANN, BOB, DAN),
				Map.of(11L, 0, 12L, 1, 14L, 5), 2);
		assertThat(result.made()).containsExactly(new Made(101, 14));
		EvenAssignment.Result short1 = EvenAssignment.assign(List.of(fresh(103, B)), List.of(ANN, CAT), Map.of(), 2);
		assertThat(short1.made()).containsExactly(new Made(103, 13));
		assertThat(short1.unfilled()).containsExactly(Map.entry(103L, 1));
	}

	@Property(tries = 300)
	void reviewersOfEveryThemeShareTheApplicationsEvenly(@ForAll @IntRange(min = 2, max = 9) int reviewerCount,
			@ForAll @IntRange(min = 0, max = 40) int applicationCount,
			@ForAll @IntRange(min = 1, max = 3) int perApplication) {
		List<Reviewer> reviewers = new ArrayList<>();
		for (int i = 0; i < reviewerCount; i++) {
			reviewers.add(new Reviewer(100 + i, "Reviewer " + (char) ('A' + i), null));
		}
		List<Application> applications = new ArrayList<>();
		for (int i = 0; i < applicationCount; i++) {
			applications.add(fresh(1000 + i, (i % 3) + 1));
		}
		int needed = Math.min(perApplication, reviewerCount);
		EvenAssignment.Result result = EvenAssignment.assign(applications, reviewers, Map.of(), perApplication);
		Map<Long, Integer> load = new HashMap<>();
		Map<Long, Set<Long>> on = new HashMap<>();
		for (Made made : result.made()) {
			load.merge(made.reviewerId(), 1, Integer::sum);
			assertThat(on.computeIfAbsent(made.applicationId(), key -> new HashSet<>()).add(made.reviewerId()))
				.as("a reviewer once per application")
				.isTrue();
		}
		assertThat(result.made()).hasSize(applicationCount * needed);
		int most = reviewers.stream().mapToInt(r -> load.getOrDefault(r.userId(), 0)).max().orElse(0);
		int least = reviewers.stream().mapToInt(r -> load.getOrDefault(r.userId(), 0)).min().orElse(0);
		assertThat(most - least).as("loads differ by at most one").isLessThanOrEqualTo(1);
		assertThat(result.unfilled()).hasSize(perApplication > reviewerCount ? applicationCount : 0);
	}

	private static Application fresh(long id, long theme) {
		return new Application(id, theme, Set.of(), 0);
	}

}
