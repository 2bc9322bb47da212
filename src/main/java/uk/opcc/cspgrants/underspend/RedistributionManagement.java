package uk.opcc.cspgrants.underspend;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.PublicFormulaWords;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.allocation.RunRequest;
import uk.opcc.cspgrants.allocation.RunStatus;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.decision.DecisionDecided;
import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.SeparationOfDuties;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Redistribution proposals: an officer proposes top-slices and a formula split of the
 * rest; finance (not the proposer) approves, which approves the run and drafts the
 * decision record; the Commissioner's decision makes the additional allocations grant
 * lines of the next year and records the top-slices as awards, exactly once.
 */
@Service
@Transactional
public class RedistributionManagement {

	static final String AUDIT_TYPE = "Redistribution";

	private final RedistributionRepository store;

	private final YearEndManagement yearEnds;

	private final RunManagement runs;

	private final GrantManagement grants;

	private final DecisionManagement decisions;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final RedistributionNotices notices;

	RedistributionManagement(RedistributionRepository store, YearEndManagement yearEnds, RunManagement runs,
			GrantManagement grants, DecisionManagement decisions, AuditTrail auditTrail, Clock clock,
			RedistributionNotices notices) {
		this.notices = notices;
		this.store = store;
		this.yearEnds = yearEnds;
		this.runs = runs;
		this.grants = grants;
		this.decisions = decisions;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RedistributionView> list() {
		return this.store.newestFirst().stream().map(this::view).toList();
	}

	/** Proposals waiting for this finance user's approval: drafts they did not make. */
	@Transactional(readOnly = true)
	public List<RedistributionView> awaitingApproval(CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			return List.of();
		}
		return list().stream()
			.filter(proposal -> proposal.status() == RedistributionView.Status.DRAFT)
			.filter(proposal -> !SeparationOfDuties.samePerson(proposal.createdBy(), user.getUsername()))
			.toList();
	}

	@Transactional(readOnly = true)
	public RedistributionView get(long id) {
		return view(load(id));
	}

	/**
	 * Proposes how to use a year's pot, once: the remainder is split by a new draft
	 * formula run. A year's pot has one proposal, revised until it is supported.
	 */
	public RedistributionView propose(RedistributionRequest request, CurrentUser user) {
		requireOfficer(user);
		RedistributionPlan plan = plan(request);
		RunView run = split(request, plan);
		Redistribution proposal = new Redistribution(request.sourceYear(), plan, run.id(), user.getUsername(),
				this.clock.instant());
		Redistribution saved = DatabaseRefusal
			.orConflict(() -> this.store.saveAndFlush(proposal), Map.of("redistribution_one_per_source_year",
					"There is already a proposal for the " + request.sourceYear() + " underspend: revise it instead"));
		RedistributionView created = view(saved);
		this.auditTrail.record("CREATE", AUDIT_TYPE, saved.id(), null, saved.snapshot());
		this.notices.waiting(created, false);
		return created;
	}

	/** Revises a draft, or a proposal the Commissioner did not support. */
	public RedistributionView revise(long id, RedistributionRequest request, CurrentUser user) {
		requireOfficer(user);
		Redistribution proposal = load(id);
		Map<String, Object> before = proposal.snapshot();
		if (request.sourceYear() != null && !request.sourceYear().equals(proposal.sourceYear())) {
			throw new ValidationException("sourceYear", "A proposal stays with the year whose underspend it uses, "
					+ proposal.sourceYear() + ": propose for another year instead");
		}
		RedistributionPlan plan = plan(request);
		RunView run = split(request, plan);
		Long replaced = proposal.revise(plan, run.id());
		DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(proposal), Map.of());
		if (replaced != null && this.runs.get(replaced).status() == RunStatus.DRAFT) {
			this.runs.discard(replaced);
		}
		this.auditTrail.record("REVISE", AUDIT_TYPE, id, before, proposal.snapshot());
		RedistributionView revised = view(proposal);
		this.notices.waiting(revised, true);
		return revised;
	}

	/**
	 * Finance approves a proposal it did not make, once: its run is approved and its
	 * decision record is drafted, for the proposer to add the key discussion points.
	 */
	public RedistributionView approve(long id, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance approves a redistribution");
		}
		Redistribution proposal = load(id);
		Map<String, Object> before = proposal.snapshot();
		RunView run = this.runs.get(proposal.runId());
		proposal.refuseUnlessApprovableBy(user, run.total());
		this.runs.approve(run.id(), user);
		RedistributionView drafted = view(proposal);
		DecisionView record = this.decisions.draftOnBehalfOf(decisionDraft(drafted), proposal.createdBy());
		proposal.approve(user, run.total(), record.reference(), this.clock.instant());
		DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(proposal), Map.of());
		this.auditTrail.record("APPROVE", AUDIT_TYPE, id, before, proposal.snapshot());
		RedistributionView approved = view(proposal);
		this.notices.approved(approved);
		return approved;
	}

	/**
	 * When the Commissioner decides a redistribution's record: Supported records its
	 * top-slices as awarded, once (the grant lines of the split are made by the decision
	 * itself); Not supported leaves the proposal open to revision.
	 */
	@EventListener
	public void onDecision(DecisionDecided decided) {
		if (decided.formulaRunId() == null) {
			return;
		}
		for (Redistribution proposal : this.store.findByRun(decided.formulaRunId())) {
			Map<String, Object> before = proposal.snapshot();
			if (proposal.decided(decided.supported(), this.clock.instant())) {
				DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(proposal), Map.of());
				this.auditTrail.record(decided.supported() ? "AWARD_TOP_SLICES" : "NOT_SUPPORTED", AUDIT_TYPE,
						proposal.id(), before, proposal.snapshot());
				if (!decided.supported()) {
					this.notices.notSupported(view(proposal));
				}
			}
		}
	}

	private RedistributionPlan plan(RedistributionRequest request) {
		if (request.sourceYear() == null) {
			throw new ValidationException("sourceYear", "Choose the year whose underspend is redistributed");
		}
		return RedistributionPlan.of(request, this.yearEnds.yearEnd(request.sourceYear()).returnedPot());
	}

	/**
	 * What the proposal form would be refused for, by field, before anything is worked
	 * out: every rule of the plan at once. Fields already refused (what could not be
	 * read) are left to those refusals.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> refusals(RedistributionRequest request, java.util.Set<String> alreadyRefused) {
		Map<String, String> refusals = new LinkedHashMap<>();
		boolean noYear = request.sourceYear() == null;
		RedistributionRequest asked = noYear ? new RedistributionRequest(FinancialYear.of(LocalDate.now(this.clock)),
				request.pot(), request.potReason(), request.topSliceBudget(), request.topSlices(),
				request.formulaVersionId(), request.windowEnd(), request.partnershipGroupId()) : request;
		try {
			RedistributionPlan.of(asked,
					noYear ? Money.ZERO : this.yearEnds.yearEnd(request.sourceYear()).returnedPot());
		}
		catch (ValidationException refused) {
			refused.fieldErrors()
				.entrySet()
				.stream()
				.filter(error -> !alreadyRefused.contains(error.getKey()))
				.filter(error -> !(noYear && (error.getKey().equals("pot") || error.getKey().equals("potReason"))))
				.forEach(error -> refusals.put(error.getKey(), error.getValue()));
		}
		return refusals;
	}

	/**
	 * The draft formula run that splits a plan's remainder. The form has no window of
	 * years: the split uses the indicators of the source year, so data missing for it is
	 * said as such, on the year.
	 */
	private RunView split(RedistributionRequest request, RedistributionPlan plan) {
		FinancialYear window = (request.windowEnd() != null) ? request.windowEnd() : request.sourceYear();
		try {
			return this.runs.create(new RunRequest(request.sourceYear().next(), plan.remainder(),
					RunPurpose.REDISTRIBUTION, request.formulaVersionId(), null, window, Map.of(),
					"Remainder of the " + request.sourceYear() + " underspend", request.partnershipGroupId()));
		}
		catch (ValidationException refused) {
			if (request.windowEnd() != null || !refused.fieldErrors().containsKey("windowEnd")) {
				throw refused;
			}
			Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
			String problem = errors.remove("windowEnd").replace("; load the rest or choose another window", "");
			errors.put("sourceYear",
					problem + ". The remainder is split by the indicators of " + window
							+ ", the year whose underspend it is: load the missing crime data on the Indicators page, "
							+ "then save the proposal again");
			throw new ValidationException(errors);
		}
	}

	private Redistribution load(long id) {
		return this.store.findById(id)
			.orElseThrow(() -> new NotFoundException("There is no redistribution proposal " + id));
	}

	private RedistributionView view(Redistribution proposal) {
		RunView run = (proposal.runId() != null) ? this.runs.get(proposal.runId()) : null;
		return proposal.toView(run, newTotals(run));
	}

	private DecisionDraft decisionDraft(RedistributionView proposal) {
		FinancialYear source = proposal.sourceYear();
		StringBuilder recommendations = new StringBuilder("The recommendation is to use the funding as follows:\n\n");
		for (TopSlice slice : proposal.topSlices()) {
			recommendations.append("- **")
				.append(slice.amount().format())
				.append("** to ")
				.append(slice.recipient())
				.append(": ")
				.append(slice.purpose())
				.append('\n');
		}
		recommendations.append("- The remaining **")
			.append(proposal.run().total().format())
			.append("** split across the Community Safety Partnerships by the formula of ")
			.append(PublicFormulaWords.of(proposal.run()))
			.append(", as in the allocation table below");
		String summary = "At the end of the " + source + " financial year, " + proposal.pot().format()
				+ " was saved from the Community Safety Partnership budget.\n\nThis decision record is to decide how this money is "
				+ "to be used in the " + source.next() + " financial year.";
		String financial = "Top-slices " + proposal.topSliced().format() + " and additional allocations "
				+ proposal.run().total().format() + ": " + proposal.pot().format() + " in all.";
		return new DecisionDraft("Community Safety Partnership " + source + " Underspend", LocalDate.now(this.clock),
				null, summary, recommendations.toString(), null, financial, proposal.run().id(), null, null);
	}

	/**
	 * Each partnership's total for the year with this money and its highest total in any
	 * earlier year: the year's grants and every earlier high read in two queries.
	 */
	private List<RedistributionView.NewTotal> newTotals(RunView run) {
		List<RedistributionView.NewTotal> totals = new ArrayList<>();
		if (run == null) {
			return totals;
		}
		boolean created = this.grants.grantsCreatedFrom(run.id());
		Map<Long, Money> available = new HashMap<>();
		this.grants.grants(run.year()).forEach(grant -> available.put(grant.partnershipId(), grant.totalAvailable()));
		Map<Long, Money> highest = this.grants.highestTotalsBefore(run.year());
		for (RunView.Line line : run.lines()) {
			Money before = available.getOrDefault(line.partnershipId(), Money.ZERO);
			if (created) {
				before = before.minus(line.amount());
			}
			Money high = highest.getOrDefault(line.partnershipId(), Money.ZERO);
			totals.add(new RedistributionView.NewTotal(line.name(), before, line.amount(), high,
					before.plus(line.amount()).isGreaterThan(high)));
		}
		return totals;
	}

	private static void requireOfficer(CurrentUser user) {
		if (!user.hasAny(Role.OFFICER, Role.ADMIN)) {
			throw new AccessDeniedException("Officers propose redistributions");
		}
	}

}
