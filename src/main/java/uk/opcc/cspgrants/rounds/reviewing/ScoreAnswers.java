package uk.opcc.cspgrants.rounds.reviewing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A reviewer's scores as typed, by criterion position (1 first): a score and a reason for
 * each. Saved as they go, a criterion may be left blank (score and reason both), but a
 * score needs its reason and a reason its score; submitted, every criterion is scored.
 * Plain Java.
 *
 * @param scores what was chosen for each criterion ("0" to the top), blank for none
 * @param reasons what was typed for each criterion
 */
public record ScoreAnswers(Map<Integer, String> scores, Map<Integer, String> reasons) {

	static final int MAX_REASON = 2000;

	/** The scores given, refused with a message on each criterion's field. */
	public Map<Integer, Score> validated(long roundId, List<Criterion> criteria, int top, boolean every) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Integer, Score> given = new LinkedHashMap<>();
		for (int position = 1; position <= criteria.size(); position++) {
			String name = criteria.get(position - 1).name();
			String score = blankToNull(this.scores.get(position));
			String reason = blankToNull(this.reasons.get(position));
			Integer value = null;
			if (score != null) {
				try {
					value = Integer.valueOf(score);
				}
				catch (NumberFormatException notANumber) {
					value = -1;
				}
				if (value < 0 || value > top) {
					errors.put("score-" + position, "Choose a score from 0 to " + top + " for “" + name + "”");
					continue;
				}
			}
			if (value == null && (reason != null || every)) {
				errors.put("score-" + position, "Choose a score for “" + name + "”");
			}
			if (reason == null && (value != null || every)) {
				errors.put("reason-" + position, "Give the reason for your score for “" + name + "”");
			}
			else if (reason != null && reason.length() > MAX_REASON) {
				errors.put("reason-" + position, "The reason for “" + name + "” must be 2,000 characters or fewer");
			}
			if (value != null && reason != null && reason.length() <= MAX_REASON) {
				given.put(position, new Score(roundId, value, reason));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return given;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
