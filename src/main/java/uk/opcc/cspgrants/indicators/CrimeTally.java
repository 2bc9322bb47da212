package uk.opcc.cspgrants.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Crime records counted per month, area and crime type, as read from police.uk files
 * before they are matched to partnerships. The area is the LSOA name without its last
 * word ("Charnwood 012A" is Charnwood); an empty area means the record had no location.
 * <p>
 * Counts are {@code long}, as the {@code bigint} columns that keep them, and every sum is
 * exact: a row whose count would take a total past the largest {@code long} is refused,
 * never wrapped round (an {@code int} total once turned 2,147,483,647 crimes plus one
 * into a negative number that loaded as if nothing were wrong). The total of all records
 * is checked too, so every smaller sum made from them later fits as well.
 */
final class CrimeTally {

	private final Map<YearMonth, Map<String, Map<String, Long>>> counts = new TreeMap<>();

	private final Map<YearMonth, Set<String>> sources = new TreeMap<>();

	private final List<RefusedRow> refused = new ArrayList<>();

	private long records;

	/**
	 * Adds a row's count, or returns why it cannot be added (nothing is added then).
	 * @return {@code null} when added, otherwise the reason to refuse the row
	 */
	String add(YearMonth month, String area, String crimeType, long count, String file) {
		if (count < 0) {
			return "The count " + count + " is negative";
		}
		Map<String, Long> byType = this.counts.computeIfAbsent(month, m -> new TreeMap<>())
			.computeIfAbsent(area, a -> new TreeMap<>());
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
		long total = Math.addExact(before, count);
		long records = Math.addExact(this.records, count);
		byType.put(crimeType, total);
		this.sources.computeIfAbsent(month, m -> new TreeSet<>()).add(file);
		this.records = records;
		return null;
	}

	void refuse(String file, long line, String reason) {
		this.refused.add(new RefusedRow(file, line, reason));
	}

	Map<YearMonth, Map<String, Map<String, Long>>> counts() {
		return this.counts;
	}

	Set<String> sourcesOf(YearMonth month) {
		return this.sources.getOrDefault(month, Set.of());
	}

	List<RefusedRow> refused() {
		return this.refused;
	}

	long records() {
		return this.records;
	}

	long recordsIn(YearMonth month) {
		return this.counts.getOrDefault(month, Map.of())
			.values()
			.stream()
			.flatMap(byType -> byType.values().stream())
			.mapToLong(Long::longValue)
			.sum();
	}

}
