package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a draft round still needs before it opens, in the words the round's page shows: at
 * least one theme, criteria weighing 100 between them, every point of its scale
 * described, and the guidance and "who may apply" that applicants read. The database
 * refuses to open a round without them too ({@code grant_round_opens_complete}).
 */
final class RoundReadiness {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private RoundReadiness() {
	}

	/** What is missing; empty when the round may open. */
	static List<String> missing(RoundView round) {
		List<String> missing = new ArrayList<>();
		if (round.themes().isEmpty()) {
			missing.add("choose at least one theme of the Police and Crime Plan");
		}
		if (round.criteria().isEmpty()) {
			missing.add("set the criteria reviewers score against");
		}
		else if (round.totalWeight().compareTo(HUNDRED) != 0) {
			missing.add("make the criteria's weights add up to 100 (they add up to "
					+ round.totalWeight().toPlainString() + ")");
		}
		if (!scaleComplete(round)) {
			missing.add("describe every point of the scoring scale");
		}
		if (round.guidance().isBlank()) {
			missing.add("write the guidance for applicants");
		}
		if (round.eligibility().isBlank()) {
			missing.add("say who may apply");
		}
		return missing;
	}

	private static boolean scaleComplete(RoundView round) {
		List<ScalePoint> points = round.scale();
		for (int point = 0; point <= round.scaleMax(); point++) {
			int wanted = point;
			if (points.stream().noneMatch(p -> p.point() == wanted && !p.description().isBlank())) {
				return false;
			}
		}
		return !points.isEmpty();
	}

}
