package uk.opcc.cspgrants.grants;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunStatus;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.audit.AuditTrail;
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
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Grants per partnership per year: created once from an approved formula run, added to by
 * redistributions, or entered by hand for historic years; with the carry forward from
 * last year and the payments finance records. Each command loads the {@link Grant} once,
 * lets it apply its rules, saves it (its version guards against a writer who read it
 * before) and audits the change. Whole years are read through {@link GrantSchedules}.
 */
@Service
@Transactional
public class GrantManagement {

	static final String AUDIT_TYPE = "Grant";

	/** What each database rule about grants means, for whoever it refuses. */
	private static final Map<String, String> REFUSALS = Map.of("grant_payment_once_per_quarter",
			"This payment has already been recorded as paid", "grant_line_one_historic",
			"Someone else entered the historic allocation at the same moment: check it and save again",
			"grant_payments_within_total", "Payments can never be more than the grant's total available",
			"grant_payment_not_on_hold",
			"This partnership's payments are on hold: an OPCC officer must release the hold before a payment is recorded");

	private final GrantRepository store;

	private final YearSettingsRepository settingsStore;

	private final GrantSchedules schedules;

	private final DataVersions versions;

	private final PartnershipManagement partnerships;

	private final RunManagement runs;

	private final AuditTrail auditTrail;

	private final Clock clock;

	GrantManagement(GrantRepository store, YearSettingsRepository settingsStore, GrantSchedules schedules,
			PartnershipManagement partnerships, RunManagement runs, AuditTrail auditTrail, Clock clock,
			DataVersions versions) {
		this.store = store;
		this.settingsStore = settingsStore;
		this.schedules = schedules;
		this.versions = versions;
		this.partnerships = partnerships;
		this.runs = runs;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * How a year's grants work. Home pages, due dates and payment schedules ask for
	 * several years on every request: read at most once a second, and again at once after
	 * a change here (see DataVersions); always afresh inside a change.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public YearSettings settings(FinancialYear year) {
		return this.versions.kept("settings " + year, () -> settingsAsSaved(year));
	}

	/**
	 * A year's settings as saved now, never kept: what a change of them starts from, so
	 * that a copy kept from before another node's change is never saved over it.
	 */
	@Transactional(readOnly = true)
	public YearSettings settingsAsSaved(FinancialYear year) {
		return this.settingsStore.findById(year.startYear())
			.map(FinancialYearSettings::toView)
			.orElseGet(() -> YearSettings.defaultsFor(year));
	}

	/**
	 * Saves a year's settings; the version read is -1 for a year with none saved yet.
	 * Whoever read an older version is told someone else changed them.
	 */
	public YearSettings saveSettings(YearSettings settings) {
		FinancialYearSettings saved = this.settingsStore.findById(settings.year().startYear()).orElse(null);
		YearSettings before = (saved != null) ? saved.toView() : null;
		long current = (before != null) ? before.version() : -1;
		if (current != settings.version()) {
			throw ConflictException.changedBySomeoneElse();
		}
		FinancialYearSettings changed = (saved != null) ? saved : new FinancialYearSettings(settings.year());
		changed.change(settings);
		YearSettings after = DatabaseRefusal.orConflict(() -> this.settingsStore.saveAndFlush(changed), Map.of())
			.toView();
		this.auditTrail.record("UPDATE", "YearSettings", settings.year(), before, after);
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
		return this.schedules.grants(year);
	}

	/**
	 * The years with grants this user may see, latest first: what the year pickers of the
	 * grant, return and payment pages offer.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<FinancialYear> years(CurrentUser user) {
		Long partnershipId = (user != null && user.isLimitedToOnePartnership()) ? user.partnershipId() : null;
		// the busy report and dashboard pages ask on every request: read at most once a
		// second, and again at once after a change here (see DataVersions)
		return this.versions.kept("years with grants " + partnershipId,
				() -> List.copyOf(this.schedules.years(partnershipId)));
	}

	/**
	 * The year a page shows and the years its picker offers: the year asked for, or when
	 * none is the latest with grants this user may see (the year {@code today} falls in
	 * when there are none).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public YearsWithGrants years(String requested, CurrentUser user, LocalDate today) {
		List<FinancialYear> years = years(user);
		FinancialYear shown = (requested != null && !requested.isBlank()) ? FinancialYear.parse(requested)
				: years.isEmpty() ? FinancialYear.of(today) : years.get(0);
		return new YearsWithGrants(shown, years);
	}

	/** Every payment recorded against a year's grants, read in one query. */
	@Transactional(readOnly = true)
	public List<Payment> payments(FinancialYear year) {
		return this.schedules.payments(year);
	}

	/**
	 * A version of a year's grants, for pages that keep what they show: it changes
	 * whenever a grant, a line of one or a carry forward is added or changed. Read at
	 * most once a second (see {@link DataVersions}), without a transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.versions.of("grants " + year, () -> this.schedules.version(year));
	}

	/**
	 * A version of a year's payments and payment settings, for pages that keep what they
	 * show. Read at most once a second (see {@link DataVersions}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String paymentsVersion(FinancialYear year) {
		return this.versions.of("payments " + year, () -> this.schedules.paymentsVersion(year));
	}

	@Transactional(readOnly = true)
	public Optional<GrantView> grant(FinancialYear year, long partnershipId) {
		return this.store.find(partnershipId, year.startYear()).map(this::view);
	}

	/** The grant of a partnership by code, if this user may see it. */
	@Transactional(readOnly = true)
	public GrantView grant(FinancialYear year, String code, CurrentUser user) {
		PartnershipView partnership = this.partnerships.get(code, user);
		return grant(year, partnership.id())
			.orElseThrow(() -> new NotFoundException(partnership.name() + " has no grant for " + year));
	}

	/**
	 * The grant of a partnership by code, or an empty one when it has none yet, if this
	 * user may see it: what a form shows again when entering a first allocation is
	 * refused.
	 */
	@Transactional(readOnly = true)
	public GrantView grantOrEmpty(FinancialYear year, String code, CurrentUser user) {
		PartnershipView partnership = this.partnerships.get(code, user);
		return grant(year, partnership.id()).orElseGet(() -> new GrantView(0, partnership.id(), partnership.code(),
				partnership.name(), year, List.of(), Money.ZERO, null, 0));
	}

	/**
	 * Each partnership's highest total available in any year before {@code year}; a
	 * partnership with no earlier grant is left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Money> highestTotalsBefore(FinancialYear year) {
		return this.schedules.highestTotalsBefore(year);
	}

	/**
	 * Approved runs whose grants have not been created yet, newest first. The grant
	 * schedule asks on every request of an officer, so which runs wait is read at most
	 * once a second, and again at once after a change here (see {@link DataVersions});
	 * the runs themselves are read only when there are any.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<RunView> runsWithoutGrants() {
		List<Long> waiting = this.versions.kept("runs waiting for their grants", () -> {
			List<Long> approved = this.runs.approvedIds();
			Set<Long> withGrants = this.schedules.createdFrom(approved);
			return approved.stream().filter(id -> !withGrants.contains(id)).toList();
		});
		return this.runs.headers(waiting);
	}

	/**
	 * Whether a year has any grant at all (to partnership {@code only} when it is given):
	 * what the schedule asks before it takes its kept table. Read at most once a second,
	 * and again at once after a change here (see {@link DataVersions}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public boolean anyGrants(FinancialYear year, Long only) {
		return this.versions.kept("any grants " + year + " " + only, () -> this.schedules.any(year, only));
	}

	@Transactional(readOnly = true)
	public boolean grantsCreatedFrom(long runId) {
		return this.schedules.createdFrom(runId);
	}

	/**
	 * Gives each partnership in an approved run its grant line, once: a second attempt,
	 * even at the same moment, is refused and changes nothing.
	 */
	public List<GrantView> createFromRun(long runId) {
		RunView run = this.runs.get(runId);
		if (run.status() != RunStatus.APPROVED) {
			throw new ConflictException(null, "Grants are created only from an approved run; run " + runId + " is "
					+ run.status().label().toLowerCase());
		}
		GrantView.Source source = switch (run.purpose()) {
			case ALLOCATION -> GrantView.Source.FORMULA_RUN;
			case REDISTRIBUTION -> GrantView.Source.REDISTRIBUTION;
		};
		Instant now = this.clock.instant();
		String actor = AuditTrail.currentActor();
		List<Grant> changed = new ArrayList<>();
		List<Map<String, Object>> before = new ArrayList<>();
		for (RunView.Line line : run.lines()) {
			Grant grant = load(run.year(), line.partnershipId(), now);
			before.add(grant.snapshot(line.code()));
			grant.addFromRun(source, line.amount(), runId,
					"Formula run " + runId + ": " + run.formulaLabel() + ", over " + run.partnerships(), actor, now);
			changed.add(grant);
		}
		DatabaseRefusal.orConflict(() -> this.store.saveAllAndFlush(changed),
				Map.of("grant_line_once_per_run", "Grants have already been created from run " + runId));
		List<GrantView> created = new ArrayList<>();
		for (int i = 0; i < changed.size(); i++) {
			Grant grant = changed.get(i);
			RunView.Line line = run.lines().get(i);
			this.auditTrail.record("ADD_LINE", AUDIT_TYPE, grant.id(), before.get(i), grant.snapshot(line.code()));
			created.add(grant.toView(line.code(), line.name()));
		}
		return created;
	}

	/**
	 * Sets a historic year's allocation (entered by hand, with a note) and carry forward.
	 * The hand-entered line replaces any earlier hand-entered one; lines from runs stay.
	 * A grant that already has anything in it changes only for whoever sends the version
	 * they read.
	 */
	public GrantView setHistoric(FinancialYear year, String code, Money allocation, Money carryForward, String note,
			Long expectedVersion) {
		PartnershipView partnership = this.partnerships.findByCode(code)
			.orElseThrow(() -> new NotFoundException("There is no partnership with the code " + code));
		String text = (note == null || note.isBlank()) ? null : note.strip();
		if (text != null && text.length() > 1000) {
			throw new ValidationException("note", "The note must be 1,000 characters or fewer");
		}
		if (allocation == null && carryForward == null) {
			throw new ValidationException("allocation", "Enter the allocation, the carry forward or both");
		}
		Instant now = this.clock.instant();
		Grant grant = load(year, partnership.id(), now);
		boolean brandNew = grant.isEmpty() && grant.version() == 0;
		if (!brandNew && (expectedVersion == null || expectedVersion != grant.version())) {
			throw ConflictException.changedBySomeoneElse();
		}
		Map<String, Object> before = grant.snapshot(partnership.code());
		if (allocation != null) {
			grant.enterHistoricAllocation(allocation, text, AuditTrail.currentActor(), now);
		}
		if (carryForward != null) {
			grant.carryForward(carryForward, CarryForward.ENTERED, text, now);
		}
		save(grant);
		this.auditTrail.record("UPDATE", AUDIT_TYPE, grant.id(), before, grant.snapshot(partnership.code()));
		return grant.toView(partnership.code(), partnership.name());
	}

	/**
	 * Sets the carry forward from the previous year's close: an underspend, or an
	 * overspend as negative money when finance chose to carry it.
	 */
	public GrantView setCarryForward(FinancialYear year, long partnershipId, Money carryForward, String note) {
		PartnershipView partnership = this.partnerships.findById(partnershipId)
			.orElseThrow(() -> new NotFoundException("There is no partnership " + partnershipId));
		Instant now = this.clock.instant();
		Grant grant = load(year, partnershipId, now);
		Map<String, Object> before = grant.snapshot(partnership.code());
		grant.carryForward(carryForward, carryForward.isNegative() ? CarryForward.OVERSPEND : CarryForward.UNDERSPEND,
				note, now);
		save(grant);
		this.auditTrail.record("CARRY_FORWARD", AUDIT_TYPE, grant.id(), before, grant.snapshot(partnership.code()));
		return grant.toView(partnership.code(), partnership.name());
	}

	/**
	 * Records a payment of a partnership's grant as paid: a quarter's, or with
	 * {@code quarter} null the annual payment in advance. Each is recorded once.
	 */
	public Payment recordPayment(FinancialYear year, long partnershipId, Quarter quarter, Money amount,
			LocalDate paidOn, String reference, CurrentUser user) {
		Grant grant = this.store.find(partnershipId, year.startYear())
			.orElseThrow(() -> new ConflictException(null, "There is no grant for " + year + " to pay"));
		GrantPayment payment = grant.pay(quarter, amount, paidOn, reference, user.getUsername(), this.clock.instant());
		save(grant);
		Payment paid = payment.toView(grant.id());
		Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("partnership", partnershipId);
		after.put("quarter", (quarter != null) ? quarter.name() : "ANNUAL");
		after.put("amount", paid.amount().amount());
		after.put("paidOn", paid.paidOn().toString());
		after.put("reference", paid.reference());
		this.auditTrail.record("PAY", "Payment", grant.id() + " " + after.get("quarter"), null, after);
		return paid;
	}

	/** The grant of a partnership and year, made (empty) if there is none yet. */
	private Grant load(FinancialYear year, long partnershipId, Instant now) {
		this.store.createIfAbsent(partnershipId, year.startYear(), now);
		return this.store.find(partnershipId, year.startYear()).orElseThrow();
	}

	private void save(Grant grant) {
		DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(grant), REFUSALS);
	}

	private GrantView view(Grant grant) {
		PartnershipView partnership = this.partnerships.findById(grant.partnershipId()).orElseThrow();
		return grant.toView(partnership.code(), partnership.name());
	}

}
