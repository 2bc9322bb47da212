package uk.opcc.cspgrants.decision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Decision records: drafted by an officer, "consulted" by the Chief Finance Officer,
 * given a publication decision by the Monitoring Officer, and decided by the
 * Commissioner, each by a different person. Any step can send the record back to draft
 * with a reason. A decided record never changes; a Supported decision creates its money
 * exactly once.
 */
@Service
@Transactional
public class DecisionManagement {

	static final String AUDIT_TYPE = "DecisionRecord";

	private final JdbcClient jdbc;

	private final RunManagement runs;

	private final DecisionEffects effects;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final String prefix;

	private final ApplicationEventPublisher events;

	DecisionManagement(JdbcClient jdbc, RunManagement runs, DecisionEffects effects, AuditTrail auditTrail, Clock clock,
			@Value("${csp-grants.decisions.reference-prefix:EXE}") String prefix, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.runs = runs;
		this.effects = effects;
		this.auditTrail = auditTrail;
		this.clock = clock;
		this.prefix = prefix;
	}

	@Transactional(readOnly = true)
	public List<DecisionView> list() {
		return this.jdbc.sql("select reference from decision_record order by decision_date desc, id desc")
			.query(String.class)
			.list()
			.stream()
			.map(this::get)
			.toList();
	}

	/** Published records, newest first, for the public pages. */
	@Transactional(readOnly = true)
	public List<DecisionView> published() {
		return list().stream().filter(DecisionView::published).toList();
	}

	@Transactional(readOnly = true)
	public DecisionView get(String reference) {
		return this.jdbc.sql("select * from decision_record where upper(reference) = upper(?)")
			.param(reference)
			.query((rs, row) -> view(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no decision record " + reference));
	}

	/** Records awaiting this user's sign-off. */
	@Transactional(readOnly = true)
	public List<DecisionView> pendingFor(CurrentUser user) {
		return list().stream()
			.filter(record -> record.status().nextRole() != null && user.has(record.status().nextRole()))
			.filter(record -> !signers(record).contains(user.getUsername().toLowerCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * Drafts a new record and gives it the next reference of the year, e.g. EXE0019-24.
	 */
	public DecisionView create(DecisionDraft draft, CurrentUser user) {
		requireRole(user, Role.OFFICER, Role.ADMIN);
		return insert(draft, user.getUsername());
	}

	/**
	 * Drafts a record automatically on behalf of the officer who proposed what it decides
	 * (for example a redistribution approved by finance); that officer is its drafter.
	 */
	public DecisionView draftOnBehalfOf(DecisionDraft draft, String officer) {
		return insert(draft, officer);
	}

	private DecisionView insert(DecisionDraft draft, String drafter) {
		check(draft);
		int year = draft.decisionDate().getYear();
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(4_200_000L + year).query(Object.class).list();
		int sequence = this.jdbc
			.sql("select coalesce(max(sequence), 0) + 1 from decision_record where reference_year = ?")
			.param(year)
			.query(Integer.class)
			.single();
		String reference = "%s%04d-%02d".formatted(this.prefix, sequence, year % 100);
		Long corrects = (draft.correctsReference() != null) ? correctable(draft.correctsReference()).id() : null;
		this.jdbc
			.sql("insert into decision_record (reference, reference_year, sequence, title, decision_date, officers_present, "
					+ "summary, recommendations, discussion, financial_implications, attachment_type, attachment_ref, status, "
					+ "corrects_id, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)")
			.params(reference, year, sequence, draft.title(), Date.valueOf(draft.decisionDate()),
					draft.officersPresent(), draft.summary(), draft.recommendations(), draft.discussion(),
					draft.financialImplications(), (draft.formulaRunId() != null) ? "FORMULA_RUN" : null,
					(draft.formulaRunId() != null) ? draft.formulaRunId().toString() : null, corrects,
					Timestamp.from(this.clock.instant()), drafter)
			.update();
		DecisionView created = get(reference);
		this.auditTrail.record("CREATE", AUDIT_TYPE, reference, null, snapshot(created));
		return created;
	}

	/** Changes a draft. */
	public DecisionView update(String reference, DecisionDraft draft, CurrentUser user) {
		requireRole(user, Role.OFFICER, Role.ADMIN);
		DecisionView before = get(reference);
		if (before.status() != DecisionStatus.DRAFT) {
			throw new ConflictException(null, "Only a draft can be changed; " + reference + " is "
					+ before.status().label().toLowerCase() + ". Ask for it to be sent back first.");
		}
		if (draft.version() == null || draft.version() != before.version()) {
			throw ConflictException.changedBySomeoneElse();
		}
		check(draft);
		this.jdbc.sql("update decision_record set title = ?, decision_date = ?, officers_present = ?, summary = ?, "
				+ "recommendations = ?, discussion = ?, financial_implications = ?, attachment_type = ?, attachment_ref = ?, "
				+ "version = version + 1 where id = ?")
			.params(draft.title(), Date.valueOf(draft.decisionDate()), draft.officersPresent(), draft.summary(),
					draft.recommendations(), draft.discussion(), draft.financialImplications(),
					(draft.formulaRunId() != null) ? "FORMULA_RUN" : null,
					(draft.formulaRunId() != null) ? draft.formulaRunId().toString() : null, before.id())
			.update();
		DecisionView after = get(reference);
		this.auditTrail.record("UPDATE", AUDIT_TYPE, reference, snapshot(before), snapshot(after));
		return after;
	}

	/** The Chief Executive's or Chief Finance Officer's "consulted" sign-off. */
	public DecisionView consult(String reference, String name, LocalDate on, CurrentUser user) {
		DecisionView before = step(reference, DecisionStatus.DRAFT, Role.FINANCE, user);
		Map<String, String> errors = new LinkedHashMap<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			errors.put("name", "Enter the name of the Chief Executive or Chief Finance Officer consulted");
		}
		if (on == null) {
			errors.put("on", "Enter the date of the sign-off");
		}
		refuse(errors);
		this.jdbc.sql(
				"update decision_record set status = 'CONSULTED', consulted_by = ?, consulted_name = ?, consulted_on = ?, "
						+ "sent_back_reason = null, version = version + 1 where id = ?")
			.params(user.getUsername(), name.strip(), Date.valueOf(on), before.id())
			.update();
		return audited("CONSULT", before);
	}

	/**
	 * The Monitoring Officer's decision on publishing the record, the report and the
	 * decision details.
	 */
	public DecisionView decidePublication(String reference, Publication record, Publication report, Publication details,
			String reasons, Set<Section> redacted, LocalDate on, CurrentUser user) {
		DecisionView before = step(reference, DecisionStatus.CONSULTED, Role.MONITORING_OFFICER, user);
		Map<String, String> errors = new LinkedHashMap<>();
		if (record == null || report == null || details == null) {
			errors.put("record", "Decide Yes, Part redacted or No for the record, the report and the decision details");
		}
		boolean allYes = record == Publication.YES && report == Publication.YES && details == Publication.YES;
		if (!allYes
				&& (reasons == null || !reasons.toLowerCase(Locale.UK).matches("(?s).*\\b(act|regulations?)\\b.*"))) {
			errors.put("reasons", "Give the reasons for not publishing in full, citing the legislation "
					+ "(for example: Freedom of Information Act 2000, section 40)");
		}
		boolean partly = record == Publication.PART_REDACTED || report == Publication.PART_REDACTED
				|| details == Publication.PART_REDACTED;
		Set<Section> sections = (redacted == null) ? EnumSet.noneOf(Section.class)
				: EnumSet.copyOf(redacted.isEmpty() ? EnumSet.noneOf(Section.class) : redacted);
		if (partly && sections.isEmpty()) {
			errors.put("redacted", "Choose the sections to redact");
		}
		if (!partly) {
			sections.clear();
		}
		if (on == null) {
			errors.put("on", "Enter the date of the decision");
		}
		refuse(errors);
		this.jdbc
			.sql("update decision_record set status = 'PUBLICATION_DECIDED', publish_record = ?, publish_report = ?, "
					+ "publish_details = ?, publication_reasons = ?, redacted_sections = ?, publication_by = ?, "
					+ "publication_on = ?, sent_back_reason = null, version = version + 1 where id = ?")
			.params(record.name(), report.name(), details.name(), (reasons == null) ? null : reasons.strip(),
					sections.stream().map(Section::name).collect(Collectors.joining(",")), user.getUsername(),
					Date.valueOf(on), before.id())
			.update();
		return audited("PUBLICATION", before);
	}

	/**
	 * The Commissioner's decision. Supported creates the money the record decides (the
	 * grants of its formula run), in this same transaction and only once.
	 */
	public DecisionView decide(String reference, boolean supported, LocalDate on, String comment, CurrentUser user) {
		DecisionView before = step(reference, DecisionStatus.PUBLICATION_DECIDED, Role.COMMISSIONER, user);
		if (on == null) {
			throw new ValidationException("on", "Enter the date of the decision");
		}
		this.jdbc
			.sql("update decision_record set status = 'DECIDED', decision = ?, decided_on = ?, decision_comment = ?, "
					+ "decided_by = ?, sent_back_reason = null, version = version + 1 where id = ?")
			.params(supported ? "SUPPORTED" : "NOT_SUPPORTED", Date.valueOf(on),
					(comment == null || comment.isBlank()) ? null : comment.strip(), user.getUsername(), before.id())
			.update();
		DecisionView decided = audited("DECIDE", before);
		if (supported) {
			this.effects.apply(decided);
		}
		this.events.publishEvent(new DecisionDecided(decided.reference(), supported, decided.draft().formulaRunId()));
		return decided;
	}

	/** Sends a record back to draft, with a reason, from the step whose turn it is. */
	public DecisionView sendBack(String reference, String reason, CurrentUser user) {
		DecisionView before = get(reference);
		if (before.status() == DecisionStatus.DECIDED || before.status() == DecisionStatus.DRAFT) {
			throw new ConflictException(null,
					"Only a record awaiting the Monitoring Officer or the Commissioner can be sent back");
		}
		requireRole(user, before.status().nextRole());
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new ValidationException("reason", "Say why the record is sent back, in up to 1,000 characters");
		}
		this.jdbc
			.sql("update decision_record set status = 'DRAFT', sent_back_reason = ?, consulted_by = null, consulted_name = null, "
					+ "consulted_on = null, publish_record = null, publish_report = null, publish_details = null, "
					+ "publication_reasons = null, redacted_sections = null, publication_by = null, publication_on = null, "
					+ "version = version + 1 where id = ?")
			.params(reason.strip(), before.id())
			.update();
		return audited("SEND_BACK", before);
	}

	private DecisionView step(String reference, DecisionStatus expected, Role role, CurrentUser user) {
		DecisionView record = get(reference);
		requireRole(user, role);
		if (record.status() != expected) {
			throw new ConflictException(null, reference + " is " + record.status().label().toLowerCase()
					+ ": this sign-off is not its next step");
		}
		if (signers(record).contains(user.getUsername().toLowerCase(Locale.ROOT))) {
			throw new ConflictException(null,
					"You have already signed this record; each sign-off must be by a different person");
		}
		return record;
	}

	private static Set<String> signers(DecisionView record) {
		return Arrays
			.asList(record.createdBy(), (record.consulted() != null) ? record.consulted().by() : null,
					(record.publication() != null) ? record.publication().by() : null,
					(record.decision() != null) ? record.decision().by() : null)
			.stream()
			.filter(Objects::nonNull)
			.map(name -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	private static void requireRole(CurrentUser user, Role... roles) {
		if (!user.hasAny(roles)) {
			throw new AccessDeniedException("Your role does not sign this step");
		}
	}

	private DecisionView correctable(String reference) {
		DecisionView corrected = get(reference);
		if (corrected.status() != DecisionStatus.DECIDED) {
			throw new ValidationException("correctsReference",
					"Only a decided record is corrected by a new one; change the draft " + reference + " instead");
		}
		return corrected;
	}

	private void check(DecisionDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.title() == null || draft.title().length() > 300) {
			errors.put("title", "Enter a title of up to 300 characters");
		}
		if (draft.decisionDate() == null) {
			errors.put("decisionDate", "Enter the date of the record");
		}
		if (draft.summary() == null) {
			errors.put("summary", "Enter the summary of the issue");
		}
		if (draft.recommendations() == null) {
			errors.put("recommendations", "Enter the recommendations");
		}
		if (draft.formulaRunId() != null) {
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
		refuse(errors);
	}

	private static void refuse(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	private DecisionView audited(String action, DecisionView before) {
		DecisionView after = get(before.reference());
		this.auditTrail.record(action, AUDIT_TYPE, before.reference(), snapshot(before), snapshot(after));
		return after;
	}

	private DecisionView view(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		Long runId = (rs.getString("attachment_ref") != null && "FORMULA_RUN".equals(rs.getString("attachment_type")))
				? Long.valueOf(rs.getString("attachment_ref")) : null;
		Long correctsId = (Long) rs.getObject("corrects_id");
		String corrects = (correctsId != null) ? this.jdbc.sql("select reference from decision_record where id = ?")
			.param(correctsId)
			.query(String.class)
			.single() : null;
		List<String> correctedBy = this.jdbc
			.sql("select reference from decision_record where corrects_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		DecisionDraft draft = new DecisionDraft(rs.getString("title"), rs.getDate("decision_date").toLocalDate(),
				rs.getString("officers_present"), rs.getString("summary"), rs.getString("recommendations"),
				rs.getString("discussion"), rs.getString("financial_implications"), runId, corrects,
				rs.getLong("version"));
		DecisionView.Consulted consulted = (rs.getString("consulted_by") != null)
				? new DecisionView.Consulted(rs.getString("consulted_name"), rs.getDate("consulted_on").toLocalDate(),
						rs.getString("consulted_by"))
				: null;
		DecisionView.PublicationDecision publication = null;
		if (rs.getString("publication_by") != null) {
			Set<Section> sections = EnumSet.noneOf(Section.class);
			String redacted = rs.getString("redacted_sections");
			if (redacted != null && !redacted.isBlank()) {
				for (String name : redacted.split(",")) {
					sections.add(Section.valueOf(name));
				}
			}
			publication = new DecisionView.PublicationDecision(Publication.valueOf(rs.getString("publish_record")),
					Publication.valueOf(rs.getString("publish_report")),
					Publication.valueOf(rs.getString("publish_details")), rs.getString("publication_reasons"), sections,
					rs.getDate("publication_on").toLocalDate(), rs.getString("publication_by"));
		}
		DecisionView.Decision decision = (rs.getString("decision") != null) ? new DecisionView.Decision(
				"SUPPORTED".equals(rs.getString("decision")), rs.getDate("decided_on").toLocalDate(),
				rs.getString("decision_comment"), rs.getString("decided_by")) : null;
		return new DecisionView(id, rs.getString("reference"), draft, DecisionStatus.valueOf(rs.getString("status")),
				rs.getString("created_by"), rs.getString("sent_back_reason"), consulted, publication, decision,
				corrects, correctedBy, rs.getLong("version"));
	}

	private static Map<String, Object> snapshot(DecisionView record) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("reference", record.reference());
		snapshot.put("status", record.status().name());
		snapshot.put("title", record.draft().title());
		snapshot.put("formulaRun", record.draft().formulaRunId());
		snapshot.put("consulted", (record.consulted() != null) ? record.consulted().name() : null);
		snapshot.put("publication", (record.publication() != null) ? record.publication().record().name() : null);
		snapshot.put("decision",
				(record.decision() != null) ? (record.decision().supported() ? "SUPPORTED" : "NOT_SUPPORTED") : null);
		return snapshot;
	}

}
