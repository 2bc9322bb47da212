package uk.opcc.cspgrants.rounds.applying;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * An officer's answer to "Is the application eligible?", with reasons: required when it
 * is not (the applicant is told them), and when it is although one of the service's
 * checks failed (the record says why). Plain Java.
 *
 * @param eligible yes, no, or not answered ({@code null})
 * @param reasons why, as typed
 */
public record EligibilityAnswer(Boolean eligible, String reasons) {

	static final int MAX_REASONS = 2000;

	public EligibilityAnswer {
		reasons = (reasons == null || reasons.isBlank()) ? null : reasons.strip();
	}

	/** The answer, or refused with a message on each field. */
	public EligibilityAnswer validated(List<EligibilityCheck> checks) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.eligible == null) {
			errors.put("eligible", "Select whether the application is eligible");
		}
		else if (!this.eligible && this.reasons == null) {
			errors.put("reasons", "Say why the application is not eligible: the applicant is told");
		}
		else if (this.eligible && this.reasons == null && checks.stream().anyMatch(EligibilityCheck::failed)) {
			errors.put("reasons", "Say why the application is eligible although a check failed");
		}
		if (this.reasons != null && this.reasons.length() > MAX_REASONS) {
			errors.put("reasons", "Reasons must be " + String.format("%,d", MAX_REASONS) + " characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return this;
	}

}
