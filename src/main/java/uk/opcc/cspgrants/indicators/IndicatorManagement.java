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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Indicator data per partnership and financial year: imports (all-or-nothing), the grid
 * of values with their sources, corrections with reasons, and the values a formula run
 * uses.
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

	private final JdbcTemplate batch;

	private final PartnershipManagement partnerships;

	private final HarmWeights harmWeights;

	private final AuditTrail auditTrail;

	private final Clock clock;

	IndicatorManagement(JdbcClient jdbc, JdbcTemplate batch, PartnershipManagement partnerships,
			HarmWeights harmWeights, AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.partnerships = partnerships;
		this.harmWeights = harmWeights;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Loads police.uk street-level files (or this service's compact export). Each record
	 * goes to the partnership whose name or other name is the LSOA name without its last
	 * word, and to the month in its {@code Month} column; loading a month again replaces
	 * it.
	 */
	public ImportResults.CrimeImport importPoliceUk(List<? extends UploadedFile> files) throws IOException {
		if (files.isEmpty()) {
			throw new ValidationException("files", "Choose at least one police.uk CSV file");
		}
		CrimeTally tally = PoliceUkFiles.read(files);
		List<PartnershipView> all = this.partnerships.all();
		Map<String, PartnershipView> byArea = new HashMap<>();
		Map<Long, long[]> perPartnership = new LinkedHashMap<>();
		Map<String, Long> otherAreas = new TreeMap<>();
		long noLocation = 0;
		List<Object[]> countRows = new ArrayList<>();
		List<Object[]> unmatchedRows = new ArrayList<>();
		for (var monthEntry : tally.counts().entrySet()) {
			Date month = Date.valueOf(monthEntry.getKey().atDay(1));
			for (var areaEntry : monthEntry.getValue().entrySet()) {
				String area = areaEntry.getKey();
				PartnershipView partnership = area.isEmpty() ? null
						: byArea.computeIfAbsent(area.toLowerCase(), key -> matching(all, area));
				for (var typeEntry : areaEntry.getValue().entrySet()) {
					long count = typeEntry.getValue();
					if (partnership != null) {
						countRows.add(new Object[] { month, partnership.id(), typeEntry.getKey(), count });
						long[] totals = perPartnership.computeIfAbsent(partnership.id(), id -> new long[2]);
						totals[ANTI_SOCIAL_BEHAVIOUR_TYPE.equals(typeEntry.getKey()) ? 1 : 0] += count;
					}
					else {
						unmatchedRows.add(new Object[] { month, area, typeEntry.getKey(), count });
						if (area.isEmpty()) {
							noLocation += count;
						}
						else {
							otherAreas.merge(area, count, Long::sum);
						}
					}
				}
			}
		}
		boolean load = tally.refused().isEmpty();
		List<ImportResults.MonthLoaded> months = new ArrayList<>();
		for (YearMonth month : tally.counts().keySet()) {
			boolean existed = load && monthLoaded(month);
			months.add(new ImportResults.MonthLoaded(month, CrimeCoverage.yearOf(month), tally.recordsIn(month),
					List.copyOf(tally.sourcesOf(month)), existed));
		}
		if (load) {
			saveCrime(months, countRows, unmatchedRows);
		}
		List<ImportResults.PartnershipCount> counts = new ArrayList<>();
		for (PartnershipView partnership : all) {
			long[] totals = perPartnership.get(partnership.id());
			if (totals != null) {
				counts.add(new ImportResults.PartnershipCount(partnership.code(), partnership.name(), totals[0],
						totals[1]));
			}
		}
		return new ImportResults.CrimeImport(load, months, counts, noLocation,
				otherAreas.entrySet().stream().map(e -> new ImportResults.AreaCount(e.getKey(), e.getValue())).toList(),
				List.copyOf(tally.refused()));
	}

	private static PartnershipView matching(List<PartnershipView> all, String area) {
		return all.stream().filter(partnership -> partnership.isCalled(area)).findFirst().orElse(null);
	}

	private boolean monthLoaded(YearMonth month) {
		return this.jdbc.sql("select count(*) from crime_month where month = ?")
			.param(Date.valueOf(month.atDay(1)))
			.query(Integer.class)
			.single() > 0;
	}

	private void saveCrime(List<ImportResults.MonthLoaded> months, List<Object[]> countRows,
			List<Object[]> unmatchedRows) {
		Timestamp now = Timestamp.from(now());
		for (ImportResults.MonthLoaded month : months) {
			Date first = Date.valueOf(month.month().atDay(1));
			Long before = this.jdbc.sql("select records from crime_month where month = ?")
				.param(first)
				.query(Long.class)
				.optional()
				.orElse(null);
			this.jdbc.sql("delete from crime_month where month = ?").param(first).update();
			this.jdbc
				.sql("insert into crime_month (month, loaded_at, loaded_by, source, records) values (?, ?, ?, ?, ?)")
				.params(first, now, AuditTrail.currentActor(), truncate(String.join(", ", month.files()), 255),
						month.records())
				.update();
			this.auditTrail.record(month.replaced() ? "REPLACE" : "IMPORT", "CrimeMonth", month.month(),
					(before != null) ? Map.of("records", before) : null,
					Map.of("records", month.records(), "files", month.files()));
		}
		this.batch.batchUpdate("insert into crime_count (month, partnership_id, crime_type, count) values (?, ?, ?, ?)",
				countRows);
		this.batch.batchUpdate("insert into crime_unmatched (month, area_name, crime_type, count) values (?, ?, ?, ?)",
				unmatchedRows);
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

	/** The months of police.uk data loaded, by financial year, newest first. */
	@Transactional(readOnly = true)
	public List<CrimeCoverage> crimeCoverage() {
		Map<FinancialYear, List<YearMonth>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
		this.jdbc.sql("select month from crime_month order by month").query(Date.class).list().forEach(date -> {
			YearMonth month = YearMonth.from(date.toLocalDate());
			byYear.computeIfAbsent(CrimeCoverage.yearOf(month), year -> new ArrayList<>()).add(month);
		});
		return byYear.entrySet().stream().map(entry -> new CrimeCoverage(entry.getKey(), entry.getValue())).toList();
	}

	@Transactional(readOnly = true)
	public CrimeCoverage crimeCoverage(FinancialYear year) {
		List<YearMonth> months = this.jdbc
			.sql("select month from crime_month where month between ? and ? order by month")
			.params(Date.valueOf(year.startDate()), Date.valueOf(year.endDate()))
			.query(Date.class)
			.list()
			.stream()
			.map(date -> YearMonth.from(date.toLocalDate()))
			.toList();
		return new CrimeCoverage(year, months);
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
		return new IndicatorGrid(year, columns, rows, coverage.months());
	}

	/**
	 * The base values (not the per-1,000 ones, which the formula works out from means) of
	 * every active partnership for each year, by partnership code, indicator and year.
	 * Recorded crime, crime harm and anti-social behaviour are given only for years with
	 * all 12 months loaded.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Map<FinancialYear, BigDecimal>>> valuesFor(List<FinancialYear> years) {
		Map<String, Map<String, Map<FinancialYear, BigDecimal>>> result = new TreeMap<>();
		List<PartnershipView> active = this.partnerships.all().stream().filter(PartnershipView::active).toList();
		for (FinancialYear year : years) {
			CrimeCoverage coverage = crimeCoverage(year);
			Map<Long, Map<String, IndicatorGrid.Cell>> values = baseValues(year, coverage);
			for (PartnershipView partnership : active) {
				Map<String, Map<FinancialYear, BigDecimal>> byIndicator = result.computeIfAbsent(partnership.code(),
						code -> new TreeMap<>());
				values.getOrDefault(partnership.id(), Map.of()).forEach((indicator, cell) -> {
					boolean crime = indicator.equals(IndicatorKeys.RECORDED_CRIME)
							|| indicator.equals(IndicatorKeys.CRIME_HARM)
							|| indicator.equals(IndicatorKeys.ANTI_SOCIAL_BEHAVIOUR);
					if (!crime || coverage.complete() || cell.corrected()) {
						byIndicator.computeIfAbsent(indicator, key -> new TreeMap<>()).put(year, cell.value());
					}
				});
			}
		}
		return result;
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
	 * The compact export: crime counts per month, area and crime type, re-loadable by the
	 * import.
	 */
	@Transactional(readOnly = true)
	public List<String[]> crimeCountsForExport() {
		return this.jdbc.sql(
				"select to_char(c.month, 'YYYY-MM') as month, p.name as area, c.crime_type, c.count from crime_count c "
						+ "join partnership p on p.id = c.partnership_id union all "
						+ "select to_char(month, 'YYYY-MM'), area_name, crime_type, count from crime_unmatched "
						+ "order by 1, 2, 3")
			.query((rs,
					row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
							String.valueOf(rs.getLong(4)) })
			.list();
	}

	private Map<Long, Map<String, IndicatorGrid.Cell>> baseValues(FinancialYear year, CrimeCoverage coverage) {
		Map<Long, Map<String, IndicatorGrid.Cell>> values = new HashMap<>();
		if (!coverage.months().isEmpty()) {
			Map<String, BigDecimal> weights = this.harmWeights.weightsByCrimeType();
			String crimeSource = "police.uk, " + coverage.months().size() + " of 12 months";
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
