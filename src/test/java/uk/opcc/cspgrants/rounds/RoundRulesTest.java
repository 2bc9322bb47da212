package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A round's rules in plain Java: its weights, scale, awards and dates. */
class RoundRulesTest {

	private static final Instant OPENS = Instant.parse("2013-07-01T08:00:00Z");

	private static final Instant CLOSES = Instant.parse("2013-07-31T16:00:00Z");

	@Test
	void weightsOfFiftyThirtyAndTwentyMakeAHundred() {
		RoundCriteria criteria = criteria("50", "30", "20");
		assertThatNoException().isThrownBy(criteria::check);
		assertThat(criteria.totalWeight()).isEqualByComparingTo("100.00");
	}

	@Test
	void weightsOfFiftyThirtyAndNineteenPointNineNineAreRefusedNamingTheTotal() {
		Map<String, String> errors = refusals(criteria("50", "30", "19.99")::check);
		assertThat(errors).containsOnlyKeys("total");
		assertThat(errors.get("total")).isEqualTo("The weights add up to 99.99: they must add up to exactly 100.00");
	}

	@Test
	void weightsOverAHundredAreRefusedNamingTheTotal() {
		assertThat(refusals(criteria("50", "30", "20.01")::check).get("total")).contains("100.01");
	}

	@Test
	void aCriterionNeedsANameOfItsOwnAndAWeightMoreThanNothingToThePenny() {
		RoundCriteria criteria = new RoundCriteria(List.of(new Criterion("Evidence of need", "", new BigDecimal("50")),
				new Criterion("evidence of NEED", "", new BigDecimal("50")), new Criterion("", "", BigDecimal.TEN),
				new Criterion("Value for money", "", BigDecimal.ZERO),
				new Criterion("Outcomes", "", new BigDecimal("10.005"))));
		Map<String, String> errors = refusals(criteria::check);
		assertThat(errors).containsKeys("name-2", "name-3", "weight-4", "weight-5").doesNotContainKey("total");
		assertThat(errors.get("name-2"))
			.isEqualTo("There is already a criterion called evidence of NEED: give criterion 2 another name");
		assertThat(errors.get("weight-4")).isEqualTo("The weight of criterion 4 must be more than 0 and up to 100");
		assertThat(errors.get("weight-5")).isEqualTo("The weight of criterion 5 can have up to 2 decimal places");
	}

	@Test
	void noCriteriaAtAllIsRefused() {
		assertThat(refusals(new RoundCriteria(List.of())::check)).containsEntry("name-1",
				"Enter at least one criterion, with its weight");
	}

	@Test
	void theDefaultScaleDescribesEachPointFromNoughtToFive() {
		assertThatNoException().isThrownBy(RoundScale.DEFAULT::check);
		assertThat(RoundScale.DEFAULT.points()).extracting(ScalePoint::point).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(RoundScale.DEFAULT.points()).allSatisfy(point -> assertThat(point.description()).isNotBlank());
	}

	@Test
	void everyPointUpToTheTopIsDescribedAndNoneAboveIt() {
		Map<Integer, String> descriptions = new LinkedHashMap<>(RoundScale.DEFAULT.descriptions());
		descriptions.put(3, "  ");
		descriptions.put(7, "Outstanding");
		Map<String, String> errors = refusals(new RoundScale(5, descriptions)::check);
		assertThat(errors).containsOnlyKeys("point-3", "point-7");
		assertThat(errors.get("point-3")).isEqualTo("Describe what a score of 3 means");
		assertThat(errors.get("point-7"))
			.isEqualTo("7 is above the top of the scale (5): clear its description or raise the top to 7");
	}

	@Test
	void theTopOfTheScaleIsOneToTen() {
		assertThat(refusals(new RoundScale(11, Map.of())::check)).containsEntry("max",
				"Choose the top of the scale: from 1 to 10");
		assertThat(refusals(new RoundScale(0, Map.of())::check)).containsKey("max");
		assertThatNoException().isThrownBy(new RoundScale(1, Map.of(0, "Not met", 1, "Met"))::check);
	}

	@Test
	void detailsWithinTheRulesPass() {
		assertThatNoException().isThrownBy(details("100000", "1000", "10000", OPENS, CLOSES)::check);
	}

	@Test
	void aSmallestAwardAboveTheLargestIsRefused() {
		assertThat(refusals(details("100000", "10000", "5000", OPENS, CLOSES)::check)).containsOnlyKeys("maxAward")
			.containsEntry("maxAward", "The largest award (£5,000.00) must be at least the smallest (£10,000.00)");
	}

	@Test
	void aLargestAwardAboveTheBudgetIsRefused() {
		assertThat(refusals(details("8000", "1000", "10000", OPENS, CLOSES)::check)).containsEntry("maxAward",
				"The largest award (£10,000.00) must be no more than the budget (£8,000.00)");
	}

	@Test
	void aRoundClosesAfterItOpens() {
		assertThat(refusals(details("100000", "1000", "10000", CLOSES, OPENS)::check)).containsOnlyKeys("closes")
			.containsEntry("closes",
					"The round must close after it opens (31 July 2013 at 5:00pm): enter a later closing date or time");
		assertThat(refusals(details("100000", "1000", "10000", OPENS, OPENS)::check)).containsOnlyKeys("closes");
	}

	@Test
	void nothingTypedIsRefusedOnEveryField() {
		RoundDetails nothing = new RoundDetails(" ", null, null, null, null, null, null, null, null, null, 1,
				BigDecimal.ZERO, false, null);
		assertThat(refusals(nothing::check)).containsOnlyKeys("title", "route", "streamId", "budget", "minAward",
				"maxAward", "opens", "closes", "minReviewers", "moderationGap");
	}

	@Test
	void aReferenceIsLettersNumbersAndHyphens() {
		assertThat(RoundReference.check(" PCCG-2013-14 ")).isEqualTo("PCCG-2013-14");
		assertThat(refusals(() -> RoundReference.check("PCC Grant/2013"))).containsKey("reference");
		assertThat(refusals(() -> RoundReference.check("NEW"))).containsKey("reference");
		assertThat(refusals(() -> RoundReference.check(""))).containsEntry("reference",
				"Enter the round's reference, for example PCCG-2013-14");
	}

	@Test
	void onlyADraftsSetupChangesAndTheStatusesMoveInOrder() {
		assertThat(RoundStatus.DRAFT.setupChanges()).isTrue();
		assertThat(RoundStatus.OPEN.setupChanges()).isFalse();
		assertThat(RoundStatus.DRAFT.canBecome(RoundStatus.OPEN)).isTrue();
		assertThat(RoundStatus.DRAFT.canBecome(RoundStatus.CLOSED)).isFalse();
		assertThat(RoundStatus.IN_DECISION.canBecome(RoundStatus.AT_PANEL)).isTrue();
		assertThat(RoundStatus.DECIDED.canBecome(RoundStatus.CANCELLED)).isFalse();
	}

	static RoundCriteria criteria(String... weights) {
		String[] names = { "Evidence of need", "Outcomes", "Value for money", "Partnership working" };
		return new RoundCriteria(java.util.stream.IntStream.range(0, weights.length)
			.mapToObj(i -> new Criterion(names[i], "", new BigDecimal(weights[i])))
			.toList());
	}

	private static RoundDetails details(String budget, String min, String max, Instant opens, Instant closes) {
		return new RoundDetails("PCC Grant 2013-14", PurchasingRoute.PCC_GRANT, 1L, Money.of(budget), Money.of(min),
				Money.of(max), opens, closes, "", "", 2, new BigDecimal("20"), false, List.of());
	}

	private static Map<String, String> refusals(Runnable rule) {
		ValidationException refused = catchThrowableOfType(ValidationException.class, rule::run);
		assertThat(refused).as("refused").isNotNull();
		return refused.fieldErrors();
	}

}
