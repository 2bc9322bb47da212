package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.security.StaffNames;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Loads police.uk crime: street-level files or this service's compact export, keyed by
 * the force that reported each month, all or nothing, each file kept with its SHA-256 and
 * what it added; the answer says what changed for each partnership. What was loaded is
 * read back by {@link IndicatorManagement} (the grid, coverage, sources and the values a
 * run uses).
 */
@Service
@Transactional
public class PoliceUkLoads {

	private final StaffNames staffNames;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final PartnershipManagement partnerships;

	private final AuditTrail auditTrail;

	private final Clock clock;

	PoliceUkLoads(JdbcClient jdbc, JdbcTemplate batch, PartnershipManagement partnerships, AuditTrail auditTrail,
			Clock clock, StaffNames staffNames) {
		this.staffNames = staffNames;
		this.jdbc = jdbc;
		this.batch = batch;
		this.partnerships = partnerships;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Loads police.uk street-level files (or this service's compact export). A file's
	 * month belongs to the force that reported it (its {@code Reported by} column):
	 * loading replaces that force's month only. Each record goes to the partnership whose
	 * name or other name is the LSOA name without its last word. A crime ID is counted
	 * once per force and month. All or nothing: when any row or file is refused nothing
	 * is loaded. A force's month already loaded from the same content (SHA-256) is left
	 * unchanged and said so.
	 */
	public ImportResults.CrimeImport importPoliceUk(List<? extends UploadedFile> files) throws IOException {
		if (files.isEmpty()) {
			throw new ValidationException("files", "Choose at least one police.uk CSV file");
		}
		CrimeTally tally = PoliceUkFiles.read(files);
		List<PartnershipView> all = this.partnerships.all();
		Map<String, Optional<PartnershipView>> byArea = new HashMap<>();
		Function<String, PartnershipView> partnershipOf = area -> area.isEmpty() ? null
				: byArea.computeIfAbsent(area.toLowerCase(), key -> Optional.ofNullable(matching(all, area)))
					.orElse(null);
		refuseFilesWithNoPartnership(tally, partnershipOf);
		Map<Long, long[]> perPartnership = new LinkedHashMap<>();
		Map<String, Long> otherAreas = new TreeMap<>();
		long noLocation = 0;
		for (CrimeTally.FileCounts file : tally.files()) {
			for (CrimeTally.Counts counts : file.byForceMonth().values()) {
				for (var areaEntry : counts.byArea().entrySet()) {
					PartnershipView partnership = partnershipOf.apply(areaEntry.getKey());
					for (var typeEntry : areaEntry.getValue().entrySet()) {
						long count = typeEntry.getValue();
						if (partnership != null) {
							perPartnership.computeIfAbsent(partnership.id(),
									id -> new long[2])[IndicatorManagement.ANTI_SOCIAL_BEHAVIOUR_TYPE
										.equals(typeEntry.getKey()) ? 1 : 0] += count;
						}
						else if (areaEntry.getKey().isEmpty()) {
							noLocation += count;
						}
						else {
							otherAreas.merge(areaEntry.getKey(), count, Long::sum);
						}
					}
				}
			}
		}
		boolean load = tally.refused().isEmpty();
		if (load) {
			this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(" + IMPORT_LOCK + ")) l")
				.query(Integer.class)
				.single();
		}
		List<ImportResults.MonthLoaded> months = new ArrayList<>();
		List<CrimeTally.ForceMonth> toSave = new ArrayList<>();
		Map<CrimeTally.ForceMonth, CrimeTally.FileCounts> fileOf = new TreeMap<>();
		tally.filesByForceMonth().forEach((key, inFiles) -> fileOf.put(key, inFiles.get(0)));
		for (var entry : fileOf.entrySet()) {
			CrimeTally.ForceMonth key = entry.getKey();
			CrimeTally.FileCounts file = entry.getValue();
			long records = file.byForceMonth().get(key).recordsCounted();
			Map<String, Object> earlier = load ? earlierLoad(key, file.sha256()) : null;
			boolean unchanged = earlier != null && Boolean.TRUE.equals(earlier.get("same"));
			String note;
			if (!load) {
				note = "Not loaded";
			}
			else if (unchanged) {
				note = "Already loaded on " + Dates.dayAndTime(((Timestamp) earlier.get("loaded_at")).toInstant())
						+ " by " + this.staffNames.of((String) earlier.get("loaded_by")) + "; unchanged";
			}
			else if (earlier != null) {
				note = "Replaced the load of " + Dates.dayAndTime(((Timestamp) earlier.get("loaded_at")).toInstant())
						+ " by " + this.staffNames.of((String) earlier.get("loaded_by"));
			}
			else {
				note = "Loaded";
			}
			if (load && !unchanged) {
				toSave.add(key);
			}
			months.add(new ImportResults.MonthLoaded(key.force(), key.month(), CrimeCoverage.yearOf(key.month()),
					records, List.of(file.name()), load && earlier != null && !unchanged, unchanged, note));
		}
		List<ImportResults.PartnershipChange> changes = List.of();
		if (!toSave.isEmpty()) {
			TreeSet<FinancialYear> years = new TreeSet<>();
			toSave.forEach(key -> years.add(CrimeCoverage.yearOf(key.month())));
			Map<FinancialYear, Map<Long, long[]>> before = totals(years);
			Map<FinancialYear, Set<Long>> touched = saveCrime(toSave, fileOf, partnershipOf);
			changes = changes(all, years, before, totals(years), touched);
		}
		List<ImportResults.PartnershipCount> counts = new ArrayList<>();
		for (PartnershipView partnership : all) {
			long[] totals = perPartnership.get(partnership.id());
			if (totals != null) {
				counts.add(new ImportResults.PartnershipCount(partnership.code(), partnership.name(), totals[0],
						totals[1]));
			}
		}
		List<ImportResults.FileRead> read = tally.files()
			.stream()
			.map(file -> new ImportResults.FileRead(file.name(), file.sha256(), file.recordsRead(),
					file.duplicatesDropped(), file.recordsCounted(),
					file.byForceMonth().keySet().stream().map(CrimeTally.ForceMonth::force).distinct().toList()))
			.toList();
		return new ImportResults.CrimeImport(load, months, read, counts, changes, noLocation,
				otherAreas.entrySet().stream().map(e -> new ImportResults.AreaCount(e.getKey(), e.getValue())).toList(),
				List.copyOf(tally.refused()));
	}

	/**
	 * The lock a load takes (alone) to write, and a run's reading takes (shared with
	 * other readings), so that a run reads each value and its source from one state of
	 * the data.
	 */
	static final String IMPORT_LOCK = "hashtext('csp-grants: police.uk import')";

	/**
	 * The force given to counts loaded before forces were kept (migration V20): whose
	 * they were is not known.
	 */
	static final String FORCE_NOT_RECORDED = "Not recorded (loaded before forces were kept)";

	/**
	 * A month loaded before forces were kept holds some force's records, most likely this
	 * one's: loading any force's month replaces it, so that nothing is counted twice (its
	 * counts are in the audit trail).
	 */
	private void replaceLoadWithoutForce(CrimeTally.ForceMonth key, Date first) {
		if (key.force().equals(FORCE_NOT_RECORDED)) {
			return;
		}
		Long records = this.jdbc.sql("select records from crime_month where force = ? and month = ?")
			.params(FORCE_NOT_RECORDED, first)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (records != null) {
			this.jdbc.sql("delete from crime_month where force = ? and month = ?")
				.params(FORCE_NOT_RECORDED, first)
				.update();
			this.auditTrail.record("REPLACE", "CrimeMonth", FORCE_NOT_RECORDED + " " + key.month(),
					Map.of("records", records), Map.of("replacedBy", key.force()));
		}
	}

	/**
	 * Refuses each file none of whose records is in a partnership's area: loading it
	 * would record the force's month as loaded with nothing in it that a partnership
	 * uses.
	 */
	private static void refuseFilesWithNoPartnership(CrimeTally tally,
			Function<String, PartnershipView> partnershipOf) {
		for (CrimeTally.FileCounts file : tally.files()) {
			if (file.recordsCounted() == 0 && file.recordsRead() == 0) {
				continue;
			}
			TreeSet<String> areas = new TreeSet<>();
			boolean matched = false;
			for (CrimeTally.Counts counts : file.byForceMonth().values()) {
				for (String area : counts.byArea().keySet()) {
					if (partnershipOf.apply(area) != null) {
						matched = true;
					}
					else if (!area.isEmpty()) {
						areas.add(area);
					}
				}
			}
			if (!matched) {
				List<String> some = areas.stream().limit(5).toList();
				tally.refuse(file.name(), 0, file.name() + ": none of its " + String.format("%,d", file.recordsRead())
						+ " records is in a partnership's area (it holds records reported by "
						+ String.join(", ",
								file.byForceMonth()
									.keySet()
									.stream()
									.map(CrimeTally.ForceMonth::force)
									.distinct()
									.toList())
						+ (some.isEmpty() ? ", all with no location" : ", in areas such as " + String.join(", ", some))
						+ "). Leave the file out, or add an area as one of a partnership's other names.");
			}
		}
	}

	private static PartnershipView matching(List<PartnershipView> all, String area) {
		return all.stream().filter(partnership -> partnership.isCalled(area)).findFirst().orElse(null);
	}

	/**
	 * The earlier load of a force's month: when, by whom, and whether it was loaded from
	 * the same content; null if there is none.
	 */
	private Map<String, Object> earlierLoad(CrimeTally.ForceMonth key, String sha256) {
		return this.jdbc
			.sql("select m.loaded_at, m.loaded_by, exists (select 1 from crime_load_file f where f.force = m.force "
					+ "and f.month = m.month and f.sha256 = ?) as same from crime_month m where m.force = ? and m.month = ?")
			.params(sha256, key.force(), Date.valueOf(key.month().atDay(1)))
			.query((rs, row) -> {
				Map<String, Object> earlier = new HashMap<>();
				earlier.put("loaded_at", rs.getTimestamp(1));
				earlier.put("loaded_by", rs.getString(2));
				earlier.put("same", rs.getBoolean(3));
				return earlier;
			})
			.optional()
			.orElse(null);
	}

	/** Crimes and anti-social behaviour per partnership in each year, all forces. */
	private Map<FinancialYear, Map<Long, long[]>> totals(Set<FinancialYear> years) {
		Map<FinancialYear, Map<Long, long[]>> totals = new TreeMap<>();
		for (FinancialYear year : years) {
			Map<Long, long[]> byPartnership = new HashMap<>();
			this.jdbc
				.sql("select partnership_id, coalesce(sum(count) filter (where crime_type <> ?), 0), "
						+ "coalesce(sum(count) filter (where crime_type = ?), 0) from crime_count "
						+ "where month between ? and ? group by partnership_id")
				.params(IndicatorManagement.ANTI_SOCIAL_BEHAVIOUR_TYPE, IndicatorManagement.ANTI_SOCIAL_BEHAVIOUR_TYPE,
						Date.valueOf(year.startDate()), Date.valueOf(year.endDate()))
				.query((rs, row) -> byPartnership.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) }))
				.list();
			totals.put(year, byPartnership);
		}
		return totals;
	}

	private static List<ImportResults.PartnershipChange> changes(List<PartnershipView> all, Set<FinancialYear> years,
			Map<FinancialYear, Map<Long, long[]>> before, Map<FinancialYear, Map<Long, long[]>> after,
			Map<FinancialYear, Set<Long>> touched) {
		List<ImportResults.PartnershipChange> changes = new ArrayList<>();
		long[] none = { 0, 0 };
		for (FinancialYear year : years) {
			for (PartnershipView partnership : all) {
				long[] was = before.get(year).getOrDefault(partnership.id(), none);
				long[] is = after.get(year).getOrDefault(partnership.id(), none);
				if (!Arrays.equals(was, is) || touched.getOrDefault(year, Set.of()).contains(partnership.id())) {
					changes.add(new ImportResults.PartnershipChange(partnership.code(), partnership.name(), year,
							was[0], is[0], was[1], is[1]));
				}
			}
		}
		return changes;
	}

	/**
	 * Replaces each force's month with the counts of its file.
	 * @return the partnerships with records in the months saved, by financial year
	 */
	private Map<FinancialYear, Set<Long>> saveCrime(List<CrimeTally.ForceMonth> toSave,
			Map<CrimeTally.ForceMonth, CrimeTally.FileCounts> fileOf, Function<String, PartnershipView> partnershipOf) {
		Timestamp now = Timestamp.from(now());
		String actor = AuditTrail.currentActor();
		Map<FinancialYear, Set<Long>> touched = new TreeMap<>();
		List<Object[]> countRows = new ArrayList<>();
		List<Object[]> unmatchedRows = new ArrayList<>();
		for (CrimeTally.ForceMonth key : toSave) {
			CrimeTally.FileCounts file = fileOf.get(key);
			CrimeTally.Counts counts = file.byForceMonth().get(key);
			Date first = Date.valueOf(key.month().atDay(1));
			Long before = this.jdbc.sql("select records from crime_month where force = ? and month = ?")
				.params(key.force(), first)
				.query(Long.class)
				.optional()
				.orElse(null);
			this.jdbc.sql("delete from crime_month where force = ? and month = ?").params(key.force(), first).update();
			replaceLoadWithoutForce(key, first);
			this.jdbc.sql(
					"insert into crime_month (force, month, loaded_at, loaded_by, source, records) values (?, ?, ?, ?, ?, ?)")
				.params(key.force(), first, now, actor, truncate(file.name(), 255), counts.recordsCounted())
				.update();
			this.jdbc
				.sql("insert into crime_load_file (force, month, file_name, sha256, records_read, duplicates_dropped, "
						+ "records_counted) values (?, ?, ?, ?, ?, ?, ?)")
				.params(key.force(), first, truncate(file.name(), 255), file.sha256(), counts.recordsRead(),
						counts.duplicatesDropped(), counts.recordsCounted())
				.update();
			Map<Long, Map<String, Long>> byPartnership = new TreeMap<>();
			for (var areaEntry : counts.byArea().entrySet()) {
				PartnershipView partnership = partnershipOf.apply(areaEntry.getKey());
				for (var typeEntry : areaEntry.getValue().entrySet()) {
					if (partnership != null) {
						byPartnership.computeIfAbsent(partnership.id(), id -> new TreeMap<>())
							.merge(typeEntry.getKey(), typeEntry.getValue(), Math::addExact);
					}
					else {
						unmatchedRows.add(new Object[] { key.force(), first, areaEntry.getKey(), typeEntry.getKey(),
								typeEntry.getValue() });
					}
				}
			}
			byPartnership.forEach((id, byType) -> {
				touched.computeIfAbsent(CrimeCoverage.yearOf(key.month()), year -> new TreeSet<>()).add(id);
				byType.forEach((type, count) -> countRows.add(new Object[] { key.force(), first, id, type, count }));
			});
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("records", counts.recordsCounted());
			after.put("file", file.name());
			after.put("sha256", file.sha256());
			after.put("recordsRead", counts.recordsRead());
			after.put("duplicatesDropped", counts.duplicatesDropped());
			this.auditTrail.record((before != null) ? "REPLACE" : "IMPORT", "CrimeMonth",
					key.force() + " " + key.month(), (before != null) ? Map.of("records", before) : null, after);
		}
		this.batch.batchUpdate(
				"insert into crime_count (force, month, partnership_id, crime_type, count) values (?, ?, ?, ?, ?)",
				countRows);
		this.batch.batchUpdate(
				"insert into crime_unmatched (force, month, area_name, crime_type, count) values (?, ?, ?, ?, ?)",
				unmatchedRows);
		return touched;
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length - 1) + "…" : text;
	}

}
