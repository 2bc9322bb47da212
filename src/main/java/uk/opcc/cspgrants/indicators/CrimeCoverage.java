package uk.opcc.cspgrants.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Which months of police.uk data a financial year has, per force, and whether each
 * partnership's year is complete (its home force has all 12 months loaded).
 *
 * @param year the financial year
 * @param forces each force with months loaded in the year, by name
 * @param partnerships each active partnership with records in the year, by name
 */
public record CrimeCoverage(FinancialYear year, List<ForceMonths> forces, List<CrimeSource> partnerships) {

	/**
	 * The months of a year one force has loaded.
	 *
	 * @param force the force ({@code Reported by})
	 * @param months the months loaded, in order
	 */
	public record ForceMonths(String force, List<YearMonth> months) {

		public boolean complete() {
			return this.months.size() == 12;
		}

		public List<YearMonth> missing() {
			return missingOf(this.months, this.months.isEmpty() ? null : yearOf(this.months.get(0)));
		}

	}

	/** Every month loaded by any force, in order. */
	public List<YearMonth> months() {
		TreeSet<YearMonth> months = new TreeSet<>();
		this.forces.forEach(force -> months.addAll(force.months()));
		return List.copyOf(months);
	}

	/**
	 * Every active partnership with records has its home force's 12 months (and there is
	 * at least one).
	 */
	public boolean complete() {
		return !this.partnerships.isEmpty() && this.partnerships.stream().allMatch(CrimeSource::complete);
	}

	/**
	 * The same year for only these partnerships (by code): what a run over a chosen set,
	 * or a check of a published table, needs whole; other partnerships' gaps do not
	 * matter to it.
	 */
	public CrimeCoverage of(java.util.Collection<String> codes) {
		return new CrimeCoverage(this.year, this.forces,
				this.partnerships.stream().filter(partnership -> codes.contains(partnership.code())).toList());
	}

	/** The partnerships whose year is not complete. */
	public List<CrimeSource> incomplete() {
		return this.partnerships.stream().filter(partnership -> !partnership.complete()).toList();
	}

	/** The months of the year that no force has loaded. */
	public List<YearMonth> missing() {
		return missingOf(months(), this.year);
	}

	/** Why the year cannot be used yet, in words; null when it is complete. */
	public String problem() {
		if (complete()) {
			return null;
		}
		if (this.partnerships.isEmpty()) {
			return "Police.uk crime for " + this.year + " has " + months().size() + " of 12 months loaded";
		}
		List<String> each = new ArrayList<>();
		for (CrimeSource partnership : incomplete()) {
			each.add(partnership.name() + " (" + partnership.home().force() + " has "
					+ partnership.home().monthsLoaded().size() + " of 12 months; not loaded: "
					+ CrimeSource.months(partnership.missing()) + ")");
		}
		return "Police.uk crime for " + this.year + " is not complete for " + String.join(", ", each);
	}

	private static List<YearMonth> missingOf(List<YearMonth> months, FinancialYear year) {
		List<YearMonth> missing = new ArrayList<>();
		if (year == null) {
			return missing;
		}
		YearMonth month = YearMonth.from(year.startDate());
		for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
			if (!months.contains(month)) {
				missing.add(month);
			}
		}
		return missing;
	}

	static FinancialYear yearOf(YearMonth month) {
		return FinancialYear.of(month.atDay(1));
	}

}
