package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.allocation.formula.AreaInput;
import uk.opcc.cspgrants.allocation.formula.AreaResult;
import uk.opcc.cspgrants.allocation.formula.Damping;
import uk.opcc.cspgrants.allocation.formula.Floor;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.allocation.formula.IndicatorLine;
import uk.opcc.cspgrants.allocation.formula.Limit;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/** Saves and reads formula runs with every figure they froze. */
@Component
class RunStore {

	private static final String NEWEST_FIRST = "order by financial_year desc, id desc";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	RunStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	/** How a run's weights, floor and damping are kept. */
	record StoredSpec(Map<String, BigDecimal> weights, BigDecimal floorAmount, BigDecimal floorPercent,
			BigDecimal maxDecreasePercent, BigDecimal maxIncreasePercent) {

		static StoredSpec of(FormulaSpec spec) {
			return new StoredSpec(spec.weightsPercent(), spec.floor().amountPounds(), spec.floor().percentOfPot(),
					spec.damping().maxDecreasePercent(), spec.damping().maxIncreasePercent());
		}

		FormulaSpec toSpec() {
			return new FormulaSpec(this.weights, new Floor(this.floorAmount, this.floorPercent),
					new Damping(this.maxDecreasePercent, this.maxIncreasePercent));
		}

	}

	long save(RunRequest request, Long formulaVersionId, String formulaLabel, RunCalculation.Calculated calculated,
			String actor, Instant now, String formToken) {
		long id = this.jdbc
			.sql("insert into formula_run (financial_year, purpose, pot, formula_version_id, formula_label, window_years, "
					+ "spec, baseline_source, note, status, created_at, created_by, partnership_group_id, "
					+ "partnerships_label, form_token) values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, "
					+ "'DRAFT', ?, ?, ?, ?, ?) returning id")
			.params(request.year().startYear(), request.purpose().name(), request.pot().amount(), formulaVersionId,
					formulaLabel,
					this.json.writeValueAsString(
							calculated.request().window().stream().map(FinancialYear::toString).toList()),
					this.json.writeValueAsString(StoredSpec.of(calculated.request().spec())),
					calculated.baselineSource(), request.note(), Timestamp.from(now), actor,
					calculated.partnerships().groupId(), calculated.partnerships().label(), formToken)
			.query(Long.class)
			.single();
		List<Object[]> inputs = new ArrayList<>();
		Map<String, Map<String, Map<FinancialYear, String>>> sources = calculated.sources();
		for (AreaInput area : calculated.request().areas()) {
			long partnershipId = calculated.partnershipIds().get(area.code());
			area.values()
				.forEach((indicator, byYear) -> byYear
					.forEach((year, value) -> inputs.add(new Object[] { id, partnershipId, indicator, year.startYear(),
							value, source(sources, area.code(), indicator, year) })));
		}
		this.batch
			.batchUpdate("insert into formula_run_input (run_id, partnership_id, indicator, financial_year, value, "
					+ "source) values (?, ?, ?, ?, ?, ?)", inputs);
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> indicatorLines = new ArrayList<>();
		for (AreaResult area : calculated.result().areas()) {
			long partnershipId = calculated.partnershipIds().get(area.code());
			lines.add(new Object[] { id, partnershipId, area.code(), area.name(), area.weightedShare(),
					area.rawAmount(), area.limit().name(), area.adjustedAmount(),
					Money.ofPence(area.finalPence()).amount(), area.receivedRoundingPenny(),
					pounds(area.baselinePence()), pounds(area.changePence()), area.changePercent() });
			for (IndicatorLine line : area.lines()) {
				indicatorLines.add(new Object[] { id, partnershipId, line.indicator(), line.value(), line.total(),
						line.share(), line.weightPercent(), line.contributionPounds() });
			}
		}
		this.batch.batchUpdate("insert into formula_run_line (run_id, partnership_id, code, name, weighted_share, "
				+ "raw_amount, limit_applied, adjusted_amount, amount, rounding_penny, baseline, change_amount, change_percent) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);
		this.batch
			.batchUpdate("insert into formula_run_indicator (run_id, partnership_id, indicator, value, total, share, "
					+ "weight, contribution) values (?, ?, ?, ?, ?, ?, ?, ?)", indicatorLines);
		return id;
	}

	/**
	 * Where an input value came from when the run was made, kept with it (at most 1,000
	 * characters, as the column).
	 */
	private static String source(Map<String, Map<String, Map<FinancialYear, String>>> sources, String code,
			String indicator, FinancialYear year) {
		String source = sources.getOrDefault(code, Map.of()).getOrDefault(indicator, Map.of()).get(year);
		return (source == null || source.length() <= 1000) ? source : source.substring(0, 999) + "…";
	}

	/** A run that was not discarded, with its lines, read in one transaction. */
	@Transactional(readOnly = true)
	Optional<RunView> find(long id) {
		return this.jdbc.sql("select * from formula_run where id = ? and status <> 'DISCARDED'")
			.param(id)
			.query((rs, row) -> header(rs))
			.optional()
			.map(header -> withLines(header, lines(id)));
	}

	/**
	 * A version of every run: it changes when one is made, approved, superseded or
	 * discarded, the only changes a run ever has (each raises the run's version).
	 */
	String version() {
		return this.jdbc.sql("select concat_ws(',', count(*), max(id), sum(version)) from formula_run")
			.query(String.class)
			.single();
	}

	/** Runs not discarded, newest first, without their lines. */
	List<RunView> list() {
		return this.jdbc.sql("select * from formula_run where status <> 'DISCARDED' " + NEWEST_FIRST)
			.query((rs, row) -> header(rs))
			.list();
	}

	/** The runs with these ids, without their lines, in the order of {@link #list()}. */
	List<RunView> list(List<Long> ids) {
		return this.jdbc.sql("select * from formula_run where id = any(?) " + NEWEST_FIRST)
			.param(ids.toArray(Long[]::new))
			.query((rs, row) -> header(rs))
			.list();
	}

	List<Long> approvedIds() {
		return this.jdbc.sql("select id from formula_run where status = 'APPROVED' order by id")
			.query(Long.class)
			.list();
	}

	/** The run made from a run form with this one-time token, if one was. */
	Optional<Long> madeFromForm(String formToken) {
		return this.jdbc.sql("select id from formula_run where form_token = ?")
			.param(formToken)
			.query(Long.class)
			.optional();
	}

	Optional<Long> approvedRunId(FinancialYear year, RunPurpose purpose) {
		return this.jdbc
			.sql("select id from formula_run where financial_year = ? and purpose = ? and status = 'APPROVED'")
			.params(year.startYear(), purpose.name())
			.query(Long.class)
			.optional();
	}

	/**
	 * The indicator values a run used for one partnership, and where each came from when
	 * the run kept it, by indicator and year.
	 */
	PartnershipInputs inputsOf(long runId, long partnershipId) {
		PartnershipInputs inputs = new PartnershipInputs(new TreeMap<>(), new TreeMap<>());
		this.jdbc
			.sql("select indicator, financial_year, value, source from formula_run_input where run_id = ? "
					+ "and partnership_id = ?")
			.params(runId, partnershipId)
			.query((rs, row) -> {
				FinancialYear year = new FinancialYear(rs.getInt(2));
				inputs.values().computeIfAbsent(rs.getString(1), key -> new TreeMap<>()).put(year, rs.getBigDecimal(3));
				if (rs.getString(4) != null) {
					inputs.sources()
						.computeIfAbsent(rs.getString(1), key -> new TreeMap<>())
						.put(year, rs.getString(4));
				}
				return null;
			})
			.list();
		return inputs;
	}

	/** One partnership's inputs in a run, by indicator and year, and their sources. */
	record PartnershipInputs(Map<String, Map<FinancialYear, BigDecimal>> values,
			Map<String, Map<FinancialYear, String>> sources) {
	}

	/** The indicator values a run used, by partnership code, indicator and year. */
	Map<String, Map<String, Map<FinancialYear, BigDecimal>>> inputs(long runId) {
		Map<String, Map<String, Map<FinancialYear, BigDecimal>>> inputs = new TreeMap<>();
		this.jdbc.sql(
				"select l.code, i.indicator, i.financial_year, i.value from formula_run_input i join formula_run_line l "
						+ "on l.run_id = i.run_id and l.partnership_id = i.partnership_id where i.run_id = ?")
			.param(runId)
			.query((rs, row) -> inputs.computeIfAbsent(rs.getString(1), code -> new TreeMap<>())
				.computeIfAbsent(rs.getString(2), key -> new TreeMap<>())
				.put(new FinancialYear(rs.getInt(3)), rs.getBigDecimal(4)))
			.list();
		return inputs;
	}

	/**
	 * Deletes the figures of a draft that is being discarded (the database refuses it for
	 * any other run); the run's own row stays, marked discarded.
	 */
	void deleteFiguresOfDraft(long id) {
		for (String table : new String[] { "formula_run_indicator", "formula_run_input", "formula_run_line" }) {
			this.jdbc.sql("delete from " + table + " where run_id = ?").param(id).update();
		}
	}

	private RunView header(ResultSet rs) throws SQLException {
		List<String> window = this.json.readValue(rs.getString("window_years"), new TypeReference<List<String>>() {
		});
		StoredSpec spec = this.json.readValue(rs.getString("spec"), StoredSpec.class);
		return new RunView(rs.getLong("id"), new FinancialYear(rs.getInt("financial_year")),
				RunPurpose.valueOf(rs.getString("purpose")), Money.of(rs.getBigDecimal("pot")),
				(Long) rs.getObject("formula_version_id"), rs.getString("formula_label"),
				window.stream().map(FinancialYear::parse).toList(), spec.toSpec(), rs.getString("baseline_source"),
				rs.getString("note"), RunStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
				rs.getString("created_by"), instant(rs, "approved_at"), rs.getString("approved_by"),
				(Long) rs.getObject("superseded_by"), (Long) rs.getObject("partnership_group_id"),
				rs.getString("partnerships_label"), List.of());
	}

	private List<RunView.Line> lines(long runId) {
		Map<Long, List<IndicatorLine>> indicators = new HashMap<>();
		this.jdbc.sql("select * from formula_run_indicator where run_id = ? order by indicator")
			.param(runId)
			.query((rs, row) -> indicators.computeIfAbsent(rs.getLong("partnership_id"), id -> new ArrayList<>())
				.add(new IndicatorLine(rs.getString("indicator"), rs.getBigDecimal("value"), rs.getBigDecimal("total"),
						rs.getBigDecimal("share"), rs.getBigDecimal("weight"), rs.getBigDecimal("contribution"))))
			.list();
		Map<Long, RunView.Line> lines = new LinkedHashMap<>();
		this.jdbc.sql("select * from formula_run_line where run_id = ? order by code")
			.param(runId)
			.query((rs, row) -> lines.put(rs.getLong("partnership_id"),
					new RunView.Line(rs.getLong("partnership_id"), rs.getString("code"), rs.getString("name"),
							rs.getBigDecimal("weighted_share"), rs.getBigDecimal("raw_amount"),
							Limit.valueOf(rs.getString("limit_applied")), rs.getBigDecimal("adjusted_amount"),
							Money.of(rs.getBigDecimal("amount")), rs.getBoolean("rounding_penny"),
							money(rs.getBigDecimal("baseline")), money(rs.getBigDecimal("change_amount")),
							rs.getBigDecimal("change_percent"),
							List.copyOf(indicators.getOrDefault(rs.getLong("partnership_id"), List.of())))))
			.list();
		return List.copyOf(lines.values());
	}

	private static RunView withLines(RunView header, List<RunView.Line> lines) {
		return new RunView(header.id(), header.year(), header.purpose(), header.pot(), header.formulaVersionId(),
				header.formulaLabel(), header.window(), header.spec(), header.baselineSource(), header.note(),
				header.status(), header.createdAt(), header.createdBy(), header.approvedAt(), header.approvedBy(),
				header.supersededBy(), header.partnershipGroupId(), header.partnerships(), lines);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Money money(BigDecimal amount) {
		return (amount != null) ? Money.of(amount) : null;
	}

	private static BigDecimal pounds(Long pence) {
		return (pence != null) ? Money.ofPence(pence).amount() : null;
	}

}
