package uk.opcc.cspgrants.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Which months of police.uk data a financial year has.
 *
 * @param year the financial year
 * @param months the months loaded, in order
 */
public record CrimeCoverage(FinancialYear year, List<YearMonth> months) {

	public boolean complete() {
		return this.months.size() == 12;
	}

	/** The months of the year not loaded yet. */
	public List<YearMonth> missing() {
		List<YearMonth> missing = new ArrayList<>();
		YearMonth month = YearMonth.from(this.year.startDate());
		for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
			if (!this.months.contains(month)) {
				missing.add(month);
			}
		}
		return missing;
	}

	static FinancialYear yearOf(YearMonth month) {
		return FinancialYear.of(month.atDay(1));
	}

}
