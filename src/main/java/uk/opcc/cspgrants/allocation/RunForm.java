package uk.opcc.cspgrants.allocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import uk.opcc.cspgrants.partnership.PartnershipSet;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The "Run a formula" form as typed, turned into a {@link RunRequest} with every refusal
 * of what was typed at once, in the form's order. {@code formToken} is the form's
 * one-time token: the run it makes keeps it, so the same form sent again makes no second
 * draft.
 *
 * @param year the financial year the money is for, e.g. "2024-25"
 * @param pot the pot as typed, e.g. "£97,905.00"
 * @param formulaVersionId the formula version chosen
 * @param partnershipGroupId the group chosen, or empty for every active partnership
 * @param purpose annual allocation or underspend redistribution
 * @param windowEnd the last year of indicator data, or empty for the year before
 * @param note the officer's note
 * @param formToken the form's one-time token
 */
record RunForm(String year, String pot, String formulaVersionId, String partnershipGroupId, String purpose,
		String windowEnd, String note, String formToken) {

	/** The longest note a run keeps, as its column. */
	static final int NOTE_LIMIT = 1000;

	/** A new, empty form with a token of its own. */
	static RunForm blank() {
		return new RunForm(null, null, null, null, null, null, null, UUID.randomUUID().toString());
	}

	/** The form's token if it is one this application gave out, else {@code null}. */
	String token() {
		return (this.formToken != null && this.formToken.matches("[0-9a-fA-F-]{36}")) ? this.formToken : null;
	}

	RunRequest toRequest() {
		Map<String, String> errors = new LinkedHashMap<>();
		FinancialYear runYear = year(this.year, "year", "Choose the financial year the money is for", errors);
		Money money = null;
		if (blank(this.pot)) {
			errors.put("pot", "Enter the pot, for example £97,905.00");
		}
		else {
			try {
				money = Money.parse(this.pot);
			}
			catch (InvalidMoneyException refused) {
				errors.put("pot", refused.getMessage());
			}
		}
		Long formula = chosenId(this.formulaVersionId, "formulaVersionId", "Choose a formula from the list", errors);
		Long group = chosenId(this.partnershipGroupId, PartnershipSet.FIELD,
				"Choose every active partnership or a group from the list", errors);
		RunPurpose runPurpose = RunPurpose.ALLOCATION;
		if (!blank(this.purpose)) {
			try {
				runPurpose = RunPurpose.valueOf(this.purpose.strip());
			}
			catch (IllegalArgumentException notAPurpose) {
				errors.put("purpose", "Choose a purpose from the list");
			}
		}
		FinancialYear end = blank(this.windowEnd) ? null
				: year(this.windowEnd, "windowEnd", "Choose the last year of indicator data from the list", errors);
		if (this.note != null && this.note.strip().length() > NOTE_LIMIT) {
			errors.put("note", "The note must be 1,000 characters or fewer; it has " + this.note.strip().length());
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new RunRequest(runYear, money, runPurpose, formula, null, end, null,
				blank(this.note) ? null : this.note.strip(), group);
	}

	private static FinancialYear year(String text, String field, String message, Map<String, String> errors) {
		try {
			return FinancialYear.parse(text);
		}
		catch (RuntimeException notAYear) {
			errors.put(field, message);
			return null;
		}
	}

	/**
	 * The id of a choice from a list, or {@code null} for none; anything else (a page
	 * tampered with) is refused on the field.
	 */
	private static Long chosenId(String text, String field, String message, Map<String, String> errors) {
		if (blank(text)) {
			return null;
		}
		if (!text.strip().matches("[0-9]{1,18}")) {
			errors.put(field, message);
			return null;
		}
		return Long.valueOf(text.strip());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
