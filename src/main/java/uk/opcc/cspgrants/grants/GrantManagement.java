package uk.opcc.cspgrants.grants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunStatus;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Grants per partnership per year: created once from an approved formula run, added to by
 * redistributions, or entered by hand for historic years; with the carry forward from
 * last year. Every change is audited.
 */
@Service
@Transactional
public class GrantManagement {

	static final String AUDIT_TYPE = "Grant";

	private static final String LINE_COLUMNS = "l.source, l.amount, l.run_id, l.note, l.created_at, l.created_by";

	private static final String GRANT_SELECT = "select g.id, g.partnership_id, p.code, p.name, g.financial_year, "
			+ "g.carry_forward, g.carry_forward_note, g.version from grant_award g "
			+ "join partnership p on p.id = g.partnership_id";

	private final JdbcClient jdbc;

	private final DataVersions versions;

	private final PartnershipManagement partnerships;

	private final RunManagement runs;

	private final AuditTrail auditTrail;

	private final Clock clock;

	GrantManagement(JdbcClient jdbc, PartnershipManagement partnerships, RunManagement runs, AuditTrail auditTrail,
			Clock clock, DataVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.partnerships = partnerships;
		this.runs = runs;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public YearSettings settings(FinancialYear year) {
		return this.jdbc.sql(
				"select payment_profile, return_due_days, underspend_policy, version from year_settings where financial_year = ?")
			.param(year.startYear())
			.query((rs, row) -> new YearSettings(year, YearSettings.PaymentProfile.valueOf(rs.getString(1)),
					rs.getInt(2), YearSettings.UnderspendPolicy.valueOf(rs.getString(3)), rs.getLong(4)))
			.optional()
			.orElseGet(() -> YearSettings.defaultsFor(year));
	}

	/**
	 * Saves a year's settings; {@code expectedVersion} -1 for a year with none saved yet.
	 */
	public YearSettings saveSettings(YearSettings settings) {
		if (settings.returnDueDays() < 0 || settings.returnDueDays() > 365) {
			throw new ValidationException("returnDueDays", "Returns are due 0 to 365 days after the quarter ends");
		}
		YearSettings before = settings(settings.year());
		if (before.version() != settings.version()) {
			throw ConflictException.changedBySomeoneElse();
		}
		this.jdbc.sql("insert into year_settings (financial_year, payment_profile, return_due_days, underspend_policy) "
				+ "values (?, ?, ?, ?) on conflict (financial_year) do update set payment_profile = excluded.payment_profile, "
				+ "return_due_days = excluded.return_due_days, underspend_policy = excluded.underspend_policy, "
				+ "version = year_settings.version + 1")
			.params(settings.year().startYear(), settings.paymentProfile().name(), settings.returnDueDays(),
					settings.underspendPolicy().name())
			.update();
		YearSettings after = settings(settings.year());
		this.auditTrail.record("UPDATE", "YearSettings", settings.year(), (before.version() < 0) ? null : before,
				after);
		return after;
	}

	/** Every grant of a year that this user may see, by partnership name. */
	@Transactional(readOnly = true)
	public List<GrantView> grants(FinancialYear year, CurrentUser user) {
		return grants(year).stream().filter(grant -> user == null || user.maySee(grant.partnershipId())).toList();
	}

	/** Every grant of a year, by partnership name, read in two queries. */
	@Transactional(readOnly = true)
	public List<GrantView> grants(FinancialYear year) {
		Map<Long, List<GrantView.Line>> lines = new HashMap<>();
		this.jdbc
			.sql("select l.grant_id, " + LINE_COLUMNS + " from grant_line l join grant_award g on g.id = l.grant_id "
					+ "where g.financial_year = ? order by l.id")
			.param(year.startYear())
			.query((rs) -> {
				lines.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(line(rs, 2));
			});
		return this.jdbc.sql(GRANT_SELECT + " where g.financial_year = ? order by p.name")
			.param(year.startYear())
			.query((rs, row) -> grant(rs, lines.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	/**
	 * A version of a year's grants, for pages that keep what they show: it changes
	 * whenever a grant, a line of one or a carry forward is added or changed. Read at
	 * most once a second (see {@link DataVersions}), without a transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.versions.of("grants " + year,
				() -> this.jdbc
					.sql("select concat_ws(',', "
							+ "(select concat_ws(':', count(*), sum(version), sum(carry_forward)) from grant_award "
							+ "where financial_year = ?), "
							+ "(select concat_ws(':', count(*), max(l.id), sum(l.amount)) from grant_line l "
							+ "join grant_award g on g.id = l.grant_id where g.financial_year = ?))")
					.params(year.startYear(), year.startYear())
					.query(String.class)
					.single());
	}

	@Transactional(readOnly = true)
	public Optional<GrantView> grant(FinancialYear year, long partnershipId) {
		return this.jdbc.sql("select id from grant_award where financial_year = ? and partnership_id = ?")
			.params(year.startYear(), partnershipId)
			.query(Long.class)
			.optional()
			.map(this::load);
	}

	/** The grant of a partnership by code, if this user may see it. */
	@Transactional(readOnly = true)
	public GrantView grant(FinancialYear year, String code, CurrentUser user) {
		PartnershipView partnership = this.partnerships.get(code, user);
		return grant(year, partnership.id())
			.orElseThrow(() -> new NotFoundException(partnership.name() + " has no grant for " + year));
	}

	/**
	 * The highest total available of a partnership in any year before {@code year}, or
	 * zero.
	 */
	@Transactional(readOnly = true)
	public Money highestTotalBefore(long partnershipId, FinancialYear year) {
		return Money.of(this.jdbc.sql(
				"select coalesce(max(g.carry_forward + coalesce((select sum(l.amount) from grant_line l where l.grant_id = g.id), 0)), 0) "
						+ "from grant_award g where g.partnership_id = ? and g.financial_year < ?")
			.params(partnershipId, year.startYear())
			.query(java.math.BigDecimal.class)
			.single());
	}

	/** Approved runs whose grants have not been created yet. */
	@Transactional(readOnly = true)
	public List<RunView> runsWithoutGrants() {
		return this.runs.published()
			.stream()
			.filter(run -> run.status() == RunStatus.APPROVED)
			.filter(run -> !grantsCreatedFrom(run.id()))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean grantsCreatedFrom(long runId) {
		return this.jdbc.sql("select count(*) from grant_line where run_id = ?")
			.param(runId)
			.query(Long.class)
			.single() > 0;
	}

	/** Creates each partnership's grant line from an approved run, once. */
	public List<GrantView> createFromRun(long runId) {
		RunView run = this.runs.get(runId);
		if (run.status() != RunStatus.APPROVED) {
			throw new ConflictException(null, "Grants are created only from an approved run; run " + runId + " is "
					+ run.status().label().toLowerCase());
		}
		if (grantsCreatedFrom(runId)) {
			throw new ConflictException(null, "Grants have already been created from run " + runId);
		}
		GrantView.Source source = switch (run.purpose()) {
			case ALLOCATION -> GrantView.Source.FORMULA_RUN;
			case REDISTRIBUTION -> GrantView.Source.REDISTRIBUTION;
		};
		List<GrantView> created = new ArrayList<>();
		for (RunView.Line line : run.lines()) {
			created.add(addLine(run.year(), line.partnershipId(), source, line.amount(), runId, null,
					"Formula run " + runId + ": " + run.formulaLabel()));
		}
		return created;
	}

	/**
	 * Adds a line to a partnership's grant, creating the grant if need be. A line with a
	 * {@code sourceRef} is added once only.
	 */
	public GrantView addLine(FinancialYear year, long partnershipId, GrantView.Source source, Money amount, Long runId,
			String sourceRef, String note) {
		long grantId = grantIdFor(year, partnershipId);
		GrantView before = load(grantId);
		if (sourceRef != null
				&& this.jdbc.sql("select count(*) from grant_line where grant_id = ? and source = ? and source_ref = ?")
					.params(grantId, source.name(), sourceRef)
					.query(Long.class)
					.single() > 0) {
			return before;
		}
		this.jdbc
			.sql("insert into grant_line (grant_id, source, amount, run_id, source_ref, note, created_at, created_by) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(grantId, source.name(), amount.amount(), runId, sourceRef, note,
					Timestamp.from(this.clock.instant()), AuditTrail.currentActor())
			.update();
		touch(grantId);
		GrantView after = load(grantId);
		this.auditTrail.record("ADD_LINE", AUDIT_TYPE, grantId, snapshot(before), snapshot(after));
		return after;
	}

	/**
	 * Sets a historic year's allocation (entered by hand, with a note) and carry forward.
	 * The hand-entered line replaces any earlier hand-entered one; lines from runs stay.
	 */
	public GrantView setHistoric(FinancialYear year, String code, Money allocation, Money carryForward, String note,
			Long expectedVersion) {
		PartnershipView partnership = this.partnerships.findByCode(code)
			.orElseThrow(() -> new NotFoundException("There is no partnership with the code " + code));
		Map<String, String> errors = new LinkedHashMap<>();
		if (allocation != null && allocation.isNegative()) {
			errors.put("allocation", "The allocation cannot be negative");
		}
		if (carryForward != null && carryForward.isNegative()) {
			errors.put("carryForward", "The carry forward cannot be negative");
		}
		if (note != null && note.length() > 1000) {
			errors.put("note", "The note must be 1,000 characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		long grantId = grantIdFor(year, partnership.id());
		GrantView before = load(grantId);
		if (expectedVersion != null && before.version() != expectedVersion && !before.lines().isEmpty()) {
			throw ConflictException.changedBySomeoneElse();
		}
		if (allocation != null) {
			this.jdbc.sql("delete from grant_line where grant_id = ? and source = 'HISTORIC'").param(grantId).update();
			this.jdbc.sql(
					"insert into grant_line (grant_id, source, amount, note, created_at, created_by) values (?, 'HISTORIC', ?, ?, ?, ?)")
				.params(grantId, allocation.amount(), note, Timestamp.from(this.clock.instant()),
						AuditTrail.currentActor())
				.update();
		}
		if (carryForward != null) {
			this.jdbc.sql("update grant_award set carry_forward = ?, carry_forward_note = ? where id = ?")
				.params(carryForward.amount(), (note != null) ? note : before.carryForwardNote(), grantId)
				.update();
		}
		touch(grantId);
		GrantView after = load(grantId);
		this.auditTrail.record("UPDATE", AUDIT_TYPE, grantId, snapshot(before), snapshot(after));
		return after;
	}

	/** Sets the carry forward from the previous year, with how it was arrived at. */
	public GrantView setCarryForward(FinancialYear year, long partnershipId, Money carryForward, String note) {
		long grantId = grantIdFor(year, partnershipId);
		GrantView before = load(grantId);
		this.jdbc.sql("update grant_award set carry_forward = ?, carry_forward_note = ? where id = ?")
			.params(carryForward.amount(), note, grantId)
			.update();
		touch(grantId);
		GrantView after = load(grantId);
		this.auditTrail.record("CARRY_FORWARD", AUDIT_TYPE, grantId, snapshot(before), snapshot(after));
		return after;
	}

	private long grantIdFor(FinancialYear year, long partnershipId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("insert into grant_award (partnership_id, financial_year, created_at, updated_at) values (?, ?, ?, ?) "
					+ "on conflict (partnership_id, financial_year) do nothing")
			.params(partnershipId, year.startYear(), now, now)
			.update();
		return this.jdbc.sql("select id from grant_award where partnership_id = ? and financial_year = ?")
			.params(partnershipId, year.startYear())
			.query(Long.class)
			.single();
	}

	private void touch(long grantId) {
		this.jdbc.sql("update grant_award set version = version + 1, updated_at = ? where id = ?")
			.params(Timestamp.from(this.clock.instant()), grantId)
			.update();
	}

	private GrantView load(long grantId) {
		List<GrantView.Line> lines = this.jdbc
			.sql("select " + LINE_COLUMNS + " from grant_line l where l.grant_id = ? order by l.id")
			.param(grantId)
			.query((rs, row) -> line(rs, 1))
			.list();
		return this.jdbc.sql(GRANT_SELECT + " where g.id = ?")
			.param(grantId)
			.query((rs, row) -> grant(rs, lines))
			.single();
	}

	private static GrantView.Line line(ResultSet rs, int first) throws SQLException {
		return new GrantView.Line(GrantView.Source.valueOf(rs.getString(first)), Money.of(rs.getBigDecimal(first + 1)),
				(Long) rs.getObject(first + 2), rs.getString(first + 3), rs.getTimestamp(first + 4).toInstant(),
				rs.getString(first + 5));
	}

	private static GrantView grant(ResultSet rs, List<GrantView.Line> lines) throws SQLException {
		return new GrantView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				new FinancialYear(rs.getInt(5)), lines, Money.of(rs.getBigDecimal(6)), rs.getString(7), rs.getLong(8));
	}

	private static Map<String, Object> snapshot(GrantView grant) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("partnership", grant.code());
		snapshot.put("year", grant.year().toString());
		snapshot.put("allocation", grant.allocation().amount());
		snapshot.put("carryForward", grant.carryForward().amount());
		snapshot.put("lines", grant.lines().stream().map(line -> line.source() + " " + line.amount()).toList());
		return snapshot;
	}

}
