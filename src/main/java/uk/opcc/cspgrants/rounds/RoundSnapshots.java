package uk.opcc.cspgrants.rounds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.shared.Dates;

/** What the audit trail keeps of a round before and after a change. */
final class RoundSnapshots {

	private RoundSnapshots() {
	}

	static Map<String, Object> details(RoundView round) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("reference", round.reference());
		snapshot.put("title", round.title());
		snapshot.put("year", round.year().toString());
		snapshot.put("route", round.route().name());
		snapshot.put("stream", round.streamName());
		snapshot.put("budget", round.budget().toString());
		snapshot.put("minAward", round.minAward().toString());
		snapshot.put("maxAward", round.maxAward().toString());
		snapshot.put("opensAt", Dates.dayAndTime(round.opensAt()));
		snapshot.put("closesAt", Dates.dayAndTime(round.closesAt()));
		snapshot.put("guidance", round.guidance());
		snapshot.put("eligibility", round.eligibility());
		snapshot.put("minReviewers", round.minReviewers());
		snapshot.put("moderationGap", round.moderationGap().toPlainString());
		snapshot.put("blindReview", round.blindReview());
		snapshot.put("themes", round.themes().stream().map(ThemeView::name).collect(Collectors.joining(", ")));
		return snapshot;
	}

	static Map<String, Object> criteria(RoundView round) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("title", round.title());
		snapshot.put("criteria",
				round.criteria()
					.stream()
					.map(criterion -> criterion.name() + " (" + criterion.weight().toPlainString() + ")")
					.collect(Collectors.joining(", ")));
		return snapshot;
	}

	static Map<String, Object> scale(RoundView round) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("title", round.title());
		snapshot.put("scale",
				round.scale()
					.stream()
					.map(point -> point.point() + ": " + point.description())
					.collect(Collectors.joining("; ")));
		return snapshot;
	}

}
