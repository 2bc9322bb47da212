package uk.opcc.cspgrants.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * What an import loaded, noticed and refused. Nothing is loaded when anything is refused.
 */
public final class ImportResults {

	private ImportResults() {
	}

	/**
	 * The result of loading police.uk files.
	 *
	 * @param loaded false when any row was refused: then nothing was saved
	 * @param months each month found, with its record count and whether it replaced an
	 * earlier load
	 * @param partnerships records per partnership (crimes and anti-social behaviour
	 * apart)
	 * @param noLocation records with no LSOA, which belong to no partnership
	 * @param otherAreas records in areas that are no partnership, by area
	 * @param refused rows refused, with file, line and reason
	 */
	public record CrimeImport(boolean loaded, List<MonthLoaded> months, List<PartnershipCount> partnerships,
			long noLocation, List<AreaCount> otherAreas, List<RefusedRow> refused) {

		public long records() {
			return this.months.stream().mapToLong(MonthLoaded::records).sum();
		}

	}

	public record MonthLoaded(YearMonth month, FinancialYear financialYear, long records, List<String> files,
			boolean replaced) {
	}

	public record PartnershipCount(String code, String name, long crimes, long antiSocialBehaviour) {
	}

	public record AreaCount(String area, long records) {
	}

	/**
	 * The result of loading ONS population estimates for a financial year.
	 *
	 * @param loaded false when any row was refused
	 * @param year the financial year the figures were loaded for
	 * @param values the population of each partnership found in the file
	 * @param missing partnerships whose area code is not in the file (their population is
	 * unchanged)
	 * @param refused rows refused
	 */
	public record PopulationImport(boolean loaded, FinancialYear year, List<PartnershipValue> values,
			List<String> missing, List<RefusedRow> refused) {
	}

	public record PartnershipValue(String code, String name, BigDecimal value) {
	}

	/**
	 * The result of loading a generic indicator CSV.
	 *
	 * @param loaded false when any row was refused
	 * @param values each value loaded
	 * @param refused rows refused
	 */
	public record IndicatorImport(boolean loaded, List<IndicatorLoaded> values, List<RefusedRow> refused) {
	}

	public record IndicatorLoaded(String partnershipCode, FinancialYear year, String indicator, BigDecimal value) {
	}

}
