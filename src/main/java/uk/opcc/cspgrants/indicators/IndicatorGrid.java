package uk.opcc.cspgrants.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Every partnership's indicators for one financial year.
 *
 * @param year the financial year
 * @param indicators the columns, in order
 * @param rows one per active partnership, by name
 * @param crime the police.uk data of the year: forces, months and each partnership's
 * source
 */
public record IndicatorGrid(FinancialYear year, List<String> indicators, List<Row> rows, CrimeCoverage crime) {

	/** Every month of the year loaded by any force. */
	public List<YearMonth> crimeMonths() {
		return this.crime.months();
	}

	/** Every partnership with records has its home force's 12 months. */
	public boolean crimeComplete() {
		return this.crime.complete();
	}

	/** One partnership's values; a missing value has no cell. */
	public record Row(PartnershipView partnership, Map<String, Cell> cells) {

		public Cell cell(String indicator) {
			return this.cells.get(indicator);
		}

	}

	/**
	 * One value with where it came from.
	 *
	 * @param value the number
	 * @param source where it came from (a file, a calculation, or an officer's
	 * correction)
	 * @param correction the reason an officer gave for correcting it, or {@code null}
	 */
	public record Cell(BigDecimal value, String source, String correction) {

		public boolean corrected() {
			return this.correction != null;
		}

	}

}
