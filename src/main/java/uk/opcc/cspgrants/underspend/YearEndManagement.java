package uk.opcc.cspgrants.underspend;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.monitoring.ReturnAccepted;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.monitoring.ReturnStatus;
import uk.opcc.cspgrants.monitoring.ReturnView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
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

	/** The years whose underspend each node keeps, by version. */
	private static final int KEPT_YEARS = 16;

	private final YearCloseRepository store;

	private final GrantManagement grants;

	private final ReturnManagement returns;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final YearEndNotices notices;

	private final PartnershipManagement partnerships;

	private final DataVersions versions;

	private final DataVersions.Keeper<String, YearEnd> shown;

	YearEndManagement(YearCloseRepository store, GrantManagement grants, ReturnManagement returns,
			AuditTrail auditTrail, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			YearEndNotices notices, PartnershipManagement partnerships, DataVersions versions) {
		this.partnerships = partnerships;
		this.versions = versions;
		this.shown = versions.keeper(KEPT_YEARS);
		this.jdbc = jdbc;
		this.notices = notices;
		this.store = store;
		this.grants = grants;
		this.returns = returns;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The years that have grants, latest first: the years a year end is about. */
	@Transactional(readOnly = true)
	public List<FinancialYear> yearsWithGrants() {
		return this.jdbc.sql("select distinct financial_year from grant_award order by financial_year desc")
			.query(Integer.class)
			.list()
			.stream()
			.map(FinancialYear::new)
			.toList();
	}

	/** The years finance has closed (and not re-opened), latest first, as frozen. */
	@Transactional(readOnly = true)
	public List<YearEnd> closedYears() {
		return this.jdbc
			.sql("select financial_year from year_close where status = 'CLOSED' order by financial_year desc")
			.query(Integer.class)
			.list()
			.stream()
			.map(year -> yearEnd(new FinancialYear(year)))
			.toList();
	}

	/**
	 * What closing the year would do, without closing it: the reason is checked as
	 * closing checks it, and each partnership's underspend is as it stands now.
	 */
	@Transactional(readOnly = true)
	public YearEnd checkClose(FinancialYear year, String missingReason, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance closes a financial year");
		}
		Standing now = standing(year);
		YearClose closing = this.store.findById(year.startYear()).orElseGet(() -> new YearClose(year));
		closing.refuseUnlessClosable(now.rows(), now.missingQ4(), missingReason);
		return yearEnd(year);
	}

	/**
	 * A year's underspend as its page shows it at {@code version} (read just before, see
	 * {@link #version}): read at most once a second, and again at once after a change
	 * here (see DataVersions); always afresh inside a change. Kept by version, so what is
	 * kept was read after its version and shows at least that.
	 */
	@Transactional(readOnly = true)
	public YearEnd yearEndShown(FinancialYear year, String version) {
		return this.shown.get(year + " " + version, () -> yearEnd(year));
	}

	/**
	 * The version of everything a year's underspend shows: it changes whenever a grant, a
	 * return, a partnership's name, the year's settings or its close does. Each part is
	 * mostly read from memory (see DataVersions).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.grants.version(year) + "/" + this.returns.version(year) + "/" + this.partnerships.version() + "/"
				+ this.grants.settings(year).version() + "/"
				+ this.versions.of("year close " + year,
						() -> this.jdbc
							.sql("select coalesce(max(version), -1)::text from year_close where financial_year = ?")
							.param(year.startYear())
							.query(String.class)
							.single());
	}

	/** The year's underspend: frozen if closed, else as it stands now. */
	@Transactional(readOnly = true)
	public YearEnd yearEnd(FinancialYear year) {
		Standing now = standing(year);
		return this.store.findById(year.startYear())
			.filter(YearClose::closed)
			.map(closed -> new YearEnd(year, true, closed.policy(), frozen(closed, now.rows()), now.missingQ4(),
					closed.missingReason(), closed.closedAt(), closed.closedBy()))
			.orElseGet(() -> new YearEnd(year, false, this.grants.settings(year).underspendPolicy(), now.rows(),
					now.missingQ4(), null, null, null));
	}

	/**
	 * Closes the year, once: its underspend is frozen and, under the carry-forward
	 * policy, becomes each partnership's carry forward next year. {@code carryOverspend}
	 * carries an overspend forward as negative money.
	 */
	public YearEnd close(FinancialYear year, String missingReason, boolean carryOverspend, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance closes a financial year");
		}
		Standing now = standing(year);
		List<UnderspendRow> rows = now.rows();
		YearClose closing = this.store.findById(year.startYear()).orElseGet(() -> new YearClose(year));
		Map<String, Object> before = closing.snapshot();
		YearSettings.UnderspendPolicy policy = this.grants.settings(year).underspendPolicy();
		closing.close(policy, rows, now.missingQ4(), missingReason, user.getUsername(), this.clock.instant());
		DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(closing),
				Map.of("year_close_pkey", year + " was closed by someone else at the same moment"));
		if (policy == YearSettings.UnderspendPolicy.CARRY_FORWARD) {
			for (UnderspendRow row : rows) {
				Money carried = (row.overspent() && !carryOverspend) ? Money.ZERO : row.underspend();
				this.grants.setCarryForward(year.next(), row.partnershipId(), carried,
						(row.overspent() ? "Overspend" : "Underspend") + " of " + year + " closed by "
								+ user.getUsername());
			}
		}
		YearEnd closed = yearEnd(year);
		Map<String, Object> after = new LinkedHashMap<>(closing.snapshot());
		after.put("totalUnderspend", closed.totalUnderspend().amount());
		after.put("missingQ4", closed.missingQ4());
		this.auditTrail.record("CLOSE", "FinancialYear", year, (before.get("status") != null) ? before : null, after);
		this.notices.closed(closed, carryOverspend);
		return closed;
	}

	/**
	 * Re-opens a closed year, with a reason, once. Carry forwards already set stay until
	 * it is closed again.
	 */
	public YearEnd reopen(FinancialYear year, String reason, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance re-opens a financial year");
		}
		YearClose closed = this.store.findById(year.startYear())
			.orElseThrow(() -> new ConflictException(null, year + " is not closed"));
		Map<String, Object> before = closed.snapshot();
		closed.reopen(reason);
		DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(closed), Map.of());
		this.auditTrail.record("REOPEN", "FinancialYear", year, before, closed.snapshot());
		YearEnd reopened = yearEnd(year);
		this.notices.reopened(reopened);
		return reopened;
	}

	/**
	 * When the last Q4 return of a year that is not closed is accepted, the year is ready
	 * to close: finance is told, once.
	 */
	@EventListener
	public void onReturnAccepted(ReturnAccepted accepted) {
		if (accepted.quarter() != Quarter.Q4) {
			return;
		}
		YearEnd standing = yearEnd(accepted.year());
		if (!standing.closed() && standing.missingQ4().isEmpty() && !standing.rows().isEmpty()) {
			this.notices.readyToClose(standing, accepted.name());
		}
	}

	/**
	 * How a year stands now: each grant's underspend from its latest received return, and
	 * the partnerships whose Q4 return is not accepted; the year's grants and returns are
	 * read once.
	 */
	private Standing standing(FinancialYear year) {
		Map<Long, Map<Quarter, ReturnView>> all = this.returns.returnsOf(year);
		List<UnderspendRow> rows = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (GrantView grant : this.grants.grants(year)) {
			Map<Quarter, ReturnView> own = all.getOrDefault(grant.partnershipId(), Map.of());
			ReturnView latest = null;
			for (Quarter quarter : Quarter.values()) {
				ReturnView view = own.get(quarter);
				if (view != null && view.status().received()) {
					latest = view;
				}
			}
			Money spend = (latest != null) ? latest.details().cumulativeSpend() : Money.ZERO;
			rows.add(new UnderspendRow(grant.partnershipId(), grant.code(), grant.name(), grant.allocation(),
					grant.carryForward(), grant.totalAvailable(), spend, (latest != null) ? latest.quarter() : null,
					grant.totalAvailable().minus(spend)));
			ReturnView q4 = own.get(Quarter.Q4);
			if (q4 == null || q4.status() != ReturnStatus.ACCEPTED) {
				missing.add(grant.name());
			}
		}
		return new Standing(rows, missing);
	}

	private record Standing(List<UnderspendRow> rows, List<String> missingQ4) {
	}

	private static List<UnderspendRow> frozen(YearClose closed, List<UnderspendRow> current) {
		Map<Long, UnderspendRow> byId = new LinkedHashMap<>();
		current.forEach(row -> byId.put(row.partnershipId(), row));
		return closed.underspends()
			.stream()
			.filter(frozen -> byId.containsKey(frozen.partnershipId()))
			.map(frozen -> frozen.toRow(byId.get(frozen.partnershipId())))
			.sorted(java.util.Comparator.comparing(UnderspendRow::name))
			.toList();
	}

}
