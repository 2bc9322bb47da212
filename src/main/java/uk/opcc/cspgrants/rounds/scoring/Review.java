package uk.opcc.cspgrants.rounds.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One reviewer's scores of one application, a score per criterion in the round's order.
 * Their weighted total out of 100 is {@code Σ weight × score / top of the scale}; it is
 * kept exact as its numerator, the weighted sum ({@link #weightedSum}), since dividing by
 * a top of 3, 6, 7 or 9 does not end.
 *
 * @param reviewer who scored (a name, or "Reviewer 2" where the panel may not know)
 * @param scores a whole score from 0 to the top of the scale per criterion
 */
public record Review(String reviewer, List<Integer> scores) {

	public Review {
		scores = List.copyOf(scores);
	}

	/**
	 * {@code Σ weight × score}: the reviewer's total times the top of the scale.
	 * @throws IllegalArgumentException when there is not one score per weight, or a score
	 * is outside 0 to the top
	 */
	BigDecimal weightedSum(List<BigDecimal> weights, int top) {
		if (this.scores.size() != weights.size()) {
			throw new IllegalArgumentException(
					this.reviewer + " gave " + this.scores.size() + " scores for " + weights.size() + " criteria");
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < weights.size(); i++) {
			int score = this.scores.get(i);
			if (score < 0 || score > top) {
				throw new IllegalArgumentException(this.reviewer + " gave " + score + ", outside 0 to " + top);
			}
			sum = sum.add(weights.get(i).multiply(BigDecimal.valueOf(score)));
		}
		return sum;
	}

	/** The reviewer's total out of 100, half up to two places, as shown. */
	public BigDecimal total(List<BigDecimal> weights, int top) {
		return weightedSum(weights, top).divide(BigDecimal.valueOf(top), 2, RoundingMode.HALF_UP);
	}

}
