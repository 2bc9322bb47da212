package uk.opcc.cspgrants.allocation.check;

import java.time.Instant;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A published split as saved, with how it is checked.
 *
 * @param id its id
 * @param name e.g. {@code EXE0019-24 CSP funding}
 * @param source where it was published, e.g. {@code Decision record EXE0019-24}
 * @param year the financial year the money is for
 * @param windowEnd the last financial year of indicator data it is checked against
 * @param windowYears how many years of indicator data are averaged
 * @param indicators the indicator keys it is checked against
 * @param amounts what was published, in the order it was published
 * @param createdBy who saved it
 * @param createdAt when
 */
public record SavedSplit(long id, String name, String source, FinancialYear year, FinancialYear windowEnd,
		int windowYears, List<String> indicators, List<PublishedTable.Entry> amounts, String createdBy,
		Instant createdAt) {

	public SavedSplit {
		indicators = List.copyOf(indicators);
		amounts = List.copyOf(amounts);
	}

	public Money total() {
		return this.amounts.stream().map(PublishedTable.Entry::amount).reduce(Money.ZERO, Money::plus);
	}

	/** The amounts as lines of a table, as a person would type them. */
	public String asTable() {
		StringBuilder text = new StringBuilder();
		this.amounts
			.forEach((entry) -> text.append(entry.name()).append('\t').append(entry.amount().format()).append('\n'));
		return text.toString();
	}

}
