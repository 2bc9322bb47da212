package uk.opcc.cspgrants.rounds.applying;

import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of an officer's eligibility decision, without Spring. */
class EligibilityAnswerTest {

	private static final List<EligibilityCheck> ALL_PASSED = List
		.of(new EligibilityCheck("Asks for an amount within the round's awards", EligibilityCheck.Outcome.PASSED, ""));

	private static final List<EligibilityCheck> ONE_FAILED = List.of(ALL_PASSED.get(0), new EligibilityCheck(
			"Sent the documents its kind of organisation must send", EligibilityCheck.Outcome.FAILED, "Missing"));

	@Test
	void eligibleWhenEveryCheckPassedNeedsNoReasons() {
		assertThat(new EligibilityAnswer(true, "  ").validated(ALL_PASSED).reasons()).isNull();
	}

	@Test
	void notEligibleNeedsReasonsForTheApplicant() {
		refused(new EligibilityAnswer(false, " "), ALL_PASSED, "reasons",
				"Say why the application is not eligible: the applicant is told");
		assertThat(new EligibilityAnswer(false, " A company limited by shares \n").validated(ALL_PASSED).reasons())
			.isEqualTo("A company limited by shares");
	}

	@Test
	void eligibleAlthoughACheckFailedNeedsReasons() {
		refused(new EligibilityAnswer(true, null), ONE_FAILED, "reasons",
				"Say why the application is eligible although a check failed");
		assertThat(new EligibilityAnswer(true, "Accounts sent by post").validated(ONE_FAILED).eligible()).isTrue();
	}

	@Test
	void noAnswerAndOverlongReasonsAreRefused() {
		refused(new EligibilityAnswer(null, null), ALL_PASSED, "eligible",
				"Select whether the application is eligible");
		refused(new EligibilityAnswer(false, "x".repeat(2001)), ALL_PASSED, "reasons",
				"Reasons must be 2,000 characters or fewer");
		assertThat(new EligibilityAnswer(false, "x".repeat(2000)).validated(ALL_PASSED).reasons()).hasSize(2000);
	}

	private static void refused(EligibilityAnswer answer, List<EligibilityCheck> checks, String field, String message) {
		assertThatThrownBy(() -> answer.validated(checks)).isInstanceOf(ValidationException.class)
			.extracting(refusal -> ((ValidationException) refusal).fieldErrors().get(field))
			.isEqualTo(message);
	}

}
