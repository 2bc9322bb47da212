package uk.opcc.cspgrants.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import uk.opcc.cspgrants.shared.Dates;
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
	 * @param loaded false when anything was refused: then nothing was saved
	 * @param months each force's month found, with its record count and whether it
	 * replaced an earlier load or was already loaded from the same content (unchanged)
	 * @param files each file read, with its SHA-256, records read and duplicate crime IDs
	 * dropped
	 * @param partnerships records in the files per partnership (crimes and anti-social
	 * behaviour apart)
	 * @param changes what changed per partnership and affected financial year, before and
	 * after the load (empty when nothing was loaded or nothing changed)
	 * @param noLocation records with no LSOA, which belong to no partnership
	 * @param otherAreas records in areas that are no partnership, by area
	 * @param refused rows and files refused, with file, line (0: the whole file) and
	 * reason
	 */
	public record CrimeImport(boolean loaded, List<MonthLoaded> months, List<FileRead> files,
			List<PartnershipCount> partnerships, List<PartnershipChange> changes, long noLocation,
			List<AreaCount> otherAreas, List<RefusedRow> refused) {

		public long records() {
			return this.months.stream().filter(month -> !month.unchanged()).mapToLong(MonthLoaded::records).sum();
		}

		public long unchanged() {
			return this.months.stream().filter(MonthLoaded::unchanged).count();
		}

		/** The forces whose months the files hold, by name. */
		public List<String> forces() {
			return this.months.stream().map(MonthLoaded::force).distinct().sorted().toList();
		}

		/** "January 2023 to December 2024", or one month: "April 2023". */
		public String monthSpan() {
			List<YearMonth> sorted = this.months.stream().map(MonthLoaded::month).distinct().sorted().toList();
			if (sorted.isEmpty()) {
				return "";
			}
			String first = Dates.month(sorted.get(0));
			String last = Dates.month(sorted.get(sorted.size() - 1));
			return first.equals(last) ? first : first + " to " + last;
		}

		/** The financial years the months fall in, in order. */
		public List<FinancialYear> years() {
			return this.months.stream().map(MonthLoaded::financialYear).distinct().sorted().toList();
		}

		/** Records in areas that are no partnership, all together. */
		public long otherAreaRecords() {
			return this.otherAreas.stream().mapToLong(AreaCount::records).sum();
		}

		/** Force months that replaced an earlier load of the same force's month. */
		public long replaced() {
			return this.months.stream().filter(month -> month.replaced() && !month.unchanged()).count();
		}

	}

	/**
	 * One force's month in the files.
	 *
	 * @param force the force that reported the records ({@code Reported by})
	 * @param records records counted (duplicates dropped)
	 * @param replaced an earlier load of this force's month was replaced
	 * @param unchanged the same content was loaded already: nothing was counted again
	 * @param note what happened, in words (e.g. "already loaded on 2 Dec 2026 by officer;
	 * unchanged")
	 */
	public record MonthLoaded(String force, YearMonth month, FinancialYear financialYear, long records,
			List<String> files, boolean replaced, boolean unchanged, String note) {
	}

	/**
	 * One file read.
	 *
	 * @param recordsRead records read from the file
	 * @param duplicatesDropped records dropped because their crime ID was counted already
	 * in the same force's month
	 * @param recordsCounted records read less duplicates dropped
	 * @param forces the forces whose records it holds
	 */
	public record FileRead(String name, String sha256, long recordsRead, long duplicatesDropped, long recordsCounted,
			List<String> forces) {
	}

	public record PartnershipCount(String code, String name, long crimes, long antiSocialBehaviour) {
	}

	/**
	 * A partnership's figures for a financial year before and after a load.
	 */
	public record PartnershipChange(String code, String name, FinancialYear year, long crimesBefore, long crimesAfter,
			long antiSocialBehaviourBefore, long antiSocialBehaviourAfter) {

		public long crimesChange() {
			return this.crimesAfter - this.crimesBefore;
		}

		public long antiSocialBehaviourChange() {
			return this.antiSocialBehaviourAfter - this.antiSocialBehaviourBefore;
		}

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
