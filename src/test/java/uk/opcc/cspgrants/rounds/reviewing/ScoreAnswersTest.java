package uk.opcc.cspgrants.rounds.reviewing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a reviewer's scores, without Spring. */
class ScoreAnswersTest {

	private static final List<Criterion> CRITERIA = List.of(new Criterion("Need", "", new BigDecimal("60")),
			new Criterion("Value for money", "", new BigDecimal("40")));

	@Test
	void savedAsTheyGoABlankCriterionWaitsButAScoreNeedsItsReasonAndAReasonItsScore() {
		assertThat(
				new ScoreAnswers(Map.of(1, "4"), Map.of(1, " Clear local evidence ")).validated(7, CRITERIA, 5, false))
			.containsExactly(Map.entry(1, new Score(7, 4, "Clear local evidence")));
		refused(new ScoreAnswers(Map.of(1, "4", 2, ""), Map.of(2, "Good")), false, Map.of("reason-1",
				"Give the reason for your score for “Need”", "score-2", "Choose a score for “Value for money”"));
	}

	@Test
	void submittedEveryCriterionIsScoredWithinTheScale() {
		refused(new ScoreAnswers(Map.of(1, "6", 2, "x"), Map.of(1, "Much", 2, "Some")), true,
				Map.of("score-1", "Choose a score from 0 to 5 for “Need”", "score-2",
						"Choose a score from 0 to 5 for “Value for money”"));
		refused(new ScoreAnswers(Map.of(1, "0"), Map.of(1, "No evidence")), true,
				Map.of("score-2", "Choose a score for “Value for money”", "reason-2",
						"Give the reason for your score for “Value for money”"));
		assertThat(new ScoreAnswers(Map.of(1, "0", 2, "5"), Map.of(1, "No evidence", 2, "Cheap")).validated(7, CRITERIA,
				5, true))
			.hasSize(2);
	}

	private static void refused(ScoreAnswers answers, boolean every, Map<String, String> errors) {
		assertThatThrownBy(() -> answers.validated(7, CRITERIA, 5, every)).isInstanceOf(ValidationException.class)
			.extracting(refusal -> ((ValidationException) refusal).fieldErrors())
			.isEqualTo(errors);
	}

}
