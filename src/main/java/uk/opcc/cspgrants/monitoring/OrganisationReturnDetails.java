package uk.opcc.cspgrants.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * What a recipient (or an officer on its behalf) says in a quarterly return for a grant
 * to an organisation.
 *
 * @param spendToDate what the grant has paid for from the start of the year to the end of
 * the quarter
 * @param outcomes what the money achieved, in the recipient's words
 * @param comments anything else
 * @param version the version of the return read, {@code null} for a new one
 */
public record OrganisationReturnDetails(Money spendToDate, String outcomes, String comments, Long version) {

	static final int LONGEST_TEXT = 4000;

	public OrganisationReturnDetails {
		outcomes = blankToNull(outcomes);
		comments = blankToNull(comments);
	}

	/** Every problem at once, by field; empty when the figures can be saved. */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (this.spendToDate == null) {
			problems.put("spendToDate", "Enter the spend to date, like £1,234.50 (£0 if none)");
		}
		else if (this.spendToDate.isNegative()) {
			problems.put("spendToDate", "Enter a spend to date of £0.00 or more");
		}
		if (this.outcomes != null && this.outcomes.length() > LONGEST_TEXT) {
			problems.put("outcomes", "The outcomes must be 4,000 characters or fewer");
		}
		if (this.comments != null && this.comments.length() > LONGEST_TEXT) {
			problems.put("comments", "The comments must be 4,000 characters or fewer");
		}
		return problems;
	}

	void check() {
		Map<String, String> problems = problems();
		if (!problems.isEmpty()) {
			throw new ValidationException(problems);
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
