package uk.opcc.cspgrants.rounds.applying;

import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.rounds.applying.DueDiligenceAnswers.Risk;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of due diligence on an applicant organisation, without Spring. */
class DueDiligenceAnswersTest {

	@Test
	void everyAnswerYesAndALowOrMediumRiskNeedsNoNotes() {
		assertThat(new DueDiligenceAnswers(true, true, true, true, true, Risk.LOW, " ").validated().noConcerns())
			.isTrue();
		assertThat(new DueDiligenceAnswers(true, true, true, true, true, Risk.MEDIUM, null).validated().notes())
			.isNull();
	}

	@Test
	void aNoOrAHighRiskNeedsNotesOnTheConcern() {
		refused(new DueDiligenceAnswers(true, false, true, true, true, Risk.LOW, null),
				Map.of("notes", "Say what the concerns are and how they will be managed"));
		refused(new DueDiligenceAnswers(true, true, true, true, true, Risk.HIGH, ""),
				Map.of("notes", "Say what the concerns are and how they will be managed"));
		DueDiligenceAnswers explained = new DueDiligenceAnswers(true, true, true, false, true, Risk.MEDIUM,
				" Bank account opens next month: grant paid after ")
			.validated();
		assertThat(explained.noConcerns()).isFalse();
		assertThat(explained.notes()).isEqualTo("Bank account opens next month: grant paid after");
	}

	@Test
	void everyQuestionAndTheRiskMustBeAnsweredAndNotesKeptShort() {
		refused(new DueDiligenceAnswers(null, true, null, true, true, null, null), Map.of("registrationConfirmed",
				"Select yes or no", "safeguardingSatisfactory", "Select yes or no", "risk", "Select the overall risk"));
		refused(new DueDiligenceAnswers(true, true, true, true, true, Risk.LOW, "x".repeat(5001)),
				Map.of("notes", "Notes must be 5,000 characters or fewer"));
	}

	private static void refused(DueDiligenceAnswers answers, Map<String, String> errors) {
		assertThatThrownBy(answers::validated).isInstanceOf(ValidationException.class)
			.extracting(refusal -> ((ValidationException) refusal).fieldErrors())
			.isEqualTo(errors);
	}

}
