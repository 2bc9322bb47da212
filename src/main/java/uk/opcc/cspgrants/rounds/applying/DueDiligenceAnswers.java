package uk.opcc.cspgrants.rounds.applying;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * An officer's due diligence on an applicant organisation: five questions answered yes or
 * no, the overall risk, and notes, required when an answer is no or the risk is high
 * (what the concern is and how it is managed). Plain Java.
 */
public record DueDiligenceAnswers(Boolean registrationConfirmed, Boolean accountsSatisfactory,
		Boolean safeguardingSatisfactory, Boolean bankAccountVerified, Boolean interestsChecked, Risk risk,
		String notes) {

	static final int MAX_NOTES = 5000;

	/** The questions, in the page's order: field and words. */
	public static final List<String[]> QUESTIONS = List.of(
			new String[] { "registrationConfirmed",
					"Is the organisation registered as it says (or, if it is not on a register, constituted as its "
							+ "governing document says)?" },
			new String[] { "accountsSatisfactory", "Do its latest accounts show it can manage the grant?" },
			new String[] { "safeguardingSatisfactory", "Is its safeguarding policy adequate for the work?" },
			new String[] { "bankAccountVerified",
					"Does it have a bank account in its own name needing two people to sign?" },
			new String[] { "interestsChecked",
					"Has the OPCC's register of interests been checked for links to the organisation?" });

	/** The overall risk of funding the organisation. */
	public enum Risk {

		LOW("Low"), MEDIUM("Medium"), HIGH("High");

		private final String label;

		Risk(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public DueDiligenceAnswers {
		notes = (notes == null || notes.isBlank()) ? null : notes.strip();
	}

	/** The answers in the questions' order. */
	public List<Boolean> answers() {
		return java.util.Arrays.asList(this.registrationConfirmed, this.accountsSatisfactory,
				this.safeguardingSatisfactory, this.bankAccountVerified, this.interestsChecked);
	}

	/** True when every answer is yes and the risk is not high. */
	public boolean noConcerns() {
		return this.answers().stream().allMatch(Boolean.TRUE::equals) && this.risk != Risk.HIGH;
	}

	/** The answers, or refused with a message on each field. */
	public DueDiligenceAnswers validated() {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Boolean> answers = answers();
		for (int i = 0; i < QUESTIONS.size(); i++) {
			if (answers.get(i) == null) {
				errors.put(QUESTIONS.get(i)[0], "Select yes or no");
			}
		}
		if (this.risk == null) {
			errors.put("risk", "Select the overall risk");
		}
		if (errors.isEmpty() && !noConcerns() && this.notes == null) {
			errors.put("notes", "Say what the concerns are and how they will be managed");
		}
		if (this.notes != null && this.notes.length() > MAX_NOTES) {
			errors.put("notes", "Notes must be " + String.format("%,d", MAX_NOTES) + " characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return this;
	}

}
