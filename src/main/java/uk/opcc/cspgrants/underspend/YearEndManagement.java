package uk.opcc.cspgrants.underspend;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.monitoring.ReturnStatus;
import uk.opcc.cspgrants.monitoring.ReturnView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Closing a financial year: finance closes it once every Q4 return is accepted, or with a
 * reason for those missing. Underspend = total available − final cumulative spend. Under
 * the carry-forward policy each underspend becomes the partnership's carry forward next
 * year; under return-to-pot they form a pot for redistribution. Overspends are never
 * carried as negative money unless finance chooses to.
 */
@Service
@Transactional
public class YearEndManagement {

	private final JdbcClient jdbc;

	private final GrantManagement grants;

	private final ReturnManagement returns;

	private final AuditTrail auditTrail;

	private final Clock clock;

	YearEndManagement(JdbcClient jdbc, GrantManagement grants, ReturnManagement returns, AuditTrail auditTrail,
			Clock clock) {
		this.jdbc = jdbc;
		this.grants = grants;
		this.returns = returns;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The year's underspend: frozen if closed, else as it stands now. */
	@Transactional(readOnly = true)
	public YearEnd yearEnd(FinancialYear year) {
		List<UnderspendRow> rows = current(year);
		List<String> missing = missingQ4(year);
		return this.jdbc
			.sql("select status, policy, missing_reason, closed_at, closed_by from year_close where financial_year = ?")
			.param(year.startYear())
			.query((rs,
					row) -> "CLOSED".equals(rs.getString(1)) ? new YearEnd(year, true,
							YearSettings.UnderspendPolicy.valueOf(rs.getString(2)), frozen(year, rows), missing,
							rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)) : null)
			.optional()
			.orElseGet(() -> new YearEnd(year, false, this.grants.settings(year).underspendPolicy(), rows, missing,
					null, null, null));
	}

	/**
	 * Closes the year. {@code carryOverspend} carries an overspend forward as negative
	 * money.
	 */
	public YearEnd close(FinancialYear year, String missingReason, boolean carryOverspend, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance closes a financial year");
		}
		YearEnd now = yearEnd(year);
		if (now.closed()) {
			throw new ConflictException(null,
					year + " is already closed; re-open it, with a reason, to close it again");
		}
		if (now.rows().isEmpty()) {
			throw new ValidationException("year", "There are no grants for " + year + " to close");
		}
		if (!now.missingQ4().isEmpty() && (missingReason == null || missingReason.isBlank())) {
			throw new ValidationException("missingReason", "The Q4 return is not accepted for "
					+ String.join(", ", now.missingQ4()) + ": give a reason to close the year without it");
		}
		YearSettings.UnderspendPolicy policy = now.policy();
		Timestamp at = Timestamp.from(this.clock.instant());
		this.jdbc.sql("delete from year_underspend where financial_year = ?").param(year.startYear()).update();
		this.jdbc.sql("delete from year_close where financial_year = ?").param(year.startYear()).update();
		String reason = now.missingQ4().isEmpty() ? null
				: "Q4 missing for " + String.join(", ", now.missingQ4()) + ": " + missingReason.strip();
		this.jdbc
			.sql("insert into year_close (financial_year, status, policy, missing_reason, closed_at, closed_by) "
					+ "values (?, 'CLOSED', ?, ?, ?, ?)")
			.params(year.startYear(), policy.name(), reason, at, user.getUsername())
			.update();
		for (UnderspendRow row : now.rows()) {
			this.jdbc.sql(
					"insert into year_underspend (financial_year, partnership_id, total_available, final_spend, underspend, "
							+ "spend_quarter) values (?, ?, ?, ?, ?, ?)")
				.params(year.startYear(), row.partnershipId(), row.totalAvailable().amount(), row.finalSpend().amount(),
						row.underspend().amount(), (row.spendQuarter() != null) ? row.spendQuarter().name() : null)
				.update();
			if (policy == YearSettings.UnderspendPolicy.CARRY_FORWARD) {
				Money carried = (row.overspent() && !carryOverspend) ? Money.ZERO : row.underspend();
				this.grants.setCarryForward(year.next(), row.partnershipId(), carried,
						(row.overspent() ? "Overspend" : "Underspend") + " of " + year + " closed by "
								+ user.getUsername());
			}
		}
		YearEnd closed = yearEnd(year);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("policy", policy.name());
		after.put("totalUnderspend", closed.totalUnderspend().amount());
		after.put("missingQ4", closed.missingQ4());
		after.put("reason", reason);
		this.auditTrail.record("CLOSE", "FinancialYear", year, null, after);
		return closed;
	}

	/**
	 * Re-opens a closed year, with a reason. Carry forwards already set stay until it is
	 * closed again.
	 */
	public YearEnd reopen(FinancialYear year, String reason, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance re-opens a financial year");
		}
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new ValidationException("reason", "Say why the year is re-opened, in up to 1,000 characters");
		}
		if (!yearEnd(year).closed()) {
			throw new ConflictException(null, year + " is not closed");
		}
		this.jdbc.sql(
				"update year_close set status = 'REOPENED', reopen_reason = ?, version = version + 1 where financial_year = ?")
			.params(reason.strip(), year.startYear())
			.update();
		this.auditTrail.record("REOPEN", "FinancialYear", year, Map.of("status", "CLOSED"),
				Map.of("status", "REOPENED", "reason", reason.strip()));
		return yearEnd(year);
	}

	private List<UnderspendRow> current(FinancialYear year) {
		Map<Long, Map<Quarter, ReturnView>> all = this.returns.returnsOf(year);
		List<UnderspendRow> rows = new ArrayList<>();
		for (GrantView grant : this.grants.grants(year)) {
			ReturnView latest = null;
			for (Quarter quarter : Quarter.values()) {
				ReturnView view = all.getOrDefault(grant.partnershipId(), Map.of()).get(quarter);
				if (view != null && view.status().received()) {
					latest = view;
				}
			}
			Money spend = (latest != null) ? latest.details().cumulativeSpend() : Money.ZERO;
			rows.add(new UnderspendRow(grant.partnershipId(), grant.code(), grant.name(), grant.allocation(),
					grant.carryForward(), grant.totalAvailable(), spend, (latest != null) ? latest.quarter() : null,
					grant.totalAvailable().minus(spend)));
		}
		return rows;
	}

	private List<UnderspendRow> frozen(FinancialYear year, List<UnderspendRow> current) {
		Map<Long, UnderspendRow> byId = new LinkedHashMap<>();
		current.forEach(row -> byId.put(row.partnershipId(), row));
		return this.jdbc
			.sql("select partnership_id, total_available, final_spend, underspend, spend_quarter from year_underspend "
					+ "where financial_year = ?")
			.param(year.startYear())
			.query((rs, n) -> {
				UnderspendRow now = byId.get(rs.getLong(1));
				return new UnderspendRow(rs.getLong(1), now.code(), now.name(), now.allocation(), now.carryForward(),
						Money.of(rs.getBigDecimal(2)), Money.of(rs.getBigDecimal(3)),
						(rs.getString(5) != null) ? Quarter.valueOf(rs.getString(5)) : null,
						Money.of(rs.getBigDecimal(4)));
			})
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(UnderspendRow::name))
			.toList();
	}

	private List<String> missingQ4(FinancialYear year) {
		Map<Long, Map<Quarter, ReturnView>> all = this.returns.returnsOf(year);
		List<String> missing = new ArrayList<>();
		for (GrantView grant : this.grants.grants(year)) {
			ReturnView q4 = all.getOrDefault(grant.partnershipId(), Map.of()).get(Quarter.Q4);
			if (q4 == null || q4.status() != ReturnStatus.ACCEPTED) {
				missing.add(grant.name());
			}
		}
		return missing;
	}

}
