package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Indicator data per partnership and financial year: population and generic imports
 * (all-or-nothing; police.uk crime is loaded by {@link PoliceUkLoads}), the grid of
 * values with their sources, crime coverage, corrections with reasons, and the values a
 * formula run uses.
 */
@Service
@Transactional
public class IndicatorManagement {

	/**
	 * The police.uk crime type of anti-social behaviour incidents, which are not crimes.
	 */
	public static final String ANTI_SOCIAL_BEHAVIOUR_TYPE = "Anti-social behaviour";

	private static final MathContext PRECISION = MathContext.DECIMAL128;

	private final JdbcClient jdbc;

	private final PartnershipManagement partnerships;

	private final HarmWeights harmWeights;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final DataVersions versions;

	IndicatorManagement(JdbcClient jdbc, PartnershipManagement partnerships, HarmWeights harmWeights,
			AuditTrail auditTrail, Clock clock, DataVersions versions) {
		this.versions = versions;
		this.jdbc = jdbc;
		this.partnerships = partnerships;
		this.harmWeights = harmWeights;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Loads ONS population estimates, matched by area code, as the population of
	 * {@code year}.
	 */
	public ImportResults.PopulationImport importPopulation(FinancialYear year, UploadedFile file) throws IOException {
		List<RefusedRow> refused = new ArrayList<>();
		Map<String, BigDecimal> byCode = PopulationFile.read(file, refused);
		List<ImportResults.PartnershipValue> values = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (PartnershipView partnership : this.partnerships.all()) {
			BigDecimal value = (partnership.onsCode() != null) ? byCode.get(partnership.onsCode()) : null;
			if (value != null) {
				values.add(new ImportResults.PartnershipValue(partnership.code(), partnership.name(), value));
			}
			else if (partnership.active()) {
				missing.add(partnership.name());
			}
		}
		if (refused.isEmpty() && values.isEmpty()) {
			refused.add(new RefusedRow(file.name(), 0, "No row of the file has the ONS area code of a partnership"));
		}
		boolean load = refused.isEmpty();
		if (load) {
			String source = truncate("ONS population estimates: " + file.name(), 500);
			for (ImportResults.PartnershipValue value : values) {
				long id = this.partnerships.findByCode(value.code()).orElseThrow().id();
				BigDecimal before = this.jdbc
					.sql("select value from population where partnership_id = ? and financial_year = ?")
					.params(id, year.startYear())
					.query(BigDecimal.class)
					.optional()
					.orElse(null);
				this.jdbc
					.sql("insert into population (partnership_id, financial_year, value, source, loaded_at, loaded_by) "
							+ "values (?, ?, ?, ?, ?, ?) on conflict (partnership_id, financial_year) do update set "
							+ "value = excluded.value, source = excluded.source, loaded_at = excluded.loaded_at, "
							+ "loaded_by = excluded.loaded_by")
					.params(id, year.startYear(), value.value(), source, Timestamp.from(now()),
							AuditTrail.currentActor())
					.update();
				this.auditTrail.record("IMPORT", "Population", value.code() + " " + year,
						(before != null) ? Map.of("value", before) : null,
						Map.of("value", value.value(), "source", source));
			}
		}
		return new ImportResults.PopulationImport(load, year, values, missing, refused);
	}

	/** Loads a generic CSV of partnership code, financial year, indicator and value. */
	public ImportResults.IndicatorImport importIndicators(UploadedFile file) throws IOException {
		List<RefusedRow> refused = new ArrayList<>();
		List<IndicatorFile.Row> rows = IndicatorFile.read(file, refused);
		Map<String, PartnershipView> byCode = new HashMap<>();
		this.partnerships.all().forEach(partnership -> byCode.put(partnership.code(), partnership));
		for (IndicatorFile.Row row : rows) {
			if (!byCode.containsKey(row.partnershipCode())) {
				refused.add(new RefusedRow(file.name(), row.line(),
						"There is no partnership with the code " + row.partnershipCode()));
			}
		}
		if (refused.isEmpty() && rows.isEmpty()) {
			refused.add(new RefusedRow(file.name(), 0, "The file has no values"));
		}
		boolean load = refused.isEmpty();
		List<ImportResults.IndicatorLoaded> loaded = rows.stream()
			.map(row -> new ImportResults.IndicatorLoaded(row.partnershipCode(), row.year(), row.indicator(),
					row.value()))
			.toList();
		if (load) {
			String source = truncate("Indicator file: " + file.name(), 500);
			for (IndicatorFile.Row row : rows) {
				this.jdbc
					.sql("insert into indicator_value (partnership_id, financial_year, indicator, value, source, loaded_at, "
							+ "loaded_by) values (?, ?, ?, ?, ?, ?, ?) on conflict (partnership_id, financial_year, indicator) "
							+ "do update set value = excluded.value, source = excluded.source, loaded_at = excluded.loaded_at, "
							+ "loaded_by = excluded.loaded_by")
					.params(byCode.get(row.partnershipCode()).id(), row.year().startYear(), row.indicator(),
							row.value(), source, Timestamp.from(now()), AuditTrail.currentActor())
					.update();
			}
			this.auditTrail.record("IMPORT", "IndicatorFile", file.name(), null,
					Map.of("values", rows.size(), "source", source));
		}
		return new ImportResults.IndicatorImport(load, loaded, refused);
	}

	/**
	 * The police.uk data loaded, by financial year, newest first: each force's months and
	 * each partnership's source.
	 */
	@Transactional(readOnly = true)
	public List<CrimeCoverage> crimeCoverage() {
		TreeSet<FinancialYear> years = new TreeSet<>(java.util.Comparator.reverseOrder());
		this.jdbc.sql("select distinct month from crime_month")
			.query(Date.class)
			.list()
			.forEach(date -> years.add(CrimeCoverage.yearOf(YearMonth.from(date.toLocalDate()))));
		return years.stream().map(this::crimeCoverage).toList();
	}

	/**
	 * A year's police.uk data: the months each force has loaded, and each active
	 * partnership's source (its home force, whether the year is complete, the files).
	 */
	@Transactional(readOnly = true)
	public CrimeCoverage crimeCoverage(FinancialYear year) {
		Date from = Date.valueOf(year.startDate());
		Date to = Date.valueOf(year.endDate());
		Map<String, TreeSet<YearMonth>> monthsByForce = new TreeMap<>();
		this.jdbc.sql("select force, month from crime_month where month between ? and ? order by force, month")
			.params(from, to)
			.query((rs, row) -> monthsByForce.computeIfAbsent(rs.getString(1), force -> new TreeSet<>())
				.add(YearMonth.from(rs.getDate(2).toLocalDate())))
			.list();
		Map<String, List<CrimeSource.LoadedFile>> filesByForce = new HashMap<>();
		this.jdbc
			.sql("select f.force, f.month, f.file_name, f.sha256, f.records_read, f.duplicates_dropped, m.loaded_at, "
					+ "m.loaded_by from crime_load_file f join crime_month m on m.force = f.force and m.month = f.month "
					+ "where f.month between ? and ? order by f.month, f.file_name")
			.params(from, to)
			.query((rs, row) -> filesByForce.computeIfAbsent(rs.getString(1), force -> new ArrayList<>())
				.add(new CrimeSource.LoadedFile(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getString(3),
						rs.getString(4), (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class),
						Dates.dayAndTime(rs.getTimestamp(7).toInstant()), rs.getString(8))))
			.list();
		Map<Long, Map<String, Long>> recordsByPartnership = new HashMap<>();
		this.jdbc
			.sql("select partnership_id, force, sum(count) from crime_count where month between ? and ? "
					+ "group by partnership_id, force having sum(count) > 0")
			.params(from, to)
			.query((rs, row) -> recordsByPartnership.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
				.put(rs.getString(2), rs.getLong(3)))
			.list();
		List<CrimeSource> partnerships = new ArrayList<>();
		for (PartnershipView partnership : this.partnerships.all()) {
			Map<String, Long> byForce = recordsByPartnership.get(partnership.id());
			if (partnership.active() && byForce != null) {
				partnerships.add(CrimeSource.of(partnership.code(), partnership.name(), year, byForce, monthsByForce,
						filesByForce));
			}
		}
		List<CrimeCoverage.ForceMonths> forces = monthsByForce.entrySet()
			.stream()
			.map(entry -> new CrimeCoverage.ForceMonths(entry.getKey(), List.copyOf(entry.getValue())))
			.toList();
		return new CrimeCoverage(year, forces, partnerships);
	}

	/**
	 * Where one partnership's police.uk figures for a year came from, with every file.
	 */
	@Transactional(readOnly = true)
	public CrimeSource crimeSource(FinancialYear year, String partnershipCode) {
		PartnershipView partnership = this.partnerships.findByCode(partnershipCode)
			.orElseThrow(() -> new NotFoundException("There is no partnership with the code " + partnershipCode));
		return crimeCoverage(year).partnerships()
			.stream()
			.filter(source -> source.code().equals(partnership.code()))
			.findFirst()
			.orElseGet(() -> new CrimeSource(partnership.code(), partnership.name(), year, List.of()));
	}

	/**
	 * A version of what the grid of {@code year} shows, for the page that keeps it: it
	 * changes whenever a population, another indicator, a correction, a month of crime
	 * for a force (each load replaces its month, with a new time), a file of one or a
	 * harm weight is added, changed or removed, or a partnership changes. The year's rows
	 * of the smaller tables are hashed whole; the crime counts, thousands a month, are
	 * covered by their months. Read at most once a second (see {@link DataVersions}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.versions.of("indicators " + year, () -> this.jdbc.sql("""
				select md5(concat_ws('|',
				  (select string_agg(p::text, ',' order by p.partnership_id) from population p
				   where p.financial_year = :year),
				  (select string_agg(v::text, ',' order by v.partnership_id, v.indicator) from indicator_value v
				   where v.financial_year = :year),
				  (select string_agg(c::text, ',' order by c.partnership_id, c.indicator) from indicator_correction c
				   where c.financial_year = :year),
				  (select string_agg(m::text, ',' order by m.force, m.month) from crime_month m
				   where m.month between :from and :to),
				  (select string_agg(f::text, ',' order by f.force, f.month, f.file_name) from crime_load_file f
				   where f.month between :from and :to),
				  (select string_agg(h::text, ',' order by h.crime_type) from harm_weight h)))
				""")
			.param("year", year.startYear())
			.param("from", Date.valueOf(year.startDate()))
			.param("to", Date.valueOf(year.endDate()))
			.query(String.class)
			.single()) + "/" + this.partnerships.version();
	}

	/**
	 * Every active partnership's indicators for a year, with where each value came from.
	 */
	@Transactional(readOnly = true)
	public IndicatorGrid grid(FinancialYear year) {
		CrimeCoverage coverage = crimeCoverage(year);
		Map<Long, Map<String, IndicatorGrid.Cell>> values = baseValues(year, coverage);
		TreeSet<String> custom = new TreeSet<>();
		values.values()
			.forEach(cells -> cells.keySet()
				.stream()
				.filter(key -> !IndicatorKeys.BUILT_IN.contains(key))
				.forEach(custom::add));
		List<String> columns = new ArrayList<>(IndicatorKeys.BUILT_IN);
		columns.addAll(custom);
		List<IndicatorGrid.Row> rows = new ArrayList<>();
		for (PartnershipView partnership : this.partnerships.all()) {
			if (!partnership.active()) {
				continue;
			}
			Map<String, IndicatorGrid.Cell> cells = new LinkedHashMap<>(
					values.getOrDefault(partnership.id(), Map.of()));
			perThousand(cells, IndicatorKeys.RECORDED_CRIME, IndicatorKeys.CRIME_PER_1000);
			perThousand(cells, IndicatorKeys.CRIME_HARM, IndicatorKeys.CRIME_HARM_PER_1000);
			rows.add(new IndicatorGrid.Row(partnership, cells));
		}
		return new IndicatorGrid(year, columns, rows, coverage);
	}

	/**
	 * The base values (not the per-1,000 ones, which the formula works out from means) of
	 * every active partnership for each year, by partnership code, indicator and year.
	 * Recorded crime, crime harm and anti-social behaviour are given only for years with
	 * all 12 months loaded.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Map<FinancialYear, BigDecimal>>> valuesFor(List<FinancialYear> years) {
		return usedValues(years).values();
	}

	/**
	 * Where each value of {@link #valuesFor(List)} came from, in the same nesting
	 * (partnership code, indicator, year): for recorded crime, crime harm and anti-social
	 * behaviour the forces, months and files (e.g. "police.uk: Leicestershire Police, Apr
	 * 2023 to Mar 2024, 12 files"); for others the file or the correction.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Map<FinancialYear, String>>> sourcesFor(List<FinancialYear> years) {
		return usedValues(years).sources();
	}

	/**
	 * {@link #valuesFor(List)} and {@link #sourcesFor(List)} from one reading of the
	 * data, so that each value's source is the source of that very value, whatever is
	 * loaded meanwhile: what a run freezes.
	 */
	@Transactional(readOnly = true)
	public UsedValues usedValues(List<FinancialYear> years) {
		// no load writes while this reads, nor until the transaction that reads ends
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock_shared(" + PoliceUkLoads.IMPORT_LOCK + ")) l")
			.query(Integer.class)
			.single();
		Map<String, Map<String, Map<FinancialYear, IndicatorGrid.Cell>>> cells = usedCells(years);
		Map<String, Map<String, Map<FinancialYear, BigDecimal>>> values = new TreeMap<>();
		Map<String, Map<String, Map<FinancialYear, String>>> sources = new TreeMap<>();
		cells.forEach((code, byIndicator) -> {
			Map<String, Map<FinancialYear, BigDecimal>> valuesOf = values.computeIfAbsent(code, key -> new TreeMap<>());
			Map<String, Map<FinancialYear, String>> sourcesOf = sources.computeIfAbsent(code, key -> new TreeMap<>());
			byIndicator.forEach((indicator, byYear) -> byYear.forEach((year, cell) -> {
				valuesOf.computeIfAbsent(indicator, key -> new TreeMap<>()).put(year, cell.value());
				sourcesOf.computeIfAbsent(indicator, key -> new TreeMap<>())
					.put(year, cell.corrected() ? cell.source() + " because " + cell.correction() : cell.source());
			}));
		});
		return new UsedValues(values, sources);
	}

	/**
	 * The values a formula may use and where each came from, by partnership code,
	 * indicator and year.
	 */
	public record UsedValues(Map<String, Map<String, Map<FinancialYear, BigDecimal>>> values,
			Map<String, Map<String, Map<FinancialYear, String>>> sources) {
	}

	/**
	 * What a formula may use of each active partnership's cells, by code, indicator and
	 * year: crime only for a year its home force has whole (or where corrected).
	 */
	private Map<String, Map<String, Map<FinancialYear, IndicatorGrid.Cell>>> usedCells(List<FinancialYear> years) {
		Map<String, Map<String, Map<FinancialYear, IndicatorGrid.Cell>>> result = new TreeMap<>();
		List<PartnershipView> active = this.partnerships.all().stream().filter(PartnershipView::active).toList();
		for (FinancialYear year : years) {
			CrimeCoverage coverage = crimeCoverage(year);
			Map<Long, Map<String, IndicatorGrid.Cell>> values = baseValues(year, coverage);
			for (PartnershipView partnership : active) {
				Map<String, Map<FinancialYear, IndicatorGrid.Cell>> byIndicator = result
					.computeIfAbsent(partnership.code(), code -> new TreeMap<>());
				values.getOrDefault(partnership.id(), Map.of()).forEach((indicator, cell) -> {
					boolean crime = indicator.equals(IndicatorKeys.RECORDED_CRIME)
							|| indicator.equals(IndicatorKeys.CRIME_HARM)
							|| indicator.equals(IndicatorKeys.ANTI_SOCIAL_BEHAVIOUR);
					if (!crime || completeFor(coverage, partnership.code()) || cell.corrected()) {
						byIndicator.computeIfAbsent(indicator, key -> new TreeMap<>()).put(year, cell);
					}
				});
			}
		}
		return result;
	}

	private static boolean completeFor(CrimeCoverage coverage, String code) {
		return coverage.partnerships().stream().anyMatch(source -> source.code().equals(code) && source.complete());
	}

	/** Corrects one value; the reason is kept and shown, and the change is audited. */
	public void correct(String partnershipCode, FinancialYear year, String indicator, BigDecimal value, String reason) {
		PartnershipView partnership = this.partnerships.findByCode(partnershipCode)
			.orElseThrow(() -> new NotFoundException("There is no partnership with the code " + partnershipCode));
		if (IndicatorKeys.DERIVED.contains(indicator)) {
			throw new ValidationException("indicator",
					IndicatorKeys.label(indicator) + " is worked out from other values: correct those instead");
		}
		if (indicator == null || !indicator.matches("[a-z][a-z0-9_]{1,59}")) {
			throw new ValidationException("indicator", "Choose an indicator");
		}
		if (value == null) {
			throw new ValidationException("value", "Enter a value of 0 or more");
		}
		String refusal = IndicatorLimit.ofIndicator(indicator).refusal(value);
		if (refusal != null) {
			throw new ValidationException("value", refusal);
		}
		if (reason == null || reason.isBlank()) {
			throw new ValidationException("reason", "Say why the value is being corrected");
		}
		if (reason.length() > 1000) {
			throw new ValidationException("reason", "The reason must be 1,000 characters or fewer");
		}
		IndicatorGrid.Cell before = baseValues(year, crimeCoverage(year)).getOrDefault(partnership.id(), Map.of())
			.get(indicator);
		this.jdbc
			.sql("insert into indicator_correction (partnership_id, financial_year, indicator, value, reason, corrected_at, "
					+ "corrected_by) values (?, ?, ?, ?, ?, ?, ?) on conflict (partnership_id, financial_year, indicator) "
					+ "do update set value = excluded.value, reason = excluded.reason, corrected_at = excluded.corrected_at, "
					+ "corrected_by = excluded.corrected_by")
			.params(partnership.id(), year.startYear(), indicator, value, reason.strip(), Timestamp.from(now()),
					AuditTrail.currentActor())
			.update();
		Map<String, Object> beforeJson = new LinkedHashMap<>();
		if (before != null) {
			beforeJson.put("value", before.value());
			beforeJson.put("source", before.source());
		}
		this.auditTrail.record("CORRECT", "Indicator", partnership.code() + " " + year + " " + indicator,
				(before != null) ? beforeJson : null, Map.of("value", value, "reason", reason.strip()));
	}

	/**
	 * The compact export: crime counts per month, force, area and crime type, re-loadable
	 * by the import.
	 */
	@Transactional(readOnly = true)
	public List<String[]> crimeCountsForExport() {
		return this.jdbc.sql(
				"select to_char(c.month, 'YYYY-MM') as month, c.force, p.name as area, c.crime_type, c.count from crime_count c "
						+ "join partnership p on p.id = c.partnership_id union all "
						+ "select to_char(month, 'YYYY-MM'), force, area_name, crime_type, count from crime_unmatched "
						+ "order by 1, 2, 3, 4")
			.query((rs,
					row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							String.valueOf(rs.getLong(5)) })
			.list();
	}

	private Map<Long, Map<String, IndicatorGrid.Cell>> baseValues(FinancialYear year, CrimeCoverage coverage) {
		Map<Long, Map<String, IndicatorGrid.Cell>> values = new HashMap<>();
		if (!coverage.months().isEmpty()) {
			Map<String, BigDecimal> weights = this.harmWeights.weightsByCrimeType();
			Map<Long, String> sources = new HashMap<>();
			for (PartnershipView partnership : this.partnerships.all()) {
				coverage.partnerships()
					.stream()
					.filter(source -> source.code().equals(partnership.code()))
					.findFirst()
					.ifPresent(source -> sources.put(partnership.id(), source.text()));
			}
			Map<Long, BigDecimal[]> crime = new HashMap<>();
			this.jdbc.sql(
					"select partnership_id, crime_type, sum(count) as total from crime_count where month between ? and ? "
							+ "group by partnership_id, crime_type")
				.params(Date.valueOf(year.startDate()), Date.valueOf(year.endDate()))
				.query((rs, row) -> {
					BigDecimal[] totals = crime.computeIfAbsent(rs.getLong(1),
							id -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
					BigDecimal count = rs.getBigDecimal(3);
					if (ANTI_SOCIAL_BEHAVIOUR_TYPE.equals(rs.getString(2))) {
						totals[2] = totals[2].add(count);
					}
					else {
						totals[0] = totals[0].add(count);
						totals[1] = totals[1]
							.add(count.multiply(weights.getOrDefault(rs.getString(2), BigDecimal.ZERO)));
					}
					return null;
				})
				.list();
			crime.forEach((id, totals) -> {
				String crimeSource = sources.getOrDefault(id, "police.uk");
				Map<String, IndicatorGrid.Cell> cells = values.computeIfAbsent(id, key -> new HashMap<>());
				cells.put(IndicatorKeys.RECORDED_CRIME, new IndicatorGrid.Cell(totals[0], crimeSource, null));
				cells.put(IndicatorKeys.CRIME_HARM,
						new IndicatorGrid.Cell(totals[1], crimeSource + " × harm weights", null));
				cells.put(IndicatorKeys.ANTI_SOCIAL_BEHAVIOUR, new IndicatorGrid.Cell(totals[2], crimeSource, null));
			});
		}
		this.jdbc.sql("select partnership_id, value, source from population where financial_year = ?")
			.param(year.startYear())
			.query((rs, row) -> values.computeIfAbsent(rs.getLong(1), key -> new HashMap<>())
				.put(IndicatorKeys.POPULATION, new IndicatorGrid.Cell(rs.getBigDecimal(2), rs.getString(3), null)))
			.list();
		this.jdbc.sql("select partnership_id, indicator, value, source from indicator_value where financial_year = ?")
			.param(year.startYear())
			.query((rs, row) -> values.computeIfAbsent(rs.getLong(1), key -> new HashMap<>())
				.put(rs.getString(2),
						new IndicatorGrid.Cell(rs.getBigDecimal(3).stripTrailingZeros(), rs.getString(4), null)))
			.list();
		this.jdbc.sql(
				"select partnership_id, indicator, value, reason, corrected_by from indicator_correction where financial_year = ?")
			.param(year.startYear())
			.query((rs, row) -> values.computeIfAbsent(rs.getLong(1), key -> new HashMap<>())
				.put(rs.getString(2),
						new IndicatorGrid.Cell(rs.getBigDecimal(3).stripTrailingZeros(),
								"Corrected by " + rs.getString(5), rs.getString(4))))
			.list();
		return values;
	}

	private static void perThousand(Map<String, IndicatorGrid.Cell> cells, String countKey, String derivedKey) {
		IndicatorGrid.Cell count = cells.get(countKey);
		IndicatorGrid.Cell population = cells.get(IndicatorKeys.POPULATION);
		if (count != null && population != null && population.value().signum() > 0) {
			BigDecimal value = count.value()
				.multiply(BigDecimal.valueOf(1000))
				.divide(population.value(), PRECISION)
				.setScale(2, RoundingMode.HALF_UP);
			cells.put(derivedKey, new IndicatorGrid.Cell(value,
					"1,000 × " + IndicatorKeys.label(countKey).toLowerCase() + " ÷ population", null));
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length - 1) + "…" : text;
	}

}
