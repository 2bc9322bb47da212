package uk.opcc.cspgrants.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Quarterly returns: saved as drafts with checks, submitted, then accepted or returned
 * for correction; an accepted return changes only after re-opening with a reason. Every
 * step is audited.
 */
@Service
@Transactional
public class ReturnManagement {

	static final String AUDIT_TYPE = "QuarterlyReturn";

	private final JdbcClient jdbc;

	private final DataVersions versions;

	private final PartnershipManagement partnerships;

	private final GrantManagement grants;

	private final AuditTrail auditTrail;

	private final Clock clock;

	ReturnManagement(JdbcClient jdbc, PartnershipManagement partnerships, GrantManagement grants, AuditTrail auditTrail,
			Clock clock, DataVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.partnerships = partnerships;
		this.grants = grants;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The return, or an empty one not started yet; a CSP manager sees only their own. */
	@Transactional(readOnly = true)
	public ReturnView get(FinancialYear year, Quarter quarter, String code, CurrentUser user) {
		PartnershipView partnership = (user != null) ? this.partnerships.get(code, user)
				: this.partnerships.findByCode(code)
					.orElseThrow(() -> new NotFoundException("There is no partnership with the code " + code));
		return find(year, quarter, partnership)
			.orElseGet(() -> new ReturnView(0, partnership.id(), partnership.code(), partnership.name(), year, quarter,
					ReturnStatus.DRAFT, new ReturnDetails(Money.ZERO, Money.ZERO, List.of(), null, null, null), null,
					totalAvailable(year, partnership.id()), dueDate(year, quarter), null, null, null));
	}

	/**
	 * Every return of a year, by partnership id and quarter: three queries whatever the
	 * number of partnerships (returns, their activities, the year's grants).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<Quarter, ReturnView>> returnsOf(FinancialYear year) {
		Map<Long, PartnershipView> partnerships = new HashMap<>();
		this.partnerships.all().forEach(partnership -> partnerships.put(partnership.id(), partnership));
		Map<Long, Money> available = new HashMap<>();
		this.grants.grants(year).forEach(grant -> available.put(grant.partnershipId(), grant.totalAvailable()));
		Map<Long, List<ReturnDetails.Activity>> activities = new HashMap<>();
		this.jdbc.sql("select a.return_id, a.title, a.theme, a.planned, a.spend, a.outcomes from return_activity a "
				+ "join quarterly_return r on r.id = a.return_id where r.financial_year = ? order by a.return_id, a.line")
			.param(year.startYear())
			.query((rs, row) -> activities.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(activity(rs, 2)))
			.list();
		int dueDays = this.grants.settings(year).returnDueDays();
		Map<Long, Map<Quarter, ReturnView>> returns = new LinkedHashMap<>();
		this.jdbc.sql("select * from quarterly_return where financial_year = ? order by partnership_id, quarter")
			.param(year.startYear())
			.query((rs, row) -> {
				PartnershipView partnership = partnerships.get(rs.getLong("partnership_id"));
				Quarter quarter = Quarter.valueOf(rs.getString("quarter"));
				ReturnView view = view(rs, partnership, year, quarter,
						activities.getOrDefault(rs.getLong("id"), List.of()),
						available.getOrDefault(partnership.id(), Money.ZERO), quarter.endIn(year).plusDays(dueDays));
				return returns.computeIfAbsent(partnership.id(), id -> new EnumMap<>(Quarter.class)).put(quarter, view);
			})
			.list();
		return returns;
	}

	/**
	 * A version of a year's returns, for pages that keep what they show: every change of
	 * a return raises its version. Read at most once a second (see {@link DataVersions}),
	 * without a transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.versions.of("returns " + year, () -> this.jdbc.sql(
				"select concat_ws(',', count(*), sum(version), max(id)) from quarterly_return where financial_year = ?")
			.param(year.startYear())
			.query(String.class)
			.single());
	}

	/** Saves the figures of a draft (or returned) return, after checking them. */
	public ReturnView save(FinancialYear year, Quarter quarter, String code, ReturnDetails details) {
		PartnershipView partnership = this.partnerships.findByCode(code)
			.orElseThrow(() -> new NotFoundException("There is no partnership with the code " + code));
		check(details);
		Optional<ReturnView> existing = find(year, quarter, partnership);
		if (existing.isPresent()) {
			ReturnView before = existing.get();
			if (details.version() == null || before.version() != details.version()) {
				throw ConflictException.changedBySomeoneElse();
			}
			if (!before.status().editable()) {
				throw new ConflictException(null,
						"This return is " + before.status().label().toLowerCase()
								+ (before.status() == ReturnStatus.ACCEPTED
										? ": re-open it, with a reason, to change it"
										: ": accept it or return it for correction first"));
			}
		}
		else if (details.version() != null && details.version() != 0) {
			throw ConflictException.changedBySomeoneElse();
		}
		checkSpendFall(year, quarter, partnership, details);
		Timestamp now = Timestamp.from(this.clock.instant());
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
			this.jdbc
				.sql("update quarterly_return set planned_allocation = ?, cumulative_spend = ?, comments = ?, "
						+ "spend_fall_reason = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?")
				.params(details.plannedAllocation().amount(), details.cumulativeSpend().amount(), details.comments(),
						details.spendFallReason(), now, AuditTrail.currentActor(), id)
				.update();
			this.jdbc.sql("delete from return_activity where return_id = ?").param(id).update();
		}
		else {
			id = this.jdbc.sql(
					"insert into quarterly_return (partnership_id, financial_year, quarter, status, planned_allocation, "
							+ "cumulative_spend, comments, spend_fall_reason, created_at, updated_at, updated_by) "
							+ "values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?) returning id")
				.params(partnership.id(), year.startYear(), quarter.name(), details.plannedAllocation().amount(),
						details.cumulativeSpend().amount(), details.comments(), details.spendFallReason(), now, now,
						AuditTrail.currentActor())
				.query(Long.class)
				.single();
		}
		int line = 1;
		for (ReturnDetails.Activity activity : details.activities()) {
			this.jdbc.sql(
					"insert into return_activity (return_id, line, title, theme, planned, spend, outcomes) values (?, ?, ?, ?, ?, ?, ?)")
				.params(id, line++, activity.title().strip(), blankToNull(activity.theme()),
						activity.planned().amount(), activity.spend().amount(), blankToNull(activity.outcomes()))
				.update();
		}
		ReturnView after = get(year, quarter, code, null);
		this.auditTrail.record(existing.isPresent() ? "UPDATE" : "CREATE", AUDIT_TYPE, id,
				existing.map(ReturnManagement::snapshot).orElse(null), snapshot(after));
		return after;
	}

	public ReturnView submit(FinancialYear year, Quarter quarter, String code) {
		return move(year, quarter, code, ReturnStatus.SUBMITTED, null, "SUBMIT");
	}

	public ReturnView accept(FinancialYear year, Quarter quarter, String code) {
		return move(year, quarter, code, ReturnStatus.ACCEPTED, null, "ACCEPT");
	}

	public ReturnView returnForCorrection(FinancialYear year, Quarter quarter, String code, String reason) {
		return move(year, quarter, code, ReturnStatus.RETURNED, required(reason, "Say what needs correcting"),
				"RETURN_FOR_CORRECTION");
	}

	public ReturnView reopen(FinancialYear year, Quarter quarter, String code, String reason) {
		return move(year, quarter, code, ReturnStatus.DRAFT,
				required(reason, "Say why the accepted return is re-opened"), "REOPEN");
	}

	/**
	 * The due date of a quarter's returns: the quarter's end plus the year's due days.
	 */
	@Transactional(readOnly = true)
	public LocalDate dueDate(FinancialYear year, Quarter quarter) {
		return quarter.endIn(year).plusDays(this.grants.settings(year).returnDueDays());
	}

	private ReturnView move(FinancialYear year, Quarter quarter, String code, ReturnStatus next, String reason,
			String action) {
		ReturnView before = get(year, quarter, code, null);
		if (!before.started()) {
			throw new NotFoundException("There is no " + quarter + " return for " + before.name() + " in " + year);
		}
		if (!before.status().canBecome(next)) {
			throw new ConflictException(null, "A return that is " + before.status().label().toLowerCase()
					+ " cannot become " + next.label().toLowerCase());
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("update quarterly_return set status = ?, status_reason = ?, version = version + 1, updated_at = ?, "
					+ "updated_by = ?, submitted_at = case when ? = 'SUBMITTED' then ? else submitted_at end, "
					+ "accepted_at = case when ? = 'ACCEPTED' then ? else accepted_at end, "
					+ "accepted_by = case when ? = 'ACCEPTED' then ? else accepted_by end where id = ?")
			.params(next.name(), reason, now, AuditTrail.currentActor(), next.name(), now, next.name(), now,
					next.name(), AuditTrail.currentActor(), before.id())
			.update();
		ReturnView after = get(year, quarter, code, null);
		this.auditTrail.record(action, AUDIT_TYPE, before.id(), snapshot(before), snapshot(after));
		return after;
	}

	private void check(ReturnDetails details) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (details.plannedAllocation() == null || details.plannedAllocation().isNegative()) {
			errors.put("plannedAllocation", "Enter the planned allocation in pounds and pence, £0.00 or more");
		}
		if (details.cumulativeSpend() == null || details.cumulativeSpend().isNegative()) {
			errors.put("cumulativeSpend", "Enter the cumulative spend in pounds and pence, £0.00 or more");
		}
		if (details.comments() != null && details.comments().length() > 4000) {
			errors.put("comments", "Comments must be 4,000 characters or fewer");
		}
		for (int i = 0; i < details.activities().size(); i++) {
			ReturnDetails.Activity activity = details.activities().get(i);
			if (activity.title() == null || activity.title().isBlank()) {
				errors.putIfAbsent("activities[" + i + "].title", "Activity " + (i + 1) + " needs a title");
			}
			else if (activity.title().length() > 300) {
				errors.putIfAbsent("activities[" + i + "].title",
						"Activity " + (i + 1) + "'s title must be 300 characters or fewer");
			}
			if (activity.planned() == null || activity.planned().isNegative() || activity.spend() == null
					|| activity.spend().isNegative()) {
				errors.putIfAbsent("activities[" + i + "].planned",
						"Activity " + (i + 1) + " needs planned and spend amounts of £0.00 or more");
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	private void checkSpendFall(FinancialYear year, Quarter quarter, PartnershipView partnership,
			ReturnDetails details) {
		for (int q = quarter.ordinal() - 1; q >= 0; q--) {
			Optional<ReturnView> earlier = find(year, Quarter.values()[q], partnership);
			if (earlier.isPresent()) {
				Money previous = earlier.get().details().cumulativeSpend();
				if (details.cumulativeSpend().compareTo(previous) < 0 && details.spendFallReason() == null) {
					throw new ValidationException("spendFallReason", "Cumulative spend is lower than at "
							+ Quarter.values()[q] + " (" + previous.format() + "): say why");
				}
				return;
			}
		}
	}

	private Optional<ReturnView> find(FinancialYear year, Quarter quarter, PartnershipView partnership) {
		return this.jdbc
			.sql("select * from quarterly_return where partnership_id = ? and financial_year = ? and quarter = ?")
			.params(partnership.id(), year.startYear(), quarter.name())
			.query((rs, row) -> view(rs, partnership, year, quarter, activitiesOf(rs.getLong("id")),
					totalAvailable(year, partnership.id()), dueDate(year, quarter)))
			.optional();
	}

	private List<ReturnDetails.Activity> activitiesOf(long returnId) {
		return this.jdbc
			.sql("select title, theme, planned, spend, outcomes from return_activity where return_id = ? order by line")
			.param(returnId)
			.query((rs, row) -> activity(rs, 1))
			.list();
	}

	private static ReturnDetails.Activity activity(ResultSet rs, int first) throws SQLException {
		return new ReturnDetails.Activity(rs.getString(first), rs.getString(first + 1),
				Money.of(rs.getBigDecimal(first + 2)), Money.of(rs.getBigDecimal(first + 3)), rs.getString(first + 4));
	}

	private static ReturnView view(ResultSet rs, PartnershipView partnership, FinancialYear year, Quarter quarter,
			List<ReturnDetails.Activity> activities, Money totalAvailable, LocalDate dueDate) throws SQLException {
		ReturnDetails details = new ReturnDetails(Money.of(rs.getBigDecimal("planned_allocation")),
				Money.of(rs.getBigDecimal("cumulative_spend")), activities, rs.getString("comments"),
				rs.getString("spend_fall_reason"), rs.getLong("version"));
		return new ReturnView(rs.getLong("id"), partnership.id(), partnership.code(), partnership.name(), year, quarter,
				ReturnStatus.valueOf(rs.getString("status")), details, rs.getString("status_reason"), totalAvailable,
				dueDate, rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
				rs.getString("accepted_by"));
	}

	private Money totalAvailable(FinancialYear year, long partnershipId) {
		return this.grants.grant(year, partnershipId).map(GrantView::totalAvailable).orElse(Money.ZERO);
	}

	private static Map<String, Object> snapshot(ReturnView view) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("partnership", view.code());
		snapshot.put("year", view.year().toString());
		snapshot.put("quarter", view.quarter().name());
		snapshot.put("status", view.status().name());
		snapshot.put("plannedAllocation", view.details().plannedAllocation().amount());
		snapshot.put("cumulativeSpend", view.details().cumulativeSpend().amount());
		snapshot.put("activities", view.details().activities().size());
		snapshot.put("reason", view.statusReason());
		return snapshot;
	}

	private static String required(String reason, String message) {
		if (reason == null || reason.isBlank()) {
			throw new ValidationException("reason", message);
		}
		if (reason.length() > 1000) {
			throw new ValidationException("reason", "The reason must be 1,000 characters or fewer");
		}
		return reason.strip();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
