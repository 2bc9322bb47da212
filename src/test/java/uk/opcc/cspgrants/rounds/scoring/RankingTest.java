package uk.opcc.cspgrants.rounds.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a round's scores add up, on the worked example of the design (criteria A 50, B 30,
 * C 20; scale 0 to 5; gap 25; budget £20,000), every figure worked out by hand; and, for
 * any scores, the ranking against an independent method (averages divided to 34
 * significant figures).
 */
class RankingTest {

	private static final List<BigDecimal> WEIGHTS = List.of(new BigDecimal("50"), new BigDecimal("30"),
			new BigDecimal("20"));

	private static final BigDecimal GAP = new BigDecimal("25");

	private static final Money BUDGET = Money.of("20000.00");

	private static ScoreSheet sheet(String reference, String requested, Review... reviews) {
		return new ScoreSheet(reference, Money.of(requested), WEIGHTS, 5, List.of(reviews));
	}

	private static Review review(String reviewer, int a, int b, int c) {
		return new Review(reviewer, List.of(a, b, c));
	}

	private static final ScoreSheet R1 = sheet("R1", "8000", review("X", 4, 3, 5), review("Y", 5, 4, 4));

	private static final ScoreSheet R2 = sheet("R2", "9000", review("X", 3, 3, 3), review("Y", 5, 5, 5));

	private static final ScoreSheet R3 = sheet("R3", "5000", review("X", 4, 4, 4), review("Y", 4, 4, 3),
			review("W", 5, 3, 2));

	private static final ScoreSheet R4 = sheet("R4", "6000", review("X", 3, 4, 5), review("W", 4, 3, 4));

	private static final ScoreSheet R5 = sheet("R5", "4000", review("X", 2, 3, 2), review("Y", 3, 2, 2));

	@Test
	void eachReviewersTotalIsTheirWeightedScoreOutOfAHundred() {
		assertThat(R1.totals()).containsExactly(new BigDecimal("78.00"), new BigDecimal("90.00"));
		assertThat(R2.totals()).containsExactly(new BigDecimal("60.00"), new BigDecimal("100.00"));
		assertThat(R3.totals()).containsExactly(new BigDecimal("80.00"), new BigDecimal("76.00"),
				new BigDecimal("76.00"));
		assertThat(R4.totals()).containsExactly(new BigDecimal("74.00"), new BigDecimal("74.00"));
		assertThat(R5.totals()).containsExactly(new BigDecimal("46.00"), new BigDecimal("50.00"));
	}

	@Test
	void averagesSpreadsAndFlagsAreTheWorkedExamples() {
		assertThat(List.of(R1, R2, R3, R4, R5)).extracting(ScoreSheet::average)
			.containsExactly(new BigDecimal("84.00"), new BigDecimal("80.00"), new BigDecimal("77.33"),
					new BigDecimal("74.00"), new BigDecimal("48.00"));
		assertThat(List.of(R1, R2, R3, R4, R5)).extracting(ScoreSheet::spread)
			.containsExactly(new BigDecimal("12.00"), new BigDecimal("40.00"), new BigDecimal("4.00"),
					new BigDecimal("0.00"), new BigDecimal("4.00"));
		assertThat(List.of(R1, R2, R3, R4, R5)).extracting(sheet -> sheet.flagged(GAP, 2))
			.containsExactly(false, true, false, false, false);
		assertThat(R3.total()).isEqualByComparingTo("232.00");
		assertThat(R3.criterionAverages()).containsExactly(new BigDecimal("4.33"), new BigDecimal("3.67"),
				new BigDecimal("3.00"));
		assertThat(sheet("R9", "1000", review("X", 5, 5, 5)).flagged(GAP, 2)).as("one review of two").isTrue();
		assertThat(sheet("R9", "1000", review("X", 5, 5, 5), review("Y", 5, 0, 5)).flagged(new BigDecimal("30"), 2))
			.as("a spread of exactly the gap is not flagged")
			.isFalse();
	}

	@Test
	void theRankedListDrawsTheLineAfterTheSecondAndLeavesThreeThousand() {
		Ranking ranking = Ranking.of(List.of(R5, R3, R1, R4, R2), BUDGET, GAP, 2);
		assertThat(ranking.rows()).extracting(row -> row.sheet().reference())
			.containsExactly("R1", "R2", "R3", "R4", "R5");
		assertThat(ranking.rows()).extracting(row -> row.runningTotal().amount())
			.containsExactly(new BigDecimal("8000.00"), new BigDecimal("17000.00"), new BigDecimal("22000.00"),
					new BigDecimal("28000.00"), new BigDecimal("32000.00"));
		assertThat(ranking.rows()).extracting(Ranking.Row::aboveTheLine)
			.containsExactly(true, true, false, false, false);
		assertThat(ranking.rows()).extracting(Ranking.Row::flagged).containsExactly(false, true, false, false, false);
		assertThat(ranking.cutOffAfter()).isEqualTo(2);
		assertThat(ranking.remaining()).isEqualTo(Money.of("3000.00"));
	}

	@Test
	void equalAveragesRankTheReviewersWhoAgreeFirst() {
		// with weights 50/30/20 on 0 to 5 a total is 10a + 6b + 4c, always even: R6's
		// reviewers give 72 and 76, the same average as R4 (74.00) with a spread of 4
		ScoreSheet r6 = sheet("R6", "1000", review("W", 4, 4, 2), review("Z", 4, 4, 3));
		assertThat(r6.totals()).containsExactly(new BigDecimal("72.00"), new BigDecimal("76.00"));
		assertThat(r6.average()).isEqualByComparingTo(R4.average());
		assertThat(r6.spread()).isEqualByComparingTo("4.00");
		Ranking ranking = Ranking.of(List.of(r6, R4, R3), BUDGET, GAP, 2);
		assertThat(ranking.rows()).extracting(row -> row.sheet().reference()).containsExactly("R3", "R4", "R6");
	}

	@Test
	void aRoundedTieIsNotATieWhenTheExactAveragesDiffer() {
		// on a scale of 0 to 3, 50 × 2 / 3 = 33.333…: two averages that show 33.33 differ
		// exactly
		List<BigDecimal> weights = List.of(new BigDecimal("50"), new BigDecimal("50"));
		ScoreSheet third = new ScoreSheet("A", Money.of("1"), weights, 3, List.of(new Review("X", List.of(2, 0))));
		ScoreSheet near = new ScoreSheet("B", Money.of("1"), weights, 3, List.of(new Review("X", List.of(2, 0)),
				new Review("Y", List.of(2, 0)), new Review("Z", List.of(2, 0))));
		assertThat(third.average()).isEqualByComparingTo(near.average());
		assertThat(third.compareAverage(near)).isZero();
		assertThatThrownBy(() -> new Review("X", List.of(4, 0)).weightedSum(weights, 3))
			.hasMessageContaining("outside 0 to 3");
	}

	@Property(tries = 300)
	void theRankingIsTheOrderOfAveragesWorkedOutAnotherWay(@ForAll("rounds") List<ScoreSheet> sheets) {
		Ranking ranking = Ranking.of(sheets, Money.of("10000"), GAP, 2);
		List<ScoreSheet> expected = new ArrayList<>(sheets);
		expected.sort(Comparator.comparing(RankingTest::averageAnotherWay)
			.reversed()
			.thenComparing(RankingTest::spreadAnotherWay)
			.thenComparing(ScoreSheet::reference));
		assertThat(ranking.rows()).extracting(Ranking.Row::sheet).containsExactlyElementsOf(expected);
		Money running = Money.ZERO;
		for (Ranking.Row row : ranking.rows()) {
			running = running.plus(row.sheet().requested());
			assertThat(row.runningTotal()).isEqualTo(running);
		}
	}

	/** The average as Σ (Σ weight × score / top) / n, each division to 34 figures. */
	private static BigDecimal averageAnotherWay(ScoreSheet sheet) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Review review : sheet.reviews()) {
			BigDecimal weighted = BigDecimal.ZERO;
			for (int i = 0; i < sheet.weights().size(); i++) {
				weighted = weighted.add(sheet.weights().get(i).multiply(BigDecimal.valueOf(review.scores().get(i))));
			}
			sum = sum.add(weighted);
		}
		return sum.divide(BigDecimal.valueOf((long) sheet.top() * sheet.reviews().size()), MathContext.DECIMAL128);
	}

	private static BigDecimal spreadAnotherWay(ScoreSheet sheet) {
		List<BigDecimal> totals = sheet.reviews().stream().map(review -> {
			BigDecimal weighted = BigDecimal.ZERO;
			for (int i = 0; i < sheet.weights().size(); i++) {
				weighted = weighted.add(sheet.weights().get(i).multiply(BigDecimal.valueOf(review.scores().get(i))));
			}
			return weighted.divide(BigDecimal.valueOf(sheet.top()), MathContext.DECIMAL128);
		}).sorted().toList();
		return totals.get(totals.size() - 1).subtract(totals.get(0));
	}

	@Provide
	Arbitrary<List<ScoreSheet>> rounds() {
		return Arbitraries.integers().between(2, 9).flatMap(top -> Arbitraries.integers().between(1, 98).flatMap(a -> {
			List<BigDecimal> weights = List.of(BigDecimal.valueOf(a), BigDecimal.valueOf(100 - a));
			Arbitrary<Review> review = Combinators
				.combine(Arbitraries.integers().between(0, top), Arbitraries.integers().between(0, top))
				.as((x, y) -> new Review("R", List.of(x, y)));
			Arbitrary<ScoreSheet> sheet = Combinators
				.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(4),
						Arbitraries.integers().between(1, 5000), review.list().ofMinSize(1).ofMaxSize(4))
				.as((reference, requested, reviews) -> new ScoreSheet(reference, Money.of(requested + ".00"), weights,
						top, reviews));
			return sheet.list().ofMinSize(1).ofMaxSize(12).uniqueElements(ScoreSheet::reference);
		}));
	}

}
