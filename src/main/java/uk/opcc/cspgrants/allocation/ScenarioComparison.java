package uk.opcc.cspgrants.allocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A run and a scenario side by side: every partnership's amount in each, and the
 * difference. Nothing of it is saved.
 *
 * @param run the run compared against
 * @param pot the scenario's pot
 * @param spec the scenario's weights, floor and damping
 * @param window the scenario's window
 * @param partnerships the partnerships the scenario covers, e.g. "All active partnerships
 * (9)"
 * @param fromCurrentData whether the scenario works from the current indicator data
 * (another window or set of partnerships) rather than the values the run froze
 * @param rows one per partnership in either, by code
 */
public record ScenarioComparison(RunView run, Money pot, FormulaSpec spec, List<FinancialYear> window,
		String partnerships, boolean fromCurrentData, List<Row> rows) {

	@JsonProperty
	public Money originalTotal() {
		return this.rows.stream().map(Row::original).reduce(Money.ZERO, Money::plus);
	}

	@JsonProperty
	public Money scenarioTotal() {
		return this.rows.stream().map(Row::scenario).reduce(Money.ZERO, Money::plus);
	}

	/** The largest amount in either, for drawing bars to scale. */
	public Money largest() {
		return this.rows.stream()
			.flatMap(row -> java.util.stream.Stream.of(row.original(), row.scenario()))
			.max(Money::compareTo)
			.orElse(Money.ZERO);
	}

	/**
	 * One partnership in both.
	 *
	 * @param code short code
	 * @param name name
	 * @param original its amount in the run
	 * @param scenario its amount in the scenario
	 */
	public record Row(String code, String name, Money original, Money scenario) {

		@JsonProperty
		public Money difference() {
			return this.scenario.minus(this.original);
		}

		/** The difference as a percentage of the original, to 2 decimal places. */
		@JsonProperty
		public BigDecimal differencePercent() {
			if (this.original.isZero()) {
				return null;
			}
			return difference().amount()
				.multiply(BigDecimal.valueOf(100))
				.divide(this.original.amount(), 2, RoundingMode.HALF_UP);
		}

	}

}
