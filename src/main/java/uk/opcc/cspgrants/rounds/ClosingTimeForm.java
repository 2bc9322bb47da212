package uk.opcc.cspgrants.rounds;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * The form that moves an open round's closing time later, as typed: the new date and time
 * in UK time, why, and the version of the round read.
 */
record ClosingTimeForm(DateParts closes, String closesTime, String reason, Long version) {

	ClosingTimeForm {
		closes = (closes != null) ? closes : DateParts.empty();
		reason = (reason != null) ? reason : "";
	}

	static ClosingTimeForm of(RoundView round) {
		return new ClosingTimeForm(RoundTimes.dateOf(round.closesAt()), RoundTimes.timeOf(round.closesAt()), "",
				round.version());
	}

	ClosingTimeForm withVersion(long now) {
		return new ClosingTimeForm(this.closes, this.closesTime, this.reason, now);
	}

	/** The new closing time typed, or every refusal of the form, field by field. */
	Instant closesAt() {
		Map<String, String> errors = new LinkedHashMap<>();
		Instant closesAt = null;
		try {
			closesAt = RoundTimes.toInstant(this.closes, this.closesTime, "closes", "the round closes");
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
		}
		if (this.reason.isBlank()) {
			errors.put("reason", "Say why the closing time moves: applicants and the Panel will read it");
		}
		else if (this.reason.length() > 5000) {
			errors.put("reason", "The reason must be 5,000 characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return closesAt;
	}

}
