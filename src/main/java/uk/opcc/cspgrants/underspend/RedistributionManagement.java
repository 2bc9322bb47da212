package uk.opcc.cspgrants.underspend;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
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

	private final JdbcClient jdbc;

	private final YearEndManagement yearEnds;

	private final RunManagement runs;

	private final GrantManagement grants;

	private final DecisionManagement decisions;

	private final AuditTrail auditTrail;

	private final Clock clock;

	RedistributionManagement(JdbcClient jdbc, YearEndManagement yearEnds, RunManagement runs, GrantManagement grants,
			DecisionManagement decisions, AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.yearEnds = yearEnds;
		this.runs = runs;
		this.grants = grants;
		this.decisions = decisions;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RedistributionView> list() {
		return this.jdbc.sql("select id from redistribution order by id desc")
			.query(Long.class)
			.list()
			.stream()
			.map(this::get)
			.toList();
	}

	/** Proposals waiting for this finance user's approval: drafts they did not make. */
	@Transactional(readOnly = true)
	public List<RedistributionView> awaitingApproval(CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			return List.of();
		}
		return list().stream()
			.filter(proposal -> proposal.status() == RedistributionView.Status.DRAFT)
			.filter(proposal -> !proposal.createdBy().equalsIgnoreCase(user.getUsername()))
			.toList();
	}

	@Transactional(readOnly = true)
	public RedistributionView get(long id) {
		return this.jdbc.sql("select * from redistribution where id = ?").param(id).query((rs, row) -> {
			List<TopSlice> slices = topSlices(id);
			RunView run = (rs.getObject("run_id") != null) ? this.runs.get(rs.getLong("run_id")) : null;
			FinancialYear source = new FinancialYear(rs.getInt("source_year"));
			return new RedistributionView(id, source, Money.of(rs.getBigDecimal("pot")), rs.getString("pot_reason"),
					(rs.getBigDecimal("top_slice_budget") != null) ? Money.of(rs.getBigDecimal("top_slice_budget"))
							: null,
					slices, RedistributionView.Status.valueOf(rs.getString("status")), run,
					rs.getString("decision_reference"), rs.getString("created_by"), rs.getString("approved_by"),
					newTotals(run), rs.getLong("version"));
		}).optional().orElseThrow(() -> new NotFoundException("There is no redistribution proposal " + id));
	}

	/** Proposes a redistribution; the remainder is split by a new draft formula run. */
	public RedistributionView propose(RedistributionRequest request, CurrentUser user) {
		requireOfficer(user);
		Plan plan = plan(request);
		long id = this.jdbc.sql(
				"insert into redistribution (source_year, pot, pot_reason, top_slice_budget, status, run_id, created_at, "
						+ "created_by) values (?, ?, ?, ?, 'DRAFT', ?, ?, ?) returning id")
			.params(request.sourceYear().startYear(), plan.pot().amount(), blankToNull(request.potReason()),
					(request.topSliceBudget() != null) ? request.topSliceBudget().amount() : null, plan.run().id(),
					Timestamp.from(this.clock.instant()), user.getUsername())
			.query(Long.class)
			.single();
		saveTopSlices(id, plan.topSlices());
		RedistributionView created = get(id);
		this.auditTrail.record("CREATE", AUDIT_TYPE, id, null, snapshot(created));
		return created;
	}

	/** Revises a draft, or a proposal the Commissioner did not support. */
	public RedistributionView revise(long id, RedistributionRequest request, CurrentUser user) {
		requireOfficer(user);
		RedistributionView before = get(id);
		if (before.status() != RedistributionView.Status.DRAFT
				&& before.status() != RedistributionView.Status.NOT_SUPPORTED) {
			throw new ConflictException(null,
					"Proposal " + id + " is " + before.status().label().toLowerCase() + " and cannot be revised");
		}
		Plan plan = plan(request);
		this.jdbc
			.sql("update redistribution set source_year = ?, pot = ?, pot_reason = ?, top_slice_budget = ?, status = 'DRAFT', "
					+ "run_id = ?, decision_reference = null, approved_by = null, approved_at = null, version = version + 1 "
					+ "where id = ?")
			.params(request.sourceYear().startYear(), plan.pot().amount(), blankToNull(request.potReason()),
					(request.topSliceBudget() != null) ? request.topSliceBudget().amount() : null, plan.run().id(), id)
			.update();
		if (before.run() != null && before.run().status() == RunStatus.DRAFT) {
			this.runs.discard(before.run().id());
		}
		this.jdbc.sql("delete from redistribution_top_slice where redistribution_id = ?").param(id).update();
		saveTopSlices(id, plan.topSlices());
		RedistributionView after = get(id);
		this.auditTrail.record("REVISE", AUDIT_TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	/**
	 * Finance approves a proposal it did not make: its run is approved and its decision
	 * record is drafted, for the proposer to add the key discussion points.
	 */
	public RedistributionView approve(long id, CurrentUser user) {
		RedistributionView before = get(id);
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance approves a redistribution");
		}
		if (before.status() != RedistributionView.Status.DRAFT) {
			throw new ConflictException(null, "Proposal " + id + " is " + before.status().label().toLowerCase());
		}
		if (before.createdBy().equalsIgnoreCase(user.getUsername())) {
			throw new ConflictException(null,
					"Nobody approves their own proposal: another finance user must approve it");
		}
		if (!before.reconciles()) {
			throw new ConflictException(null, "The top-slices and the split do not add up to the pot");
		}
		this.runs.approve(before.run().id(), user);
		DecisionView record = this.decisions.draftOnBehalfOf(decisionDraft(before), before.createdBy());
		this.jdbc.sql(
				"update redistribution set status = 'APPROVED', approved_by = ?, approved_at = ?, decision_reference = ?, "
						+ "version = version + 1 where id = ?")
			.params(user.getUsername(), Timestamp.from(this.clock.instant()), record.reference(), id)
			.update();
		RedistributionView after = get(id);
		this.auditTrail.record("APPROVE", AUDIT_TYPE, id, snapshot(before), snapshot(after));
		return after;
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
		List<Long> ids = this.jdbc.sql("select id from redistribution where run_id = ?")
			.param(decided.formulaRunId())
			.query(Long.class)
			.list();
		for (long id : ids) {
			RedistributionView before = get(id);
			if (decided.supported()) {
				int awarded = this.jdbc.sql(
						"update redistribution_top_slice set awarded_at = ? where redistribution_id = ? and awarded_at is null")
					.params(Timestamp.from(this.clock.instant()), id)
					.update();
				this.jdbc.sql(
						"update redistribution set status = 'SUPPORTED', version = version + 1 where id = ? and status <> 'SUPPORTED'")
					.param(id)
					.update();
				if (awarded > 0) {
					this.auditTrail.record("AWARD_TOP_SLICES", AUDIT_TYPE, id, snapshot(before), snapshot(get(id)));
				}
			}
			else {
				this.jdbc.sql("update redistribution set status = 'NOT_SUPPORTED', version = version + 1 where id = ?")
					.param(id)
					.update();
				this.auditTrail.record("NOT_SUPPORTED", AUDIT_TYPE, id, snapshot(before), snapshot(get(id)));
			}
		}
	}

	/** A proposal's money worked out and checked, with its draft run made. */
	private record Plan(Money pot, List<TopSlice> topSlices, RunView run) {
	}

	private Plan plan(RedistributionRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (request.sourceYear() == null) {
			throw new ValidationException("sourceYear", "Choose the year whose underspend is redistributed");
		}
		YearEnd yearEnd = this.yearEnds.yearEnd(request.sourceYear());
		Money returned = yearEnd.returnedPot();
		Money pot = (request.pot() != null) ? request.pot() : returned;
		if (pot.isZero() || pot.isNegative()) {
			errors.put("pot", "There is no returned underspend for " + request.sourceYear()
					+ ": close the year with the return-to-pot policy, or give the pot and a reason");
		}
		else if (!pot.equals(returned) && blankToNull(request.potReason()) == null) {
			errors.put("potReason",
					"The pot differs from the returned underspend of " + returned.format() + ": say why");
		}
		List<TopSlice> slices = new ArrayList<>();
		Money fixed = Money.ZERO;
		int balanceLines = 0;
		for (TopSlice slice : request.topSlices()) {
			if (blankToNull(slice.recipient()) == null || blankToNull(slice.purpose()) == null) {
				errors.putIfAbsent("topSlices", "Each top-slice needs a recipient and a purpose");
			}
			if (slice.takesBalance()) {
				balanceLines++;
			}
			else if (slice.amount() == null || slice.amount().isNegative() || slice.amount().isZero()) {
				errors.putIfAbsent("topSlices",
						"Each top-slice needs an amount of more than £0.00, unless it takes the balance");
			}
			else {
				fixed = fixed.plus(slice.amount());
			}
		}
		if (balanceLines > 1) {
			errors.put("topSlices", "Only one top-slice may take the balance of the top-slice budget");
		}
		Money budget = request.topSliceBudget();
		if (balanceLines == 1 && budget == null) {
			errors.put("topSliceBudget", "Give the top-slice budget whose balance the line takes");
		}
		if (budget != null && budget.isGreaterThan(pot)) {
			errors.put("topSliceBudget",
					"The top-slice budget of " + budget.format() + " is more than the pot of " + pot.format());
		}
		Money topSliced = (balanceLines == 1 && budget != null) ? budget : fixed;
		if (fixed.isGreaterThan(topSliced) || topSliced.isGreaterThan(pot)) {
			errors.put("topSlices", "The top-slices of " + fixed.format() + " are more than "
					+ ((budget != null) ? "the top-slice budget of " + budget.format() : "the pot of " + pot.format()));
		}
		if (request.formulaVersionId() == null) {
			errors.put("formulaVersionId", "Choose the formula that splits the remainder");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		for (TopSlice slice : request.topSlices()) {
			slices.add(new TopSlice(slice.recipient().strip(), slice.purpose().strip(),
					slice.takesBalance() ? topSliced.minus(fixed) : slice.amount(), slice.takesBalance()));
		}
		Money remainder = pot.minus(topSliced);
		if (remainder.isZero()) {
			throw new ValidationException("topSlices", "The top-slices use the whole pot: nothing is left to split");
		}
		RunView run = this.runs.create(new RunRequest(request.sourceYear().next(), remainder, RunPurpose.REDISTRIBUTION,
				request.formulaVersionId(), null,
				(request.windowEnd() != null) ? request.windowEnd() : request.sourceYear(), Map.of(),
				"Remainder of the " + request.sourceYear() + " underspend"));
		return new Plan(pot, slices, run);
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
			.append("** split across the Community Safety Partnerships by the formula ")
			.append(proposal.run().formulaLabel())
			.append(", as in the allocation table below");
		String summary = "At the end of the " + source + " financial year, " + proposal.pot().format()
				+ " was saved from the Community Safety Partnership budget.\n\nThis decision record is to decide how this money is "
				+ "to be used in the " + source.next() + " financial year.";
		String financial = "Top-slices " + proposal.topSliced().format() + " and additional allocations "
				+ proposal.run().total().format() + ": " + proposal.pot().format() + " in all.";
		return new DecisionDraft("Community Safety Partnership " + source + " Underspend", LocalDate.now(this.clock),
				null, summary, recommendations.toString(), null, financial, proposal.run().id(), null, null);
	}

	private List<RedistributionView.NewTotal> newTotals(RunView run) {
		List<RedistributionView.NewTotal> totals = new ArrayList<>();
		if (run == null) {
			return totals;
		}
		boolean created = this.grants.grantsCreatedFrom(run.id());
		for (RunView.Line line : run.lines()) {
			Money before = this.grants.grant(run.year(), line.partnershipId())
				.map(GrantView::totalAvailable)
				.orElse(Money.ZERO);
			if (created) {
				before = before.minus(line.amount());
			}
			Money highest = this.grants.highestTotalBefore(line.partnershipId(), run.year());
			totals.add(new RedistributionView.NewTotal(line.name(), before, line.amount(), highest,
					before.plus(line.amount()).isGreaterThan(highest)));
		}
		return totals;
	}

	private List<TopSlice> topSlices(long id) {
		return this.jdbc.sql(
				"select recipient, purpose, amount, takes_balance from redistribution_top_slice where redistribution_id = ? order by line")
			.param(id)
			.query((rs, row) -> new TopSlice(rs.getString(1), rs.getString(2), Money.of(rs.getBigDecimal(3)),
					rs.getBoolean(4)))
			.list();
	}

	private void saveTopSlices(long id, List<TopSlice> slices) {
		int line = 1;
		for (TopSlice slice : slices) {
			this.jdbc.sql(
					"insert into redistribution_top_slice (redistribution_id, line, recipient, purpose, amount, takes_balance) "
							+ "values (?, ?, ?, ?, ?, ?)")
				.params(id, line++, slice.recipient(), slice.purpose(), slice.amount().amount(), slice.takesBalance())
				.update();
		}
	}

	private static void requireOfficer(CurrentUser user) {
		if (!user.hasAny(Role.OFFICER, Role.ADMIN)) {
			throw new AccessDeniedException("Officers propose redistributions");
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static Map<String, Object> snapshot(RedistributionView view) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("sourceYear", view.sourceYear().toString());
		snapshot.put("pot", view.pot().amount());
		snapshot.put("topSlices", view.topSlices().stream().map(s -> s.recipient() + " " + s.amount()).toList());
		snapshot.put("remainder", view.remainder().amount());
		snapshot.put("run", (view.run() != null) ? view.run().id() : null);
		snapshot.put("status", view.status().name());
		snapshot.put("decision", view.decisionReference());
		return snapshot;
	}

}
