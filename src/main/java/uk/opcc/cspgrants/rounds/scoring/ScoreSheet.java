package uk.opcc.cspgrants.rounds.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.opcc.cspgrants.shared.Money;

/**
 * An application's submitted reviews against a round's criteria: each reviewer's total
 * out of 100, the application's total and average, the spread between its highest and
 * lowest reviewer, and whether it asks for moderation (a spread wider than the round's
 * gap, or fewer reviews than the round needs). Only submitted reviews belong here: a
 * reviewer who declared a conflict, or whose allocation was withdrawn, scores nothing.
 *
 * @param reference the application's reference
 * @param requested what it asks for
 * @param weights the criteria's weights, adding up to 100, in the round's order
 * @param top the top of the round's scale
 * @param reviews the submitted reviews
 */
public record ScoreSheet(String reference, Money requested, List<BigDecimal> weights, int top, List<Review> reviews) {

	public ScoreSheet {
		weights = List.copyOf(weights);
		reviews = List.copyOf(reviews);
		if (top < 1) {
			throw new IllegalArgumentException("The top of a scale is at least 1");
		}
	}

	public int count() {
		return this.reviews.size();
	}

	/** Each reviewer's total out of 100, half up to two places, in the order given. */
	public List<BigDecimal> totals() {
		return this.reviews.stream().map(review -> review.total(this.weights, this.top)).toList();
	}

	/**
	 * The reviewers' totals added up, half up to two places; zero with no reviews.
	 */
	public BigDecimal total() {
		return sum().divide(BigDecimal.valueOf(this.top), 2, RoundingMode.HALF_UP);
	}

	/** The average of the reviewers' totals, half up to two places; zero with none. */
	public BigDecimal average() {
		if (this.reviews.isEmpty()) {
			return BigDecimal.ZERO.setScale(2);
		}
		return sum().divide(BigDecimal.valueOf((long) this.top * count()), 2, RoundingMode.HALF_UP);
	}

	/**
	 * The highest reviewer's total less the lowest's, half up to two places; zero with
	 * fewer than two reviews.
	 */
	public BigDecimal spread() {
		return spreadTimesTop().divide(BigDecimal.valueOf(this.top), 2, RoundingMode.HALF_UP);
	}

	/** Each criterion's average score (0 to the top), half up to two places. */
	public List<BigDecimal> criterionAverages() {
		List<BigDecimal> averages = new ArrayList<>();
		for (int i = 0; i < this.weights.size(); i++) {
			int criterion = i;
			long sum = this.reviews.stream().mapToLong(review -> review.scores().get(criterion)).sum();
			averages.add(this.reviews.isEmpty() ? BigDecimal.ZERO.setScale(2)
					: BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count()), 2, RoundingMode.HALF_UP));
		}
		return averages;
	}

	/**
	 * True when the reviewers disagree by more than {@code gap} points out of 100
	 * (exactly, not on rounded totals: a spread of exactly the gap is not flagged).
	 */
	public boolean disagree(BigDecimal gap) {
		return spreadTimesTop().compareTo(gap.multiply(BigDecimal.valueOf(this.top))) > 0;
	}

	/** True when fewer reviews are in than the round needs. */
	public boolean tooFewReviews(int minReviewers) {
		return count() < minReviewers;
	}

	/**
	 * True when the application asks for moderation: the reviewers disagree, or too few
	 * scored.
	 */
	public boolean flagged(BigDecimal gap, int minReviewers) {
		return disagree(gap) || tooFewReviews(minReviewers);
	}

	/**
	 * Compares averages exactly: {@code S1 / n1} against {@code S2 / n2} as
	 * {@code S1 × n2} against {@code S2 × n1} (the top of the scale is the round's, the
	 * same for both). An application with no reviews comes below any with some.
	 */
	int compareAverage(ScoreSheet other) {
		if (this.reviews.isEmpty() || other.reviews.isEmpty()) {
			return Boolean.compare(!this.reviews.isEmpty(), !other.reviews.isEmpty());
		}
		return sum().multiply(BigDecimal.valueOf(other.count()))
			.compareTo(other.sum().multiply(BigDecimal.valueOf(count())));
	}

	/** Compares spreads exactly. */
	int compareSpread(ScoreSheet other) {
		return spreadTimesTop().compareTo(other.spreadTimesTop());
	}

	private BigDecimal sum() {
		return this.reviews.stream()
			.map(review -> review.weightedSum(this.weights, this.top))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private BigDecimal spreadTimesTop() {
		if (this.reviews.size() < 2) {
			return BigDecimal.ZERO;
		}
		List<BigDecimal> sums = this.reviews.stream()
			.map(review -> review.weightedSum(this.weights, this.top))
			.sorted(Comparator.naturalOrder())
			.toList();
		return sums.get(sums.size() - 1).subtract(sums.get(0));
	}

}
