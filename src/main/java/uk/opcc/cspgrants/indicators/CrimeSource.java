package uk.opcc.cspgrants.indicators;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Where one partnership's police.uk figures for a financial year came from: which forces,
 * which months and which files. The home force is the force that reported most of the
 * partnership's records in the year; the year is complete when the home force has all 12
 * months loaded. Records in the partnership reported by other forces (border areas) are
 * added and named. Plain Java: tested without Spring.
 *
 * @param code the partnership's code
 * @param name the partnership's name
 * @param year the financial year
 * @param forces the home force first, then the others by name
 */
public record CrimeSource(String code, String name, FinancialYear year, List<Force> forces) {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	/**
	 * One force's part.
	 *
	 * @param force the force, as its files say it ({@code Reported by})
	 * @param monthsLoaded the months of the year loaded for this force
	 * @param records this partnership's records (crimes and anti-social behaviour)
	 * reported by this force in the year
	 * @param files the files of this force's months, by name
	 */
	public record Force(String force, List<YearMonth> monthsLoaded, long records, List<LoadedFile> files) {
	}

	/**
	 * A file behind a load.
	 *
	 * @param month the force's month it was loaded for
	 * @param name the file's name
	 * @param sha256 the SHA-256 of its content (null for loads from before it was kept)
	 * @param recordsRead records read for this force and month
	 * @param duplicatesDropped records dropped because their crime ID was counted already
	 * @param loadedAt when the month was loaded, as text
	 * @param loadedBy who loaded it
	 */
	public record LoadedFile(YearMonth month, String name, String sha256, Long recordsRead, Long duplicatesDropped,
			String loadedAt, String loadedBy) {
	}

	/**
	 * The source of a partnership's year from its records per force and each force's
	 * loaded months and files.
	 * @param recordsByForce the partnership's records in the year by force (more than 0)
	 * @param monthsByForce the months of the year loaded, by force
	 * @param filesByForce the files of the year's loads, by force
	 */
	static CrimeSource of(String code, String name, FinancialYear year, Map<String, Long> recordsByForce,
			Map<String, ? extends Set<YearMonth>> monthsByForce, Map<String, List<LoadedFile>> filesByForce) {
		List<Force> forces = new ArrayList<>();
		recordsByForce.forEach((force, records) -> {
			TreeSet<YearMonth> months = new TreeSet<>();
			if (monthsByForce.containsKey(force)) {
				months.addAll(monthsByForce.get(force));
			}
			forces.add(new Force(force, List.copyOf(months), records, filesByForce.getOrDefault(force, List.of())));
		});
		forces.sort(Comparator.comparingLong(Force::records).reversed().thenComparing(Force::force));
		List<Force> ordered = new ArrayList<>();
		if (!forces.isEmpty()) {
			ordered.add(forces.get(0));
			forces.subList(1, forces.size()).stream().sorted(Comparator.comparing(Force::force)).forEach(ordered::add);
		}
		return new CrimeSource(code, name, year, List.copyOf(ordered));
	}

	/** The force that reported most of the partnership's records, or null if none. */
	public Force home() {
		return this.forces.isEmpty() ? null : this.forces.get(0);
	}

	/** The home force has all 12 months of the year loaded. */
	public boolean complete() {
		return home() != null && home().monthsLoaded().size() == 12;
	}

	/**
	 * The months of the year the home force has not loaded (all 12 with no home force).
	 */
	public List<YearMonth> missing() {
		List<YearMonth> missing = new ArrayList<>();
		YearMonth month = YearMonth.from(this.year.startDate());
		for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
			if (home() == null || !home().monthsLoaded().contains(month)) {
				missing.add(month);
			}
		}
		return missing;
	}

	/** The number of distinct files behind the figures. */
	public long fileCount() {
		return this.forces.stream().flatMap(force -> force.files().stream()).map(LoadedFile::name).distinct().count();
	}

	/**
	 * The source in words, e.g. "police.uk: Leicestershire Police, Apr 2023 to Mar 2024,
	 * 12 files".
	 */
	public String text() {
		if (home() == null) {
			return "police.uk: no records loaded for " + this.year;
		}
		StringBuilder text = new StringBuilder("police.uk: ").append(home().force()).append(", ");
		if (complete()) {
			text.append(months(home().monthsLoaded()));
		}
		else {
			text.append(home().monthsLoaded().size())
				.append(" of 12 months (")
				.append(months(home().monthsLoaded()))
				.append("; not loaded: ")
				.append(months(missing()))
				.append(")");
		}
		text.append(", ").append(files(home()));
		for (Force other : this.forces.subList(1, this.forces.size())) {
			text.append("; also ")
				.append(other.force())
				.append(" (records in this area it reported), ")
				.append(months(other.monthsLoaded()))
				.append(", ")
				.append(files(other));
		}
		return text.toString();
	}

	private static String files(Force force) {
		long count = force.files().stream().map(LoadedFile::name).distinct().count();
		return count + ((count == 1) ? " file" : " files");
	}

	/** Months as ranges: "Apr 2023 to Feb 2024", "Apr 2023, Jun 2023 to Jul 2023". */
	public static String months(List<YearMonth> months) {
		if (months.isEmpty()) {
			return "no months";
		}
		List<YearMonth> sorted = List.copyOf(new TreeSet<>(months));
		List<String> ranges = new ArrayList<>();
		YearMonth first = sorted.get(0);
		YearMonth last = first;
		for (YearMonth month : sorted.subList(1, sorted.size())) {
			if (month.equals(last.plusMonths(1))) {
				last = month;
			}
			else {
				ranges.add(range(first, last));
				first = month;
				last = month;
			}
		}
		ranges.add(range(first, last));
		return String.join(", ", ranges);
	}

	private static String range(YearMonth first, YearMonth last) {
		return first.equals(last) ? MONTH.format(first) : MONTH.format(first) + " to " + MONTH.format(last);
	}

}
