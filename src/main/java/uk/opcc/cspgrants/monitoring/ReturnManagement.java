package uk.opcc.cspgrants.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * Quarterly returns: saved as drafts with checks, submitted, then accepted or returned
 * for correction; an accepted return changes only after re-opening with a reason. Each
 * command loads the {@link QuarterlyReturn} once, lets it apply its rules, saves it (its
 * version refuses a writer who read it before) and audits the step. A year's returns are
 * read together through {@link YearReturns}.
 */
@Service
@Transactional
public class ReturnManagement {

	static final String AUDIT_TYPE = "QuarterlyReturn";

	private static final Map<String, String> REFUSALS = Map.of(
			"quarterly_return_partnership_id_financial_year_quarter_key",
			"Someone else started this return at the same moment. Check the current values and save again.",
			"quarterly_return_status_moves",
			"Someone else moved this return on at the same moment. Check where it is now.");

	private final ReturnRepository store;

	private final YearReturns yearReturns;

	private final DataVersions versions;

	private final PartnershipManagement partnerships;

	private final GrantManagement grants;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final ReturnDueDates dueDates;

	private final ReturnNotices notices;

	private final ApplicationEventPublisher events;

	ReturnManagement(ReturnRepository store, YearReturns yearReturns, PartnershipManagement partnerships,
			GrantManagement grants, AuditTrail auditTrail, Clock clock, DataVersions versions, ReturnDueDates dueDates,
			ReturnNotices notices, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
		this.dueDates = dueDates;
		this.notices = notices;
		this.yearReturns = yearReturns;
		this.versions = versions;
		this.partnerships = partnerships;
		this.grants = grants;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The return, or an empty one not started yet; a CSP manager sees only their own. */
	@Transactional(readOnly = true)
	public ReturnView get(FinancialYear year, Quarter quarter, String code, CurrentUser user) {
		PartnershipView partnership = (user != null) ? this.partnerships.get(code, user) : partnership(code);
		return this.store.find(partnership.id(), year.startYear(), quarter)
			.map(found -> view(found, partnership, year))
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
		return this.yearReturns.of(year, partnerships, this.grants.grants(year), this.dueDates.of(year));
	}

	/**
	 * A version of a year's returns, for pages that keep what they show: every change of
	 * a return raises its version. Read at most once a second (see {@link DataVersions}),
	 * without a transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.versions.of("returns " + year, () -> this.yearReturns.version(year));
	}

	/**
	 * Saves the figures of a new, draft or returned return, after checking them. A return
	 * already started changes only for whoever sends the version they read.
	 */
	public ReturnView save(FinancialYear year, Quarter quarter, String code, ReturnDetails details) {
		return save(year, quarter, code, details, null);
	}

	/**
	 * As {@link #save(FinancialYear, Quarter, String, ReturnDetails)}, by a user who may
	 * see the partnership: an officer, or the partnership's own CSP manager (anyone
	 * else's is refused).
	 */
	public ReturnView save(FinancialYear year, Quarter quarter, String code, ReturnDetails details, CurrentUser user) {
		PartnershipView partnership = (user != null) ? this.partnerships.get(code, user) : partnership(code);
		Instant now = this.clock.instant();
		String actor = AuditTrail.currentActor();
		Optional<QuarterlyReturn> existing = this.store.find(partnership.id(), year.startYear(), quarter);
		QuarterlyReturn saved;
		Map<String, Object> before = null;
		if (existing.isPresent()) {
			saved = existing.get();
			if (details.version() == null || saved.version() != details.version()) {
				throw ConflictException.changedBySomeoneElse();
			}
			before = saved.snapshot(partnership.code());
		}
		else {
			if (details.version() != null && details.version() != 0) {
				throw ConflictException.changedBySomeoneElse();
			}
			saved = new QuarterlyReturn(partnership.id(), year, quarter, actor, now);
		}
		saved.saveFigures(details, earlier(partnership.id(), year, quarter).orElse(null), actor, now);
		QuarterlyReturn stored = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(saved), REFUSALS);
		this.auditTrail.record(existing.isPresent() ? "UPDATE" : "CREATE", AUDIT_TYPE, stored.id(), before,
				stored.snapshot(partnership.code()));
		return view(stored, partnership, year);
	}

	public ReturnView submit(FinancialYear year, Quarter quarter, String code) {
		return submit(year, quarter, code, null, null);
	}

	/**
	 * Submits a draft or returned return, once: by an officer on the partnership's behalf
	 * or by its own CSP manager. With {@code checkedVersion} the figures submitted are
	 * exactly the ones checked: a return changed since is refused. Two submits at once
	 * meet at the version in the UPDATE's WHERE (and the database's status rule); the
	 * second is told. The audit trail says who submitted it and for whom.
	 */
	public ReturnView submit(FinancialYear year, Quarter quarter, String code, Long checkedVersion, CurrentUser user) {
		PartnershipView partnership = (user != null) ? this.partnerships.get(code, user) : partnership(code);
		Map<String, Object> by = new java.util.LinkedHashMap<>();
		if (user != null) {
			by.put("submittedBy", user.displayName());
			if (!user.isLimitedToOnePartnership()) {
				by.put("onBehalfOf", partnership.name());
			}
		}
		return step(partnership, year, quarter, "SUBMIT", by, (found) -> {
			if (checkedVersion != null && found.version() != checkedVersion) {
				throw new ConflictException(null, (found.status().editable())
						? "This return was changed after you checked it. Check the figures again before you submit."
						: "This return has already been " + found.status().label().toLowerCase() + ".");
			}
			found.submit(AuditTrail.currentActor(), now());
			// reminders about it still waiting are not sent, and the reminder job tells
			// nobody again
			this.notices.returnArrived(year, quarter, partnership.code());
		});
	}

	/**
	 * Accepts a submitted return; the partnership's CSP managers are told, and its
	 * payment falls due ({@link ReturnAccepted}).
	 */
	public ReturnView accept(FinancialYear year, Quarter quarter, String code) {
		ReturnView accepted = step(year, quarter, code, "ACCEPT",
				(found) -> found.accept(AuditTrail.currentActor(), now()));
		this.notices.accepted(accepted);
		this.events.publishEvent(
				new ReturnAccepted(year, quarter, accepted.partnershipId(), accepted.code(), accepted.name()));
		return accepted;
	}

	/** Sends a return back for correction; the CSP managers are told why. */
	public ReturnView returnForCorrection(FinancialYear year, Quarter quarter, String code, String reason) {
		ReturnView returned = step(year, quarter, code, "RETURN_FOR_CORRECTION",
				(found) -> found.returnForCorrection(reason, AuditTrail.currentActor(), now()));
		this.notices.returnedForCorrection(returned);
		return returned;
	}

	public ReturnView reopen(FinancialYear year, Quarter quarter, String code, String reason) {
		return step(year, quarter, code, "REOPEN", (found) -> found.reopen(reason, AuditTrail.currentActor(), now()));
	}

	/**
	 * The due date of a quarter's returns: the quarter's end plus the year's due days, or
	 * the next working day when that is not one (see {@link ReturnDueDates}).
	 */
	@Transactional(readOnly = true)
	public LocalDate dueDate(FinancialYear year, Quarter quarter) {
		return this.dueDates.of(year, quarter);
	}

	/**
	 * One step of a return's life, exactly once: two people taking it at the same moment
	 * meet at the return's version, and the second is told.
	 */
	private ReturnView step(FinancialYear year, Quarter quarter, String code, String action,
			Consumer<QuarterlyReturn> move) {
		return step(partnership(code), year, quarter, action, Map.of(), move);
	}

	private ReturnView step(PartnershipView partnership, FinancialYear year, Quarter quarter, String action,
			Map<String, Object> by, Consumer<QuarterlyReturn> move) {
		QuarterlyReturn found = this.store.find(partnership.id(), year.startYear(), quarter)
			.orElseThrow(() -> new NotFoundException(
					"There is no " + quarter + " return for " + partnership.name() + " in " + year));
		Map<String, Object> before = found.snapshot(partnership.code());
		move.accept(found);
		QuarterlyReturn stored = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(found), REFUSALS);
		Map<String, Object> after = stored.snapshot(partnership.code());
		after.putAll(by);
		this.auditTrail.record(action, AUDIT_TYPE, stored.id(), before, after);
		return view(stored, partnership, year);
	}

	private Optional<QuarterlyReturn> earlier(long partnershipId, FinancialYear year, Quarter quarter) {
		List<Quarter> before = Arrays.asList(Quarter.values()).subList(0, quarter.ordinal());
		return before.isEmpty() ? Optional.empty() : this.store.latestOf(partnershipId, year.startYear(), before);
	}

	private ReturnView view(QuarterlyReturn found, PartnershipView partnership, FinancialYear year) {
		return found.toView(partnership.code(), partnership.name(), totalAvailable(year, partnership.id()),
				dueDate(year, found.quarter()));
	}

	private PartnershipView partnership(String code) {
		return this.partnerships.findByCode(code)
			.orElseThrow(() -> new NotFoundException("There is no partnership with the code " + code));
	}

	private Money totalAvailable(FinancialYear year, long partnershipId) {
		return this.grants.grant(year, partnershipId).map(GrantView::totalAvailable).orElse(Money.ZERO);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
