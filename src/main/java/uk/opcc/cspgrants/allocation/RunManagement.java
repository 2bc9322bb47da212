package uk.opcc.cspgrants.allocation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.formula.AreaResult;
import uk.opcc.cspgrants.allocation.formula.FormulaException;
import uk.opcc.cspgrants.allocation.formula.FormulaRequest;
import uk.opcc.cspgrants.allocation.formula.FormulaResult;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;
import uk.opcc.cspgrants.allocation.formula.Sensitivity;
import uk.opcc.cspgrants.allocation.formula.SensitivityRow;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.LeastRecentlyUsed;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Formula runs: made as drafts, approved by a finance user who did not make them, then
 * superseded by a later approved run for the same year and purpose. An approved run never
 * changes. Scenarios and sensitivity are worked out from a run without saving anything.
 */
@Service
@Transactional
public class RunManagement {

	static final String AUDIT_TYPE = "FormulaRun";

	private static final Map<String, String> REFUSALS = Map.of("formula_run_one_approved",
			"Another run for the same year and purpose was approved at the same moment: check the runs and try again");

	private final FormulaRunRepository store;

	private final RunStore runs;

	private final RunCalculation calculation;

	private final FormulaManagement formulas;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final DataVersions versions;

	private final RunNotices notices;

	/**
	 * Runs as most recently read, by id and the version of all runs: a run's lines never
	 * change, and its status only with that version.
	 */
	private final LeastRecentlyUsed<KeptRun, RunView> kept;

	RunManagement(FormulaRunRepository store, RunStore runs, RunCalculation calculation, FormulaManagement formulas,
			AuditTrail auditTrail, Clock clock, DataVersions versions,
			@Value("${csp-grants.kept-runs.max-entries:16}") int keptRuns, RunNotices notices) {
		this.notices = notices;
		this.store = store;
		this.runs = runs;
		this.calculation = calculation;
		this.formulas = formulas;
		this.auditTrail = auditTrail;
		this.clock = clock;
		this.versions = versions;
		this.kept = new LeastRecentlyUsed<>(keptRuns);
	}

	private record KeptRun(long id, String runsVersion) {
	}

	/**
	 * Runs the formula over the partnerships chosen (every active one, or a group's
	 * active members) and keeps the result as a draft, the set frozen in it.
	 */
	public RunView create(RunRequest request) {
		return create(request, (String) null);
	}

	/**
	 * As {@link #create(RunRequest)}, from a run form with a one-time token: the same
	 * form sent again (Back and the button again, or a double click) is refused, naming
	 * the draft it made, and the database's unique key on the token refuses two sent at
	 * the same moment.
	 */
	public RunView create(RunRequest request, String formToken) {
		if (request.year() == null) {
			throw new ValidationException("year", "Choose the financial year the money is for");
		}
		if (formToken != null) {
			madeFromForm(formToken).ifPresent(id -> {
				throw alreadyMade(id);
			});
		}
		RunCalculation.Covered covered = this.calculation.chosen(request.partnershipGroupId());
		try {
			return create(request, covered, formToken);
		}
		catch (org.springframework.dao.DuplicateKeyException sameForm) {
			if (DatabaseRefusal.constraintOf(sameForm).filter("formula_run_one_per_form"::equals).isPresent()) {
				throw new AlreadyMadeException(null);
			}
			throw sameForm;
		}
	}

	/** The run a run form with this token made, if it made one. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Long> madeFromForm(String formToken) {
		return (formToken == null) ? Optional.empty() : this.runs.madeFromForm(formToken);
	}

	private static AlreadyMadeException alreadyMade(long id) {
		return new AlreadyMadeException(id);
	}

	/**
	 * The run form was sent before and made a draft already: nothing new is made.
	 */
	public static final class AlreadyMadeException extends ConflictException {

		private final Long runId;

		AlreadyMadeException(Long runId) {
			super("form", (runId != null)
					? "This form has already made draft formula run " + runId
							+ ": nothing new was made. To run the formula again, start a new run"
					: "This form has already made a draft formula run: nothing new was made. To run the formula "
							+ "again, start a new run");
			this.runId = runId;
		}

		/** The draft the form made, when known. */
		public Long runId() {
			return this.runId;
		}

	}

	private RunView create(RunRequest request, RunCalculation.Covered covered) {
		return create(request, covered, null);
	}

	private RunView create(RunRequest request, RunCalculation.Covered covered, String formToken) {
		if (request.year() == null) {
			throw new ValidationException("year", "Choose the financial year the money is for");
		}
		if (request.note() != null && request.note().length() > RunForm.NOTE_LIMIT) {
			throw new ValidationException("note",
					"The note must be 1,000 characters or fewer; it has " + request.note().length());
		}
		FormulaVersionView version = null;
		FormulaSpec spec;
		int windowYears;
		String label;
		if (request.formulaVersionId() != null) {
			version = this.formulas.version(request.formulaVersionId());
			spec = version.spec();
			windowYears = version.windowYears();
			label = version.label();
		}
		else if (request.formula() != null) {
			FormulaManagement.FormulaRules.check(withName(request.formula()));
			spec = specOf(request.formula());
			windowYears = request.formula().windowYears();
			label = "Weights given with the run";
		}
		else {
			throw new ValidationException("formulaVersionId", "Choose a formula");
		}
		FinancialYear windowEnd = (request.windowEnd() != null) ? request.windowEnd() : request.year().previous();
		Map<String, Money> baselines = request.baselines();
		String baselineSource = "Baselines given with the run";
		if (baselines == null) {
			var previous = this.runs.approvedRunId(request.year().previous(), request.purpose())
				.flatMap(this.runs::find);
			baselines = previous.map(RunManagement::amountsByCode).orElse(Map.of());
			baselineSource = previous.map(run -> "Approved run " + run.id() + " for " + run.year())
				.orElse("No baseline: no approved run for " + request.year().previous());
		}
		RunCalculation.Calculated calculated = this.calculation.calculate(request.pot(), spec,
				RunCalculation.window(windowEnd, windowYears), baselines, baselineSource, covered);
		long id = this.runs.save(request, (version != null) ? version.id() : null, label, calculated,
				AuditTrail.currentActor(), this.clock.instant(), formToken);
		RunView created = get(id);
		this.auditTrail.record("CREATE", AUDIT_TYPE, id, null, summary(created));
		this.notices.made(created);
		return created;
	}

	/**
	 * Approves a draft run, once: only finance may, never for a run they made themselves.
	 * The run approved before for the same year and purpose is superseded in the same
	 * step; two approvals at the same moment meet at the runs' versions and the second is
	 * told.
	 */
	public RunView approve(long id, CurrentUser approver) {
		return approve(id, approver, null);
	}

	/**
	 * As {@link #approve(long, CurrentUser)}, as the check page showed it:
	 * {@code replaces} is the approved run it named ("none" for none); when another run
	 * has been approved for the year since, nothing is done and the approver is told, so
	 * that nobody replaces a run they were not shown. {@code null} checks nothing.
	 */
	public RunView approve(long id, CurrentUser approver, String replaces) {
		if (!approver.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance approves formula runs");
		}
		FormulaRun run = this.store.findById(id).orElseThrow(() -> notFound(id));
		RunView before = (run.status() != RunStatus.DISCARDED) ? stillThere(run) : null;
		java.time.Instant now = this.clock.instant();
		Optional<FormulaRun> previous = this.store.findApproved(run.financialYear(), run.purpose());
		run.refuseUnlessApprovableBy(approver);
		refuseUnlessAsChecked(run, previous, replaces);
		if (previous.isPresent()) {
			// the old run stops being the approved one before the new one becomes it
			FormulaRun replaced = previous.get();
			RunView replacedBefore = get(replaced.id());
			replaced.supersede(run, now);
			DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(replaced), REFUSALS);
			this.auditTrail.record("SUPERSEDE", AUDIT_TYPE, replaced.id(), summary(replacedBefore),
					summary(get(replaced.id())));
		}
		run.approve(approver, now);
		DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(run), REFUSALS);
		if (run.formulaVersionId() != null) {
			this.formulas.lock(run.formulaVersionId());
		}
		RunView approved = get(id);
		this.auditTrail.record("APPROVE", AUDIT_TYPE, id, summary(before), summary(approved));
		this.notices.approved(approved);
		return approved;
	}

	private void refuseUnlessAsChecked(FormulaRun run, Optional<FormulaRun> previous, String replaces) {
		if (replaces == null) {
			return;
		}
		String now = previous.map(approved -> String.valueOf(approved.id())).orElse("none");
		if (!now.equals(replaces.strip())) {
			String since = previous.map(approved -> "formula run " + approved.id() + " has been approved for ")
				.orElse("the approved run has changed for ");
			throw new ConflictException(null,
					"Since you checked, " + since + new FinancialYear(run.financialYear())
							+ ": nothing has been approved. Check what approving formula run " + run.id()
							+ " would replace, and approve it again if it is still right");
		}
	}

	/** The run approved for a year and purpose, if there is one. */
	@Transactional(readOnly = true)
	public Optional<RunView> approvedFor(FinancialYear year, RunPurpose purpose) {
		return this.runs.approvedRunId(year, purpose).flatMap(this.runs::find);
	}

	/**
	 * What an approval did, in words for the confirmation: what the run now is, and the
	 * run it replaced.
	 */
	@Transactional(readOnly = true)
	public String approvedWords(RunView approved) {
		String replaced = this.runs.list()
			.stream()
			.filter(run -> Long.valueOf(approved.id()).equals(run.supersededBy()))
			.findFirst()
			.map(run -> " It replaces formula run " + run.id() + ", which is now superseded.")
			.orElse("");
		return "Formula run " + approved.id() + " has been approved: " + approved.total().format() + " is now the "
				+ approved.purpose().label().toLowerCase() + " for " + approved.year() + "." + replaced;
	}

	/**
	 * Approved runs, the year's current figures, newest first: what a CSP manager sees.
	 */
	@Transactional(readOnly = true)
	public List<RunView> approved() {
		return this.runs.list().stream().filter(run -> run.status() == RunStatus.APPROVED).toList();
	}

	/**
	 * Throws away a draft, once: its figures are deleted, and the run is kept as
	 * discarded so that its number is never used again and a second attempt is told.
	 */
	public void discard(long id) {
		FormulaRun run = this.store.findById(id).orElseThrow(() -> notFound(id));
		RunView before = (run.status() != RunStatus.DISCARDED) ? stillThere(run) : null;
		run.discard();
		DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(run), REFUSALS);
		this.runs.deleteFiguresOfDraft(id);
		this.auditTrail.record("DISCARD", AUDIT_TYPE, id, summary(before), null);
		this.notices.discarded(before, AuditTrail.currentActor());
	}

	/**
	 * A run: kept in memory from an earlier request while no run has been made, approved,
	 * superseded or discarded since (see {@link DataVersions} for how soon another node's
	 * change is seen); read afresh inside a transaction that may have changed it.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public RunView get(long id) {
		if (DataVersions.insideWritingTransaction()) {
			return load(id);
		}
		return this.kept.get(new KeptRun(id, this.versions.of("runs", this.runs::version)), () -> load(id));
	}

	private RunView load(long id) {
		return this.runs.find(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * The run as it stands, read for the audit trail; one discarded since it was loaded
	 * (by someone else, at the same moment) is refused as such.
	 */
	private RunView stillThere(FormulaRun run) {
		try {
			return get(run.id());
		}
		catch (NotFoundException discarded) {
			throw new ConflictException(null, "Run " + run.id() + " has been discarded");
		}
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("There is no formula run " + id);
	}

	/** A run as this user may see it: a CSP manager sees approved runs only. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public RunView get(long id, CurrentUser user) {
		RunView run = get(id);
		if (user.isLimitedToOnePartnership() && !run.published()) {
			throw new NotFoundException("There is no formula run " + id);
		}
		return run;
	}

	/**
	 * One partnership's line in a run, for the explanation; a CSP manager may see only
	 * their own.
	 */
	@Transactional(readOnly = true)
	public RunView.Line explain(long id, String code, CurrentUser user) {
		RunView run = get(id, user);
		RunView.Line line = run.line(code);
		if (line == null) {
			throw new NotFoundException("Partnership " + code + " is not in run " + id);
		}
		if (!user.maySee(line.partnershipId())) {
			throw new AccessDeniedException("A CSP manager sees only their own partnership");
		}
		return line;
	}

	/**
	 * One partnership's line explained from what the run froze: inputs as counted, how
	 * each indicator was worked out, what each total is.
	 */
	@Transactional(readOnly = true)
	public Explanation explanation(RunView run, RunView.Line line) {
		RunStore.PartnershipInputs inputs = this.runs.inputsOf(run.id(), line.partnershipId());
		return Explanation.of(run, line, inputs.values(), inputs.sources());
	}

	@Transactional(readOnly = true)
	public List<RunView> list() {
		return this.runs.list();
	}

	/**
	 * The ids of the approved runs (one per year and purpose at most): one small query.
	 */
	@Transactional(readOnly = true)
	public List<Long> approvedIds() {
		return this.runs.approvedIds();
	}

	/** The runs with these ids, without their lines, newest first. */
	@Transactional(readOnly = true)
	public List<RunView> headers(List<Long> ids) {
		return ids.isEmpty() ? List.of() : this.runs.list(ids);
	}

	/** Approved and superseded runs, newest first: what a CSP manager may read. */
	@Transactional(readOnly = true)
	public List<RunView> published() {
		return this.runs.list().stream().filter(RunView::published).toList();
	}

	/**
	 * Works the run out again from the indicator values it froze and says whether every
	 * amount comes out the same.
	 */
	@Transactional(readOnly = true)
	public boolean reproduces(long id) {
		RunView run = get(id);
		FormulaResult again = this.calculation
			.calculate(run.pot(), run.spec(), run.window(), this.runs.inputs(id), baselinesOf(run),
					run.baselineSource(), RunCalculation.Covered.of(run))
			.result();
		for (AreaResult area : again.areas()) {
			RunView.Line line = run.line(area.code());
			if (line == null || line.amount().pence() != area.finalPence()) {
				return false;
			}
		}
		return again.areas().size() == run.lines().size();
	}

	/**
	 * What the run would give with other weights, window, floor, damping or pot, over the
	 * partnerships the run covers; nothing is saved.
	 */
	@Transactional(readOnly = true)
	public ScenarioComparison scenario(long id, Money pot, FormulaDetails changes, FinancialYear windowEnd,
			CurrentUser user) {
		return scenario(id, pot, changes, windowEnd, ScenarioPartnerships.RUNS_OWN, user);
	}

	/**
	 * What the run would give with other weights, window, floor, damping or pot, over the
	 * partnerships the run covers or another set; nothing is saved. Over the run's own
	 * set and window it works from the indicator values the run froze; otherwise from the
	 * current indicator data.
	 */
	@Transactional(readOnly = true)
	public ScenarioComparison scenario(long id, Money pot, FormulaDetails changes, FinancialYear windowEnd,
			ScenarioPartnerships partnerships, CurrentUser user) {
		RunView run = (user != null) ? get(id, user) : get(id);
		FormulaManagement.FormulaRules.check(withName(changes));
		FinancialYear end = (windowEnd != null) ? windowEnd : run.window().get(run.window().size() - 1);
		List<FinancialYear> window = RunCalculation.window(end, changes.windowYears());
		FormulaSpec spec = specOf(changes);
		Money scenarioPot = (pot != null) ? pot : run.pot();
		RunCalculation.Covered covered = covered(run, partnerships);
		boolean frozenValues = window.equals(run.window()) && partnerships.runsOwn();
		RunCalculation.Calculated calculated;
		try {
			calculated = frozenValues
					? this.calculation.calculate(scenarioPot, spec, window, this.runs.inputs(id), baselinesOf(run), "",
							covered)
					: this.calculation.calculate(scenarioPot, spec, window, baselinesOf(run), "", covered);
		}
		catch (FormulaException refused) {
			throw new ValidationException(scenarioField(refused.input(), changes), refused.getMessage());
		}
		List<ScenarioComparison.Row> rows = new ArrayList<>();
		for (AreaResult area : calculated.result().areas()) {
			RunView.Line line = run.line(area.code());
			rows.add(new ScenarioComparison.Row(area.code(), area.name(), (line != null) ? line.amount() : Money.ZERO,
					Money.ofPence(area.finalPence())));
		}
		for (RunView.Line line : run.lines()) {
			if (!calculated.partnershipIds().containsKey(line.code())) {
				rows.add(new ScenarioComparison.Row(line.code(), line.name(), line.amount(), Money.ZERO));
			}
		}
		rows.sort(java.util.Comparator.comparing(ScenarioComparison.Row::code));
		return new ScenarioComparison(run, scenarioPot, spec, window, covered.label(), !frozenValues, rows);
	}

	/**
	 * The partnerships a scenario covers: the run's own (frozen) set, or the set chosen.
	 */
	private RunCalculation.Covered covered(RunView run, ScenarioPartnerships partnerships) {
		return partnerships.runsOwn() ? RunCalculation.Covered.of(run)
				: this.calculation.chosen(partnerships.partnershipGroupId());
	}

	/**
	 * The field of the scenario form a formula's refusal is about: the floor given (in
	 * pounds or as a percentage), the damping, the weights (missing or zero data) or the
	 * years.
	 */
	private static String scenarioField(FormulaException.Input input, FormulaDetails changes) {
		if (input == null) {
			return "form";
		}
		return switch (input) {
			case POT -> "pot";
			case WINDOW -> "windowYears";
			case FLOOR -> (changes.floorPercent() != null) ? "floorPercent" : "floorAmount";
			case MAX_DECREASE -> "maxDecreasePercent";
			case MAX_INCREASE -> "maxIncreasePercent";
			case INDICATORS, PARTNERSHIPS -> "weights";
		};
	}

	/**
	 * Saves a scenario over the run's own partnerships as a new draft run for the same
	 * year and purpose.
	 */
	public RunView saveScenario(long id, Money pot, FormulaDetails changes, FinancialYear windowEnd) {
		return saveScenario(id, pot, changes, windowEnd, ScenarioPartnerships.RUNS_OWN);
	}

	/**
	 * Saves a scenario as a new draft run for the same year and purpose, over the run's
	 * own partnerships (those it froze) or the set chosen.
	 */
	public RunView saveScenario(long id, Money pot, FormulaDetails changes, FinancialYear windowEnd,
			ScenarioPartnerships partnerships) {
		RunView run = get(id);
		FinancialYear end = (windowEnd != null) ? windowEnd : run.window().get(run.window().size() - 1);
		return create(
				new RunRequest(run.year(), (pot != null) ? pot : run.pot(), run.purpose(), null, changes, end,
						baselinesOf(run), "Scenario from run " + id, partnerships.partnershipGroupId()),
				covered(run, partnerships));
	}

	/**
	 * Each partnership's amount when each weight moves 10 points up or down, the others
	 * rescaled.
	 */
	@Transactional(readOnly = true)
	public List<SensitivityRow> sensitivity(long id, CurrentUser user) {
		RunView run = get(id, user);
		FormulaRequest request = this.calculation
			.calculate(run.pot(), run.spec(), run.window(), this.runs.inputs(id), baselinesOf(run),
					run.baselineSource(), RunCalculation.Covered.of(run))
			.request();
		return Sensitivity.of(this.calculation.calculator(), request);
	}

	static Map<String, Money> amountsByCode(RunView run) {
		Map<String, Money> amounts = new LinkedHashMap<>();
		run.lines().forEach(line -> amounts.put(line.code(), line.amount()));
		return amounts;
	}

	private static Map<String, Money> baselinesOf(RunView run) {
		Map<String, Money> baselines = new LinkedHashMap<>();
		run.lines()
			.stream()
			.filter(line -> line.baseline() != null)
			.forEach(line -> baselines.put(line.code(), line.baseline()));
		return baselines;
	}

	static FormulaSpec specOf(FormulaDetails details) {
		return new FormulaSpec(details.weights(),
				new uk.opcc.cspgrants.allocation.formula.Floor(details.floorAmount(), details.floorPercent()),
				new uk.opcc.cspgrants.allocation.formula.Damping(details.maxDecreasePercent(),
						details.maxIncreasePercent()));
	}

	private static FormulaDetails withName(FormulaDetails details) {
		return new FormulaDetails((details.name() == null || details.name().isBlank()) ? "Scenario" : details.name(),
				details.weights(), details.windowYears(), details.floorAmount(), details.floorPercent(),
				details.maxDecreasePercent(), details.maxIncreasePercent());
	}

	private static Map<String, Object> summary(RunView run) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("year", run.year().toString());
		summary.put("purpose", run.purpose().name());
		summary.put("pot", run.pot().amount());
		summary.put("formula", run.formulaLabel());
		summary.put("partnerships", run.partnerships());
		summary.put("status", run.status().name());
		summary.put("approvedBy", run.approvedBy());
		Map<String, BigDecimal> amounts = new LinkedHashMap<>();
		run.lines().forEach(line -> amounts.put(line.code(), line.amount().amount()));
		summary.put("amounts", amounts);
		return summary;
	}

}
