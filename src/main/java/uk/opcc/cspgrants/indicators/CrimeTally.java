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
 */
final class CrimeTally {

	private final Map<YearMonth, Map<String, Map<String, Integer>>> counts = new TreeMap<>();

	private final Map<YearMonth, Set<String>> sources = new TreeMap<>();

	private final List<RefusedRow> refused = new ArrayList<>();

	private long records;

	void add(YearMonth month, String area, String crimeType, int count, String file) {
		this.counts.computeIfAbsent(month, m -> new TreeMap<>())
			.computeIfAbsent(area, a -> new TreeMap<>())
			.merge(crimeType, count, Integer::sum);
		this.sources.computeIfAbsent(month, m -> new TreeSet<>()).add(file);
		this.records += count;
	}

	void refuse(String file, long line, String reason) {
		this.refused.add(new RefusedRow(file, line, reason));
	}

	Map<YearMonth, Map<String, Map<String, Integer>>> counts() {
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
			.mapToLong(Integer::longValue)
			.sum();
	}

}
