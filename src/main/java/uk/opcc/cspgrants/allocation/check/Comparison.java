package uk.opcc.cspgrants.allocation.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import uk.opcc.cspgrants.shared.Money;

/**
 * Published amounts against amounts worked out another way, partnership by partnership,
 * with the largest and the mean absolute difference.
 *
 * @param rows one per partnership, in the formula's order (by code)
 * @param largestPence the largest absolute difference, in pence
 * @param largestName the partnership with it (the first, if several)
 * @param meanAbsolute the mean absolute difference, in pounds to the penny (half up)
 */
public record Comparison(List<Row> rows, long largestPence, String largestName, Money meanAbsolute) {

	public Comparison {
		rows = List.copyOf(rows);
	}

	/**
	 * One partnership.
	 *
	 * @param code its code
	 * @param name its name
	 * @param publishedPence what was published
	 * @param workedOutPence what the weights give
	 */
	public record Row(String code, String name, long publishedPence, long workedOutPence) {

		public long differencePence() {
			return this.workedOutPence - this.publishedPence;
		}

		public Money published() {
			return Money.ofPence(this.publishedPence);
		}

		public Money workedOut() {
			return Money.ofPence(this.workedOutPence);
		}

		public Money difference() {
			return Money.ofPence(differencePence());
		}

		/** The difference as a percentage of the published amount; null if that is 0. */
		public BigDecimal differencePercent() {
			return SplitCheck.percentOf(differencePence(), this.publishedPence);
		}

	}

	static Comparison of(List<Row> rows) {
		long largest = -1;
		String largestName = null;
		long sum = 0;
		for (Row row : rows) {
			long absolute = Math.abs(row.differencePence());
			sum += absolute;
			if (absolute > largest) {
				largest = absolute;
				largestName = row.name();
			}
		}
		BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(rows.size()), 0, RoundingMode.HALF_UP);
		return new Comparison(rows, largest, largestName, Money.ofPence(mean.longValueExact()));
	}

	public Money largest() {
		return Money.ofPence(this.largestPence);
	}

	public Money publishedTotal() {
		return Money.ofPence(this.rows.stream().mapToLong(Row::publishedPence).sum());
	}

	public Money workedOutTotal() {
		return Money.ofPence(this.rows.stream().mapToLong(Row::workedOutPence).sum());
	}

}
