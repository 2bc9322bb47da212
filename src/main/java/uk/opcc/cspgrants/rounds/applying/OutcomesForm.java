package uk.opcc.cspgrants.rounds.applying;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;

/** The "Outcomes" page as typed: what will change, and how the applicant will know. */
record OutcomesForm(String outcomes, Long version) {

	static OutcomesForm of(ApplicationView application) {
		return new OutcomesForm((application.outcomes() != null) ? application.outcomes() : "", application.version());
	}

	OutcomesForm withVersion(long now) {
		return new OutcomesForm(this.outcomes, now);
	}

	String answers() {
		Map<String, String> errors = new LinkedHashMap<>();
		String typed = Text.required(this.outcomes, "outcomes",
				"Say what will change because of the project, and how you will know", 5000, errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return typed;
	}

}
