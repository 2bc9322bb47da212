package uk.opcc.cspgrants.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.grants.OrganisationGrantView;
import uk.opcc.cspgrants.grants.OrganisationGrants;
import uk.opcc.cspgrants.security.StaffNames;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;

/**
 * Quarterly returns for grants to organisations: drafted and submitted by the recipient's
 * contact or an officer on its behalf, accepted or returned for correction by an officer,
 * re-opened with a reason. A recipient contact reaches only their own organisation's
 * grants: anyone else's is "not found", exactly as a grant that does not exist. Each step
 * locks the return's row, lets {@link OrganisationReturn} apply its rules (so the second
 * of two people pressing the same button is told who pressed it first), saves it and
 * audits it once.
 */
@Service
@Transactional
public class OrganisationReturnManagement {

	static final String AUDIT_TYPE = "OrganisationReturn";

	private static final Map<String, String> REFUSALS = Map.of("organisation_return_once",
			"Someone else started this return at the same moment. Check the current figures and save again.",
			"organisation_return_status_moves",
			"Someone else moved this return on at the same moment. Check where it is now.",
			"organisation_return_figures_frozen", "This return has been submitted: its figures can no longer change.");

	private final OrganisationReturnRepository store;

	private final OrganisationReturnReads reads;

	private final OrganisationGrants grants;

	private final ReturnDueDates dueDates;

	private final AuditTrail auditTrail;

	private final StaffNames names;

	private final Clock clock;

	OrganisationReturnManagement(OrganisationReturnRepository store, OrganisationReturnReads reads,
			OrganisationGrants grants, ReturnDueDates dueDates, AuditTrail auditTrail, StaffNames names, Clock clock) {
		this.store = store;
		this.reads = reads;
		this.grants = grants;
		this.dueDates = dueDates;
		this.auditTrail = auditTrail;
		this.names = names;
		this.clock = clock;
	}

	/**
	 * The years that have grants to organisations this user may see, latest first: a
	 * recipient contact's are the years of their own organisation's grants.
	 */
	@Transactional(readOnly = true)
	public List<FinancialYear> years(CurrentUser user) {
		return user.isRecipientContact() ? this.reads.yearsOf(user.organisationId()) : this.reads.years();
	}

	/**
	 * A year's grants to organisations that this user may see, each with its four
	 * returns: every one for the OPCC's staff, their own organisation's for a recipient
	 * contact. Three queries whatever the number of grants, and the year's due dates.
	 */
	@Transactional(readOnly = true)
	public List<OrganisationGrantReturns> year(FinancialYear year, CurrentUser user) {
		List<OrganisationGrantView> visible = this.grants.grants(year)
			.stream()
			.filter((grant) -> user.maySeeOrganisation(grant.organisationId()))
			.toList();
		Map<Long, OrganisationReturnGrant> byId = new LinkedHashMap<>();
		visible.forEach((grant) -> byId.put(grant.id(), of(grant)));
		Map<Long, Map<Quarter, OrganisationReturnView>> returns = this.reads.returnsOf(year, byId,
				this.dueDates.of(year));
		List<OrganisationGrantReturns> rows = new ArrayList<>();
		for (OrganisationGrantView grant : visible) {
			rows.add(new OrganisationGrantReturns(grant, new ArrayList<>(returns.get(grant.id()).values())));
		}
		return rows;
	}

	/**
	 * Each grant to an organisation of a year at the year end, from its Q4 return: the
	 * underspend of those whose Q4 return is accepted (grants in kind are marked, see
	 * {@link OrganisationYearEnd#counts}).
	 */
	@Transactional(readOnly = true)
	public List<OrganisationYearEnd> yearEnd(FinancialYear year) {
		List<OrganisationGrantView> all = this.grants.grants(year);
		Map<Long, OrganisationReturnGrant> byId = new LinkedHashMap<>();
		all.forEach((grant) -> byId.put(grant.id(), of(grant)));
		Map<Long, Map<Quarter, OrganisationReturnView>> returns = this.reads.returnsOf(year, byId,
				this.dueDates.of(year));
		return all.stream().map((grant) -> OrganisationYearEnd.of(returns.get(grant.id()).get(Quarter.Q4))).toList();
	}

	/**
	 * A return, or an empty draft not started yet; another organisation's is not found.
	 */
	@Transactional(readOnly = true)
	public OrganisationReturnView get(long grantId, Quarter quarter, CurrentUser user) {
		OrganisationReturnGrant grant = grant(grantId, user);
		return this.store.find(grantId, quarter)
			.map((found) -> found.toView(grant, this.dueDates.of(grant.year(), quarter)))
			.orElseGet(
					() -> OrganisationReturnReads.notStarted(grant, quarter, this.dueDates.of(grant.year(), quarter)));
	}

	/**
	 * Saves the figures of a new, draft or returned return. A new return is saved without
	 * a version, once: whoever else starts it at the same moment is told. A return
	 * already started changes only for whoever sends the version they read.
	 */
	public OrganisationReturnView save(long grantId, Quarter quarter, OrganisationReturnDetails details,
			CurrentUser user) {
		OrganisationReturnGrant grant = grant(grantId, user);
		Instant now = this.clock.instant();
		String actor = AuditTrail.currentActor();
		// a return already started is held until this transaction ends, so that of two
		// saves from one reading the second sees the first and is told who made it
		Optional<OrganisationReturn> existing = this.store.findForStep(grantId, quarter);
		OrganisationReturn saved;
		Map<String, Object> before = null;
		if (existing.isPresent()) {
			saved = existing.get();
			if (details.version() == null) {
				throw new ConflictException(null, REFUSALS.get("organisation_return_once"));
			}
			if (saved.version() != details.version()) {
				throw new ConflictException(null, "This return was changed by " + lastChange(saved)
						+ " after you opened it. Check the current figures and save again.");
			}
			before = saved.snapshot(grant);
		}
		else {
			if (details.version() != null) {
				throw ConflictException.changedBySomeoneElse();
			}
			saved = new OrganisationReturn(grantId, quarter, actor, now);
		}
		saved.saveFigures(details, actor, now);
		OrganisationReturn stored = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(saved), REFUSALS);
		this.auditTrail.record(existing.isPresent() ? "UPDATE" : "CREATE", AUDIT_TYPE, stored.id(), before,
				stored.snapshot(grant));
		return stored.toView(grant, this.dueDates.of(grant.year(), quarter));
	}

	/**
	 * Submits a draft or returned return, once, by the recipient's contact or an officer
	 * on its behalf. With {@code checkedVersion} exactly the figures checked are
	 * submitted: a return changed since is refused.
	 */
	public OrganisationReturnView submit(long grantId, Quarter quarter, Long checkedVersion, CurrentUser user) {
		Map<String, Object> by = new LinkedHashMap<>();
		by.put("submittedBy", user.displayName());
		if (!user.isRecipientContact()) {
			by.put("onBehalfOf", grant(grantId, user).organisationName());
		}
		return step(grantId, quarter, user, "SUBMIT", by, (found) -> {
			if (checkedVersion != null && found.version() != checkedVersion && found.status().editable()) {
				throw new ConflictException(null,
						"This return was changed after you checked it. Check the figures again before you submit.");
			}
			found.submit(user.displayName(), AuditTrail.currentActor(), this.clock.instant());
		});
	}

	/** Accepts a submitted return, once; an officer's step. */
	public OrganisationReturnView accept(long grantId, Quarter quarter, Long checkedVersion, CurrentUser user) {
		officer(user);
		return step(grantId, quarter, user, "ACCEPT", Map.of(), (found) -> {
			if (checkedVersion != null && found.version() != checkedVersion
					&& found.status() == ReturnStatus.SUBMITTED) {
				throw new ConflictException(null,
						"This return was changed after you looked at it. Check it again before you accept it.");
			}
			found.accept(user.displayName(), AuditTrail.currentActor(), this.clock.instant());
		});
	}

	/** Sends a submitted return back for correction, with what needs correcting. */
	public OrganisationReturnView returnForCorrection(long grantId, Quarter quarter, String reason, CurrentUser user) {
		officer(user);
		return step(grantId, quarter, user, "RETURN_FOR_CORRECTION", Map.of(), (found) -> {
			try {
				found.returnForCorrection(reason, AuditTrail.currentActor(), this.clock.instant());
			}
			catch (ConflictException movedOn) {
				throw saidWho(movedOn, found);
			}
		});
	}

	/** Re-opens an accepted return as a draft, with a reason. */
	public OrganisationReturnView reopen(long grantId, Quarter quarter, String reason, CurrentUser user) {
		officer(user);
		return step(grantId, quarter, user, "REOPEN", Map.of(), (found) -> {
			try {
				found.reopen(reason, AuditTrail.currentActor(), this.clock.instant());
			}
			catch (ConflictException movedOn) {
				throw saidWho(movedOn, found);
			}
		});
	}

	private OrganisationReturnView step(long grantId, Quarter quarter, CurrentUser user, String action,
			Map<String, Object> by, Consumer<OrganisationReturn> move) {
		OrganisationReturnGrant grant = grant(grantId, user);
		OrganisationReturn found = this.store.findForStep(grantId, quarter)
			.orElseThrow(() -> new NotFoundException(
					"There is no " + quarter + " return for " + grant.organisationName() + " yet: save it first"));
		Map<String, Object> before = found.snapshot(grant);
		move.accept(found);
		OrganisationReturn stored = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(found), REFUSALS);
		Map<String, Object> after = stored.snapshot(grant);
		after.putAll(by);
		this.auditTrail.record(action, AUDIT_TYPE, stored.id(), before, after);
		return stored.toView(grant, this.dueDates.of(grant.year(), quarter));
	}

	/** A refusal because the return has moved on, saying who moved it and when. */
	private ConflictException saidWho(ConflictException movedOn, OrganisationReturn found) {
		return new ConflictException(movedOn.field(), movedOn.getMessage() + ", last changed by " + lastChange(found));
	}

	/** "Olu Officer on 2 December 2026 at 12:01". */
	private String lastChange(OrganisationReturn found) {
		return this.names.of(found.updatedBy()) + " on " + Dates.dayAndTime(found.updatedAt());
	}

	private OrganisationReturnGrant grant(long grantId, CurrentUser user) {
		return this.reads.grant(grantId)
			.filter((grant) -> user == null || user.maySeeOrganisation(grant.organisationId()))
			.orElseThrow(() -> new NotFoundException("There is no grant to an organisation with the id " + grantId));
	}

	private static void officer(CurrentUser user) {
		if (user != null && !user.hasAny(Role.ADMIN, Role.OFFICER)) {
			throw new AccessDeniedException("Only an OPCC officer accepts or returns a return");
		}
	}

	private static OrganisationReturnGrant of(OrganisationGrantView grant) {
		return new OrganisationReturnGrant(grant.id(), grant.organisationId(), grant.organisationName(),
				grant.initiative(), grant.year(), grant.amount(), grant.inKind());
	}

}
