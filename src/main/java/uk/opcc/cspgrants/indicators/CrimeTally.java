package uk.opcc.cspgrants.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Crime records counted per file, force and month, area and crime type, as read from
 * police.uk files before they are matched to partnerships. The force is the file's
 * {@code Reported by} column; the area is the LSOA name without its last word ("Charnwood
 * 012A" is Charnwood); an empty area means the record had no location.
 * <p>
 * A crime ID is counted once per force and month: a record whose crime ID was seen
 * already in that force's month of the same file is read but dropped, and the number
 * dropped is kept for the file. Anti-social behaviour records have no crime ID and are
 * counted as records.
 * <p>
 * Counts are {@code long}, as the {@code bigint} columns that keep them, and every sum is
 * exact: a row whose count would take a total past the largest {@code long} is refused,
 * never wrapped round (an {@code int} total once turned 2,147,483,647 crimes plus one
 * into a negative number that loaded as if nothing were wrong). The total of all records
 * is checked too, so every smaller sum made from them later fits as well.
 */
final class CrimeTally {

	private final List<FileCounts> files = new ArrayList<>();

	private final List<RefusedRow> refused = new ArrayList<>();

	private long records;

	/** One force's month, the unit that a load replaces. */
	record ForceMonth(String force, YearMonth month) implements Comparable<ForceMonth> {

		@Override
		public int compareTo(ForceMonth other) {
			int byMonth = this.month.compareTo(other.month);
			return (byMonth != 0) ? byMonth : this.force.compareTo(other.force);
		}

	}

	/** What one file holds for one force's month. */
	static final class Counts {

		private final Map<String, Map<String, Long>> byArea = new TreeMap<>();

		private final Set<String> crimeIds = new HashSet<>();

		private long recordsRead;

		private long duplicatesDropped;

		private long recordsCounted;

		Map<String, Map<String, Long>> byArea() {
			return this.byArea;
		}

		long recordsRead() {
			return this.recordsRead;
		}

		long duplicatesDropped() {
			return this.duplicatesDropped;
		}

		long recordsCounted() {
			return this.recordsCounted;
		}

	}

	/** One file: its name, the SHA-256 of its content and what it holds. */
	static final class FileCounts {

		private final String name;

		private final String sha256;

		private final Map<ForceMonth, Counts> byForceMonth = new TreeMap<>();

		FileCounts(String name, String sha256) {
			this.name = name;
			this.sha256 = sha256;
		}

		String name() {
			return this.name;
		}

		String sha256() {
			return this.sha256;
		}

		Map<ForceMonth, Counts> byForceMonth() {
			return this.byForceMonth;
		}

		long recordsRead() {
			return this.byForceMonth.values().stream().mapToLong(Counts::recordsRead).sum();
		}

		long duplicatesDropped() {
			return this.byForceMonth.values().stream().mapToLong(Counts::duplicatesDropped).sum();
		}

		long recordsCounted() {
			return this.byForceMonth.values().stream().mapToLong(Counts::recordsCounted).sum();
		}

	}

	FileCounts startFile(String name, String sha256) {
		FileCounts file = new FileCounts(name, sha256);
		this.files.add(file);
		return file;
	}

	/**
	 * Adds a row's count, or returns why it cannot be added (nothing is added then). A
	 * crime ID seen before in the same force's month of the file is dropped as a
	 * duplicate (read, not counted).
	 * @param crimeId the crime ID, or empty for a record without one (anti-social
	 * behaviour, or a compact row)
	 * @return {@code null} when added or dropped as a duplicate, otherwise the reason to
	 * refuse the row
	 */
	String add(FileCounts file, String force, YearMonth month, String area, String crimeType, long count,
			String crimeId) {
		if (count < 0) {
			return "The count " + count + " is negative";
		}
		Counts counts = file.byForceMonth.computeIfAbsent(new ForceMonth(force, month), key -> new Counts());
		if (!crimeId.isEmpty() && !counts.crimeIds.add(crimeId)) {
			counts.recordsRead++;
			counts.duplicatesDropped++;
			return null;
		}
		Map<String, Long> byType = counts.byArea.computeIfAbsent(area, a -> new TreeMap<>());
		long most = Long.MAX_VALUE;
		long before = byType.getOrDefault(crimeType, 0L);
		if (count > most - before) {
			return "The count " + count + " takes " + crimeType + " in " + (area.isEmpty() ? "no location" : area)
					+ " for " + month + " past the most that can be kept (" + String.format("%,d", most) + ")";
		}
		if (count > most - this.records) {
			return "The count " + count + " takes the records of these files past the most that can be kept ("
					+ String.format("%,d", most) + ")";
		}
		byType.put(crimeType, Math.addExact(before, count));
		this.records = Math.addExact(this.records, count);
		counts.recordsRead = Math.addExact(counts.recordsRead, count);
		counts.recordsCounted = Math.addExact(counts.recordsCounted, count);
		return null;
	}

	void refuse(String file, long line, String reason) {
		this.refused.add(new RefusedRow(file, line, reason));
	}

	List<FileCounts> files() {
		return this.files;
	}

	/**
	 * Every file's counts merged, by month, area and crime type (all forces together).
	 */
	Map<YearMonth, Map<String, Map<String, Long>>> counts() {
		Map<YearMonth, Map<String, Map<String, Long>>> merged = new TreeMap<>();
		for (FileCounts file : this.files) {
			file.byForceMonth.forEach((key, counts) -> counts.byArea.forEach((area,
					byType) -> byType.forEach((type, count) -> merged.computeIfAbsent(key.month(), m -> new TreeMap<>())
						.computeIfAbsent(area, a -> new TreeMap<>())
						.merge(type, count, Long::sum))));
		}
		return merged;
	}

	/** The files of each force's month, in the order they were sent. */
	Map<ForceMonth, List<FileCounts>> filesByForceMonth() {
		Map<ForceMonth, List<FileCounts>> byForceMonth = new TreeMap<>();
		for (FileCounts file : this.files) {
			file.byForceMonth.keySet()
				.forEach(key -> byForceMonth.computeIfAbsent(key, k -> new ArrayList<>()).add(file));
		}
		return byForceMonth;
	}

	List<RefusedRow> refused() {
		return this.refused;
	}

	long records() {
		return this.records;
	}

	long recordsIn(YearMonth month) {
		return this.files.stream()
			.flatMap(file -> file.byForceMonth.entrySet().stream())
			.filter(entry -> entry.getKey().month().equals(month))
			.mapToLong(entry -> entry.getValue().recordsCounted)
			.sum();
	}

}
