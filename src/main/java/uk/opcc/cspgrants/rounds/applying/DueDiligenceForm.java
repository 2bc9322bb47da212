package uk.opcc.cspgrants.rounds.applying;

import java.util.Arrays;
import java.util.List;

/**
 * The due diligence page as sent: "yes" or "no" for each question, the risk, the notes,
 * and the version read (none the first time).
 */
public record DueDiligenceForm(String registrationConfirmed, String accountsSatisfactory,
		String safeguardingSatisfactory, String bankAccountVerified, String interestsChecked, String risk, String notes,
		Long version) {

	static DueDiligenceForm empty() {
		return new DueDiligenceForm(null, null, null, null, null, null, null, null);
	}

	static DueDiligenceForm of(DueDiligenceView recorded) {
		DueDiligenceAnswers a = recorded.answers();
		return new DueDiligenceForm(word(a.registrationConfirmed()), word(a.accountsSatisfactory()),
				word(a.safeguardingSatisfactory()), word(a.bankAccountVerified()), word(a.interestsChecked()),
				a.risk().name(), a.notes(), recorded.version());
	}

	/** The answer sent to a question, by its field. */
	public String answer(String field) {
		List<String> answers = Arrays.asList(this.registrationConfirmed, this.accountsSatisfactory,
				this.safeguardingSatisfactory, this.bankAccountVerified, this.interestsChecked);
		for (int i = 0; i < DueDiligenceAnswers.QUESTIONS.size(); i++) {
			if (DueDiligenceAnswers.QUESTIONS.get(i)[0].equals(field)) {
				return answers.get(i);
			}
		}
		throw new IllegalArgumentException(field);
	}

	DueDiligenceAnswers answers() {
		DueDiligenceAnswers.Risk chosen = null;
		for (DueDiligenceAnswers.Risk one : DueDiligenceAnswers.Risk.values()) {
			if (one.name().equals(this.risk)) {
				chosen = one;
			}
		}
		return new DueDiligenceAnswers(yes(this.registrationConfirmed), yes(this.accountsSatisfactory),
				yes(this.safeguardingSatisfactory), yes(this.bankAccountVerified), yes(this.interestsChecked), chosen,
				this.notes);
	}

	DueDiligenceForm withVersion(long now) {
		return new DueDiligenceForm(this.registrationConfirmed, this.accountsSatisfactory,
				this.safeguardingSatisfactory, this.bankAccountVerified, this.interestsChecked, this.risk, this.notes,
				now);
	}

	private static Boolean yes(String answer) {
		return "yes".equals(answer) ? Boolean.TRUE : "no".equals(answer) ? Boolean.FALSE : null;
	}

	private static String word(boolean answer) {
		return answer ? "yes" : "no";
	}

}
