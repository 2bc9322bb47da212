package uk.opcc.cspgrants.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunStatus;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.SeparationOfDuties;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Decision records: drafted by an officer, "consulted" by the Chief Finance Officer,
 * given a publication decision by the Monitoring Officer, and decided by the
 * Commissioner, each by a different person. Any step after the draft can send the record
 * back with a reason. Each command loads the {@link DecisionRecord} once, lets it take
 * the step, saves it (its version refuses a second signer at the same moment) and audits
 * it. A decided record never changes; a Supported decision creates its money exactly
 * once.
 */
@Service
@Transactional
public class DecisionManagement {

	static final String AUDIT_TYPE = "DecisionRecord";

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Map<String, String> REFUSALS = Map.of("decision_effect_pkey",
			"This decision's money has already been created", "decision_record_signers_differ",
			"Each sign-off must be by a different person");

	private final DecisionRecordRepository store;

	private final JdbcClient jdbc;

	private final RunManagement runs;

	private final DecisionEffects effects;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final String prefix;

	private final ApplicationEventPublisher events;

	private final DecisionNotices notices;

	private final DecisionAttachments attachments;

	private final DataVersions versions;

	DecisionManagement(DecisionRecordRepository store, JdbcClient jdbc, RunManagement runs, DecisionEffects effects,
			AuditTrail auditTrail, Clock clock, @Value("${csp-grants.decisions.reference-prefix:EXE}") String prefix,
			ApplicationEventPublisher events, DecisionNotices notices, DecisionAttachments attachments,
			DataVersions versions) {
		this.versions = versions;
		this.notices = notices;
		this.attachments = attachments;
		this.store = store;
		this.events = events;
		this.jdbc = jdbc;
		this.runs = runs;
		this.effects = effects;
		this.auditTrail = auditTrail;
		this.clock = clock;
		this.prefix = prefix;
	}

	/**
	 * Every record, newest first, read in one query. Home pages ask on every request:
	 * read at most once a second, and again at once after a change here (see
	 * DataVersions); always afresh inside a change.
	 */
	@Transactional(readOnly = true)
	public List<DecisionView> list() {
		return this.versions.kept("decision records", this::read);
	}

	private List<DecisionView> read() {
		List<DecisionRecord> records = this.store.newestFirst();
		Map<Long, String> references = new HashMap<>();
		Map<Long, List<String>> corrections = new HashMap<>();
		for (DecisionRecord record : records) {
			references.put(record.id(), record.reference());
		}
		List<DecisionRecord> oldestFirst = new ArrayList<>(records);
		oldestFirst.sort(java.util.Comparator.comparing(DecisionRecord::id));
		for (DecisionRecord record : oldestFirst) {
			if (record.correctsId() != null) {
				corrections.computeIfAbsent(record.correctsId(), (id) -> new ArrayList<>()).add(record.reference());
			}
		}
		return records.stream()
			.map(record -> record.toView(references.get(record.correctsId()),
					List.copyOf(corrections.getOrDefault(record.id(), List.of()))))
			.toList();
	}

	/** Published records, newest first, for the public pages. */
	@Transactional(readOnly = true)
	public List<DecisionView> published() {
		return list().stream().filter(DecisionView::published).toList();
	}

	@Transactional(readOnly = true)
	public DecisionView get(String reference) {
		return view(load(reference));
	}

	/**
	 * The reference of the record not yet decided that an attachment (e.g. an award
	 * schedule) is attached to, if any: one at most (the database's
	 * {@code decision_record_one_open_per_schedule}).
	 */
	@Transactional(readOnly = true)
	public Optional<String> openRecordWith(String attachmentType, String attachmentRef) {
		return this.store.openRecordWith(attachmentType, attachmentRef);
	}

	/** Records awaiting this user's sign-off. */
	@Transactional(readOnly = true)
	public List<DecisionView> pendingFor(CurrentUser user) {
		return list().stream()
			.filter(record -> record.status().nextRole() != null && user.has(record.status().nextRole()))
			.filter(record -> signers(record).stream()
				.noneMatch(signer -> SeparationOfDuties.samePerson(signer, user.getUsername())))
			.toList();
	}

	/**
	 * Drafts a new record and gives it the next reference of the year, e.g. EXE0019-24.
	 */
	public DecisionView create(DecisionDraft draft, CurrentUser user) {
		requireRole(user, Role.OFFICER, Role.ADMIN);
		return insert(draft, user.getUsername(), null, null);
	}

	/**
	 * Drafts a record automatically on behalf of the officer who proposed what it decides
	 * (for example a redistribution approved by finance); that officer is its drafter.
	 */
	public DecisionView draftOnBehalfOf(DecisionDraft draft, String officer) {
		return insert(draft, officer, null, null);
	}

	/**
	 * Drafts a new record with something another module attaches to it, as a table the
	 * record shows and decides (an award schedule: type {@code AWARD_SCHEDULE}, reference
	 * the schedule's id), on behalf of the officer who asked for it; that module gives
	 * the table through its {@link DecisionAttachment}. The draft attaches no formula
	 * run.
	 */
	public DecisionView draftWithAttachment(DecisionDraft draft, String attachmentType, String attachmentRef,
			CurrentUser officer) {
		requireRole(officer, Role.OFFICER, Role.ADMIN);
		if (draft.formulaRunId() != null) {
			throw new ValidationException("formulaRunId", "A record with an attachment decides no formula run");
		}
		if (!this.attachments.known(attachmentType)) {
			throw new IllegalArgumentException("No module attaches " + attachmentType + " to a decision record");
		}
		return insert(draft, officer.getUsername(), attachmentType, attachmentRef);
	}

	private DecisionView insert(DecisionDraft draft, String drafter, String attachmentType, String attachmentRef) {
		Map<String, String> errors = DecisionRecord.problems(draft, today());
		checkAttachment(draft, errors);
		DecisionRecord corrected = (draft.correctsReference() != null) ? correctable(draft.correctsReference(), errors)
				: null;
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		Long corrects = (corrected != null) ? corrected.id() : null;
		int year = draft.decisionDate().getYear();
		// one reference at a time per year: the next number is read and used under this
		// lock
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(4_200_000L + year).query(Object.class).list();
		int sequence = this.store.nextSequence(year);
		String reference = "%s%04d-%02d".formatted(this.prefix, sequence, year % 100);
		DecisionRecord record = new DecisionRecord(reference, year, sequence, draft, corrects, drafter,
				this.clock.instant(), today());
		if (attachmentType != null) {
			record.attach(attachmentType, attachmentRef);
		}
		DecisionRecord saved = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(record), REFUSALS);
		DecisionView created = view(saved);
		this.auditTrail.record("CREATE", AUDIT_TYPE, reference, null, saved.snapshot());
		this.notices.stepTaken(saved, null, null, today());
		return created;
	}

	/** Changes a draft, for whoever sends the version they read. */
	public DecisionView update(String reference, DecisionDraft draft, CurrentUser user) {
		requireRole(user, Role.OFFICER, Role.ADMIN);
		Map<String, String> errors = DecisionRecord.problems(draft, today());
		checkAttachment(draft, errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return step(reference, "UPDATE", user, (record) -> {
			if (draft.version() == null || draft.version() != record.version()) {
				throw ConflictException.changedBySomeoneElse();
			}
			record.change(draft, today());
		});
	}

	/** The Chief Executive's or Chief Finance Officer's "consulted" sign-off. */
	public DecisionView consult(String reference, String name, LocalDate on, CurrentUser user) {
		requireRole(user, Role.FINANCE);
		return step(reference, "CONSULT", user, (record) -> {
			ready(record);
			record.consult(name, on, user, today());
		});
	}

	/**
	 * The Monitoring Officer's decision on publishing the record, the report and the
	 * decision details.
	 */
	public DecisionView decidePublication(String reference, Publication record, Publication report, Publication details,
			String reasons, Set<Section> redacted, LocalDate on, CurrentUser user) {
		requireRole(user, Role.MONITORING_OFFICER);
		return step(reference, "PUBLICATION", user, (found) -> {
			ready(found);
			found.decidePublication(record, report, details, reasons, redacted, on, user, today());
		});
	}

	/**
	 * The Commissioner's decision. Supported creates the money the record decides (the
	 * grants of its formula run), in this same transaction and only once.
	 */
	public DecisionView decide(String reference, Outcome outcome, LocalDate on, String comment, CurrentUser user) {
		return decide(reference, null, outcome, on, comment, user);
	}

	/**
	 * As {@link #decide(String, Outcome, LocalDate, String, CurrentUser)}, for the record
	 * as the Commissioner checked it: refused if it has changed since version
	 * {@code checked} was read.
	 */
	public DecisionView decide(String reference, Long checked, Outcome outcome, LocalDate on, String comment,
			CurrentUser user) {
		requireRole(user, Role.COMMISSIONER);
		DecisionRecord record = load(reference);
		if (checked != null && checked != record.version() && record.status() != DecisionStatus.DECIDED) {
			throw ConflictException.changedBySomeoneElse();
		}
		Map<String, Object> before = record.snapshot();
		DecisionStatus was = record.status();
		if (record.status() == DecisionStatus.PUBLICATION_DECIDED) {
			ready(record);
		}
		record.decide(outcome, on, comment, user, today());
		DecisionRecord decided = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(record), REFUSALS);
		this.auditTrail.record("DECIDE", AUDIT_TYPE, reference(decided), before, decided.snapshot());
		this.notices.stepTaken(decided, was, user.displayName(), today());
		if (outcome == Outcome.SUPPORTED) {
			String attached = (decided.attachmentType() != null
					&& !DecisionRecord.FORMULA_RUN.equals(decided.attachmentType()))
							? this.attachments.of(decided.attachmentType())
								.map(attachment -> attachment.describe(decided.attachmentRef()))
								.orElse(null)
							: null;
			this.effects.apply(decided.id(), decided.formulaRunId(), attached);
		}
		this.events.publishEvent(new DecisionDecided(decided.reference(), outcome == Outcome.SUPPORTED,
				decided.formulaRunId(), decided.attachmentType(), decided.attachmentRef()));
		return view(decided);
	}

	/** Sends a record back to draft, with a reason, from the step whose turn it is. */
	public DecisionView sendBack(String reference, String reason, CurrentUser user) {
		DecisionRecord found = load(reference);
		if (found.status().nextRole() != null && found.status() != DecisionStatus.DRAFT) {
			requireRole(user, found.status().nextRole());
		}
		DecisionView sentBack = step(reference, "SEND_BACK", user, (record) -> record.sendBack(reason));
		this.events.publishEvent(
				new DecisionSentBack(sentBack.reference(), sentBack.attachmentType(), sentBack.attachmentRef()));
		return sentBack;
	}

	/**
	 * Refuses a sign-off while what the record decides is not attached to it (an award
	 * schedule changed after the record was sent back).
	 */
	private void ready(DecisionRecord record) {
		if (record.attachmentType() != null && !DecisionRecord.FORMULA_RUN.equals(record.attachmentType())) {
			this.attachments.requireReady(record.attachmentType(), record.attachmentRef(), record.reference());
		}
	}

	/**
	 * One step of a record, exactly once: it is saved against the version it was read at.
	 */
	private DecisionView step(String reference, String action, CurrentUser user, Consumer<DecisionRecord> change) {
		DecisionRecord record = load(reference);
		Map<String, Object> before = record.snapshot();
		DecisionStatus was = record.status();
		change.accept(record);
		DecisionRecord saved = DatabaseRefusal.orConflict(() -> this.store.saveAndFlush(record), REFUSALS);
		this.auditTrail.record(action, AUDIT_TYPE, reference(saved), before, saved.snapshot());
		this.notices.stepTaken(saved, was, user.displayName(), today());
		return view(saved);
	}

	private DecisionRecord load(String reference) {
		return this.store.findByReference(reference)
			.orElseThrow(() -> new NotFoundException("There is no decision record " + reference));
	}

	private DecisionView view(DecisionRecord record) {
		String corrects = (record.correctsId() != null)
				? this.store.findById(record.correctsId()).map(DecisionRecord::reference).orElse(null) : null;
		List<String> correctedBy = this.jdbc
			.sql("select reference from decision_record where corrects_id = ? order by id")
			.param(record.id())
			.query(String.class)
			.list();
		return record.toView(corrects, correctedBy);
	}

	private static String reference(DecisionRecord record) {
		return record.reference();
	}

	private static List<String> signers(DecisionView record) {
		List<String> signers = new ArrayList<>();
		signers.add(record.createdBy());
		if (record.consulted() != null) {
			signers.add(record.consulted().by());
		}
		if (record.publication() != null) {
			signers.add(record.publication().by());
		}
		if (record.decision() != null) {
			signers.add(record.decision().by());
		}
		return signers;
	}

	private static void requireRole(CurrentUser user, Role... roles) {
		if (!user.hasAny(roles)) {
			throw new AccessDeniedException("Your role does not sign this step");
		}
	}

	/**
	 * The decided record a new one corrects, or {@code null} with the refusal in errors.
	 */
	private DecisionRecord correctable(String reference, Map<String, String> errors) {
		DecisionRecord corrected = this.store.findByReference(reference).orElse(null);
		if (corrected == null) {
			errors.put("correctsReference", "There is no decision record " + reference + " to correct");
		}
		else if (corrected.status() != DecisionStatus.DECIDED) {
			errors.put("correctsReference",
					"Only a decided record is corrected by a new one; change the draft " + reference + " instead");
			return null;
		}
		return corrected;
	}

	/** A record's attached run must be an approved one; the refusal goes in errors. */
	private void checkAttachment(DecisionDraft draft, Map<String, String> errors) {
		if (draft.formulaRunId() == null) {
			return;
		}
		try {
			RunView run = this.runs.get(draft.formulaRunId());
			if (run.status() != RunStatus.APPROVED) {
				errors.put("formulaRunId", "Attach an approved formula run; run " + run.id() + " is "
						+ run.status().label().toLowerCase());
			}
		}
		catch (NotFoundException missing) {
			errors.put("formulaRunId", missing.getMessage());
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), LONDON);
	}

}
