package uk.opcc.cspgrants.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * The quarterly report for a financial year and quarter, laid out as the Board reads it:
 * Table 1 (allocated) and Table 2 (spent). Plain Java, worked out from each partnership's
 * grant and received returns.
 *
 * <p>
 * A partnership with no received return for a quarter takes the figures of its latest
 * earlier return, with the comment "Q2 report has not been received, Q1 figures have
 * therefore been used for Q2"; with no earlier return at all its row says "No return
 * received" and counts nothing. Percentages are rounded half up to whole percent.
 *
 * @param year the financial year
 * @param quarter the quarter reported on
 * @param rows one per partnership, in the order given
 */
public record QuarterlyReport(FinancialYear year, Quarter quarter, List<Row> rows) {

	/** What the report needs of one partnership. */
	public record Input(String name, Money allocation, Money carryForward, Map<Quarter, Figures> received,
			Map<Quarter, String> comments) {
	}

	/** A received return's headline figures. */
	public record Figures(Money plannedAllocation, Money cumulativeSpend) {
	}

	/**
	 * One partnership's row in both tables.
	 *
	 * @param name the local authority
	 * @param allocation this year's allocation
	 * @param carryForward the previous year's carry forward
	 * @param planned planned allocation as per the quarter's return (or carried), null if
	 * none
	 * @param spendByQuarter cumulative spend at Q1 .. the quarter, null where none
	 * @param comment the comment
	 */
	public record Row(String name, Money allocation, Money carryForward, Money planned, List<Money> spendByQuarter,
			String comment) {

		public Money totalAllocation() {
			return this.allocation.plus(this.carryForward);
		}

		public Money remainder() {
			return (this.planned != null) ? totalAllocation().minus(this.planned) : null;
		}

		public Integer percentAllocated() {
			return percent(this.planned, totalAllocation());
		}

		public Money spendAtQuarter() {
			return this.spendByQuarter.isEmpty() ? null : this.spendByQuarter.get(this.spendByQuarter.size() - 1);
		}

		public Integer percentSpent() {
			return percent(spendAtQuarter(), totalAllocation());
		}

	}

	public static QuarterlyReport of(FinancialYear year, Quarter quarter, List<Input> inputs) {
		List<Row> rows = new ArrayList<>();
		for (Input input : inputs) {
			Figures atQuarter = null;
			Quarter usedFor = null;
			List<Money> spend = new ArrayList<>();
			for (Quarter q : Quarter.values()) {
				if (q.compareTo(quarter) > 0) {
					break;
				}
				Figures latest = latestUpTo(input.received(), q);
				spend.add((latest != null) ? latest.cumulativeSpend() : null);
				if (q == quarter) {
					atQuarter = latest;
					usedFor = latestQuarterUpTo(input.received(), q);
				}
			}
			String comment;
			if (atQuarter == null) {
				comment = "No return received";
			}
			else if (usedFor != quarter) {
				comment = quarter + " report has not been received, " + usedFor
						+ " figures have therefore been used for " + quarter;
			}
			else {
				comment = input.comments().getOrDefault(quarter, "");
			}
			rows.add(new Row(input.name(), input.allocation(), input.carryForward(),
					(atQuarter != null) ? atQuarter.plannedAllocation() : null, spend, comment));
		}
		return new QuarterlyReport(year, quarter, rows);
	}

	public Money totalAllocation() {
		return sum(this.rows.stream().map(Row::allocation).toList());
	}

	public Money totalCarryForward() {
		return sum(this.rows.stream().map(Row::carryForward).toList());
	}

	public Money totalTotalAllocation() {
		return sum(this.rows.stream().map(Row::totalAllocation).toList());
	}

	public Money totalPlanned() {
		return sum(this.rows.stream().map(Row::planned).toList());
	}

	public Money totalRemainder() {
		return sum(this.rows.stream().map(Row::remainder).toList());
	}

	/** Total cumulative spend at each quarter up to the one reported on. */
	public List<Money> totalSpendByQuarter() {
		List<Money> totals = new ArrayList<>();
		for (int i = 0; i < this.quarter.number(); i++) {
			int index = i;
			totals.add(sum(this.rows.stream().map(row -> row.spendByQuarter().get(index)).toList()));
		}
		return totals;
	}

	/** The quarters of Table 2's spend columns. */
	public List<Quarter> quarters() {
		return List.of(Quarter.values()).subList(0, this.quarter.number());
	}

	private static Figures latestUpTo(Map<Quarter, Figures> received, Quarter quarter) {
		Quarter latest = latestQuarterUpTo(received, quarter);
		return (latest != null) ? received.get(latest) : null;
	}

	private static Quarter latestQuarterUpTo(Map<Quarter, Figures> received, Quarter quarter) {
		Quarter latest = null;
		for (Quarter q : Quarter.values()) {
			if (q.compareTo(quarter) <= 0 && received.containsKey(q)) {
				latest = q;
			}
		}
		return latest;
	}

	static Integer percent(Money part, Money whole) {
		if (part == null || whole == null || whole.isZero()) {
			return null;
		}
		return part.amount()
			.multiply(BigDecimal.valueOf(100))
			.divide(whole.amount(), 0, RoundingMode.HALF_UP)
			.intValueExact();
	}

	private static Money sum(List<Money> amounts) {
		return amounts.stream().filter(java.util.Objects::nonNull).reduce(Money.ZERO, Money::plus);
	}

	static Map<Quarter, Figures> noReturns() {
		return new EnumMap<>(Quarter.class);
	}

}
