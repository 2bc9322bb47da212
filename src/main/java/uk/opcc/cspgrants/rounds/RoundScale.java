package uk.opcc.cspgrants.rounds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A round's scoring scale: every whole score from 0 to its top (1 to 10; 5 unless
 * changed) described, so that two reviewers giving a 3 mean the same by it.
 *
 * @param max the top of the scale
 * @param descriptions what each point means, by point; points above the top are left
 * blank
 */
public record RoundScale(Integer max, Map<Integer, String> descriptions) {

	/** The largest top of a scale. */
	public static final int HIGHEST = 10;

	/** The scale a new round starts with, 0 to 5, which an officer may change. */
	public static final RoundScale DEFAULT = new RoundScale(5,
			Map.of(0, "No evidence: the application does not address this criterion", 1,
					"Poor: little evidence, with serious gaps", 2, "Weak: some evidence, with significant gaps", 3,
					"Adequate: reasonable evidence, with minor gaps", 4, "Good: clear and convincing evidence", 5,
					"Excellent: compelling evidence, with no gaps"));

	public RoundScale {
		Map<Integer, String> stripped = new LinkedHashMap<>();
		if (descriptions != null) {
			descriptions.forEach((point, text) -> stripped.put(point, (text != null) ? text.strip() : ""));
		}
		descriptions = stripped;
	}

	/** The points from 0 to the top, described; only after {@link #check()}. */
	public List<ScalePoint> points() {
		List<ScalePoint> points = new ArrayList<>();
		for (int point = 0; point <= this.max; point++) {
			points.add(new ScalePoint(point, this.descriptions.get(point)));
		}
		return points;
	}

	/**
	 * Refuses the scale, on {@code max} or on each point's field ({@code point-3}), when
	 * its top is not 1 to 10, a point up to the top is not described (or its description
	 * is longer than 500 characters), or a point above the top is.
	 */
	public void check() {
		if (this.max == null || this.max < 1 || this.max > HIGHEST) {
			throw new ValidationException("max", "Choose the top of the scale: from 1 to " + HIGHEST);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (int point = 0; point <= HIGHEST; point++) {
			String description = this.descriptions.getOrDefault(point, "");
			if (point <= this.max && description.isEmpty()) {
				errors.put("point-" + point, "Describe what a score of " + point + " means");
			}
			else if (point <= this.max && description.length() > 500) {
				errors.put("point-" + point, "The description of " + point + " must be 500 characters or fewer");
			}
			else if (point > this.max && !description.isEmpty()) {
				errors.put("point-" + point, point + " is above the top of the scale (" + this.max
						+ "): clear its description or raise the top to " + point);
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

}
