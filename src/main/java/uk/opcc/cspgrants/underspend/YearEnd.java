package uk.opcc.cspgrants.underspend;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A year's underspend, as worked out now or as frozen when it was closed.
 *
 * @param year the financial year
 * @param closed whether finance has closed it
 * @param policy what happens to underspend
 * @param rows one per partnership with a grant
 * @param missingQ4 partnerships with no accepted Q4 return
 * @param missingReason finance's reason for closing without them
 * @param closedAt when it was closed
 * @param closedBy who closed it
 */
public record YearEnd(FinancialYear year, boolean closed, YearSettings.UnderspendPolicy policy,
		List<UnderspendRow> rows, List<String> missingQ4, String missingReason, Instant closedAt, String closedBy) {

	/** Underspends added up, overspends left out. */
	@JsonProperty
	public Money totalUnderspend() {
		return this.rows.stream()
			.map(UnderspendRow::underspend)
			.filter(amount -> !amount.isNegative())
			.reduce(Money.ZERO, Money::plus);
	}

	@JsonProperty
	public Money totalAvailable() {
		return this.rows.stream().map(UnderspendRow::totalAvailable).reduce(Money.ZERO, Money::plus);
	}

	@JsonProperty
	public Money totalSpend() {
		return this.rows.stream().map(UnderspendRow::finalSpend).reduce(Money.ZERO, Money::plus);
	}

	/**
	 * The pot for redistribution: the returned underspend of a year closed with that
	 * policy.
	 */
	@JsonProperty
	public Money returnedPot() {
		return (this.closed && this.policy == YearSettings.UnderspendPolicy.RETURN_TO_POT) ? totalUnderspend()
				: Money.ZERO;
	}

}
