package uk.opcc.cspgrants.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.SeparationOfDuties;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A decision record and its four sign-offs: drafted by an officer, "consulted" by the
 * Chief Finance Officer, given a publication decision by the Monitoring Officer, and
 * decided by the Commissioner, each by a different person. Each step is a method here,
 * allowed only from the status before it ({@link DecisionStatus}), and moves the record's
 * version on, so two people signing at once meet at the version. Once decided it never
 * changes (the database refuses it too); a correction is a new record.
 */
@Entity
@Table(name = "decision_record")
class DecisionRecord {

	/** No decision record of this service is dated before this. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** The attachment type of a formula run's allocation table. */
	static final String FORMULA_RUN = "FORMULA_RUN";

	/** The longest text a record's sections may hold. */
	static final int LONGEST_SECTION = 20_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String reference;

	@Column(name = "reference_year", nullable = false, updatable = false)
	private int referenceYear;

	@Column(nullable = false, updatable = false)
	private int sequence;

	@Column(nullable = false)
	private String title;

	@Column(name = "decision_date", nullable = false)
	private LocalDate decisionDate;

	@Column(name = "officers_present")
	private String officersPresent;

	@Column(nullable = false)
	private String summary;

	@Column(nullable = false)
	private String recommendations;

	private String discussion;

	@Column(name = "financial_implications")
	private String financialImplications;

	@Column(name = "attachment_type")
	private String attachmentType;

	@Column(name = "attachment_ref")
	private String attachmentRef;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DecisionStatus status;

	@Column(name = "corrects_id", updatable = false)
	private Long correctsId;

	@Column(name = "sent_back_reason")
	private String sentBackReason;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "consulted_by")
	private String consultedBy;

	@Column(name = "consulted_name")
	private String consultedName;

	@Column(name = "consulted_on")
	private LocalDate consultedOn;

	@Enumerated(EnumType.STRING)
	@Column(name = "publish_record")
	private Publication publishRecord;

	@Enumerated(EnumType.STRING)
	@Column(name = "publish_report")
	private Publication publishReport;

	@Enumerated(EnumType.STRING)
	@Column(name = "publish_details")
	private Publication publishDetails;

	@Column(name = "publication_reasons")
	private String publicationReasons;

	@Column(name = "redacted_sections")
	private String redactedSections;

	@Column(name = "publication_by")
	private String publicationBy;

	@Column(name = "publication_on")
	private LocalDate publicationOn;

	@Enumerated(EnumType.STRING)
	@Column(name = "decision")
	private Outcome outcome;

	@Column(name = "decided_on")
	private LocalDate decidedOn;

	@Column(name = "decision_comment")
	private String decisionComment;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "times_sent_back", nullable = false)
	private int timesSentBack;

	@Version
	private long version;

	protected DecisionRecord() {
	}

	/**
	 * A new draft with its reference, e.g. EXE0019-24.
	 * @param today today's date, which the record's date is checked against
	 */
	DecisionRecord(String reference, int referenceYear, int sequence, DecisionDraft draft, Long correctsId,
			String drafter, Instant at, LocalDate today) {
		this.reference = reference;
		this.referenceYear = referenceYear;
		this.sequence = sequence;
		this.correctsId = correctsId;
		this.createdBy = drafter;
		this.createdAt = at;
		this.status = DecisionStatus.DRAFT;
		apply(draft, today);
	}

	/** Changes a draft. */
	void change(DecisionDraft draft, LocalDate today) {
		if (this.status != DecisionStatus.DRAFT) {
			throw new ConflictException(null, "Only a draft can be changed; " + this.reference + " is "
					+ this.status.label().toLowerCase(Locale.UK) + ". Ask for it to be sent back first.");
		}
		apply(draft, today);
	}

	/** The Chief Executive's or Chief Finance Officer's "consulted" sign-off. */
	void consult(String name, LocalDate on, CurrentUser by, LocalDate today) {
		signOff(DecisionStatus.DRAFT, by);
		Map<String, String> errors = new LinkedHashMap<>();
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			errors.put("name", "Enter the name of the Chief Executive or Chief Finance Officer consulted, "
					+ "up to 200 characters");
		}
		signedOn("on", on, today, errors);
		refuse(errors);
		this.status = DecisionStatus.CONSULTED;
		this.consultedBy = by.getUsername();
		this.consultedName = name.strip();
		this.consultedOn = on;
		this.sentBackReason = null;
	}

	/**
	 * The Monitoring Officer's decision on publishing the record, the report and the
	 * decision details, with reasons citing legislation for anything withheld.
	 */
	void decidePublication(Publication record, Publication report, Publication details, String reasons,
			Set<Section> redacted, LocalDate on, CurrentUser by, LocalDate today) {
		signOff(DecisionStatus.CONSULTED, by);
		Map<String, String> errors = new LinkedHashMap<>();
		if (record == null || report == null || details == null) {
			errors.put("record", "Decide Yes, Part redacted or No for the record, the report and the decision details");
		}
		boolean allYes = record == Publication.YES && report == Publication.YES && details == Publication.YES;
		String why = (reasons == null || reasons.isBlank()) ? null : reasons.strip();
		if (!allYes && (why == null || !why.toLowerCase(Locale.UK).matches("(?s).*\\b(act|regulations?)\\b.*"))) {
			errors.put("reasons", "Give the reasons for not publishing in full, citing the legislation "
					+ "(for example: Freedom of Information Act 2000, section 40)");
		}
		else if (why != null && why.length() > 4000) {
			errors.put("reasons", "The reasons must be 4,000 characters or fewer");
		}
		boolean partly = record == Publication.PART_REDACTED || report == Publication.PART_REDACTED
				|| details == Publication.PART_REDACTED;
		Set<Section> sections = EnumSet.noneOf(Section.class);
		if (partly && redacted != null) {
			sections.addAll(redacted);
		}
		if (partly && sections.isEmpty()) {
			errors.put("redacted", "Choose the sections to redact");
		}
		signedOn("on", on, today, errors);
		refuse(errors);
		this.status = DecisionStatus.PUBLICATION_DECIDED;
		this.publishRecord = record;
		this.publishReport = report;
		this.publishDetails = details;
		this.publicationReasons = why;
		this.redactedSections = sections.stream().map(Section::name).collect(Collectors.joining(","));
		this.publicationBy = by.getUsername();
		this.publicationOn = on;
		this.sentBackReason = null;
	}

	/** The Commissioner's decision, after which the record never changes. */
	void decide(Outcome decided, LocalDate on, String comment, CurrentUser by, LocalDate today) {
		signOff(DecisionStatus.PUBLICATION_DECIDED, by);
		Map<String, String> errors = new LinkedHashMap<>();
		if (decided == null) {
			errors.put("decision", "Choose Supported or Not supported");
		}
		String text = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (text != null && text.length() > 4000) {
			errors.put("comment", "The comment must be 4,000 characters or fewer");
		}
		signedOn("on", on, today, errors);
		refuse(errors);
		this.status = DecisionStatus.DECIDED;
		this.outcome = decided;
		this.decidedOn = on;
		this.decisionComment = text;
		this.decidedBy = by.getUsername();
		this.sentBackReason = null;
	}

	/** Sends the record back to draft, with a reason, by whoever's sign-off is next. */
	void sendBack(String reason) {
		if (this.status == DecisionStatus.DECIDED || this.status == DecisionStatus.DRAFT) {
			throw new ConflictException(null,
					"Only a record awaiting the Monitoring Officer or the Commissioner can be sent back");
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
			throw new ValidationException("reason", "Say why the record is sent back, in up to 1,000 characters");
		}
		this.status = DecisionStatus.DRAFT;
		this.sentBackReason = reason.strip();
		this.timesSentBack++;
		this.consultedBy = null;
		this.consultedName = null;
		this.consultedOn = null;
		this.publishRecord = null;
		this.publishReport = null;
		this.publishDetails = null;
		this.publicationReasons = null;
		this.redactedSections = null;
		this.publicationBy = null;
		this.publicationOn = null;
	}

	/**
	 * Whose sign-off this is: the step must come next, and nobody signs a record twice
	 * (the drafter included).
	 */
	private void signOff(DecisionStatus expected, CurrentUser by) {
		if (this.status != expected) {
			throw new ConflictException(null, this.reference + " is " + this.status.label().toLowerCase(Locale.UK)
					+ ": this sign-off is not its next step");
		}
		for (String signer : signers()) {
			if (SeparationOfDuties.samePerson(signer, by.getUsername())) {
				throw new ConflictException(null,
						"You have already signed this record; each sign-off must be by a different person");
			}
		}
	}

	/** Everyone who has put their name to the record so far. */
	List<String> signers() {
		return Arrays.asList(this.createdBy, this.consultedBy, this.publicationBy, this.decidedBy)
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	/** What is wrong with a draft, field by field, in the order of the form. */
	static Map<String, String> problems(DecisionDraft draft, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.title() == null || draft.title().length() > 300) {
			errors.put("title", "Enter a title of up to 300 characters");
		}
		if (draft.decisionDate() == null) {
			errors.put("decisionDate", "Enter the date of the record");
		}
		else if (draft.decisionDate().isBefore(EARLIEST) || draft.decisionDate().isAfter(today.plusYears(1))) {
			errors.put("decisionDate", "The date of the record must be between " + Dates.day(EARLIEST)
					+ " and a year from today (" + Dates.day(today.plusYears(1)) + ")");
		}
		if (draft.officersPresent() != null && draft.officersPresent().length() > 500) {
			errors.put("officersPresent", "The officers present must be 500 characters or fewer");
		}
		section(errors, "summary", draft.summary(), "Enter the summary of the issue", true);
		section(errors, "recommendations", draft.recommendations(), "Enter the recommendations", true);
		section(errors, "discussion", draft.discussion(), null, false);
		section(errors, "financialImplications", draft.financialImplications(), null, false);
		return errors;
	}

	private void apply(DecisionDraft draft, LocalDate today) {
		refuse(problems(draft, today));
		this.title = draft.title();
		this.decisionDate = draft.decisionDate();
		this.officersPresent = draft.officersPresent();
		this.summary = draft.summary();
		this.recommendations = draft.recommendations();
		this.discussion = draft.discussion();
		this.financialImplications = draft.financialImplications();
		if (attachedElsewhere()) {
			// what another module attached (an award schedule) stays attached when the
			// text is changed; a formula run cannot be attached as well
			if (draft.formulaRunId() != null) {
				throw new ValidationException("formulaRunId",
						"This record has " + describedAttachment() + " attached; it cannot decide a formula run too");
			}
			return;
		}
		this.attachmentType = (draft.formulaRunId() != null) ? FORMULA_RUN : null;
		this.attachmentRef = (draft.formulaRunId() != null) ? draft.formulaRunId().toString() : null;
	}

	/**
	 * Attaches what another module asked the record to decide (type and reference, e.g.
	 * {@code AWARD_SCHEDULE} and the schedule's id), when it is drafted.
	 */
	void attach(String type, String ref) {
		if (type == null || type.isBlank() || ref == null || ref.isBlank() || FORMULA_RUN.equals(type)) {
			throw new IllegalArgumentException("An attachment needs a type other than a formula run, and a reference");
		}
		if (this.attachmentType != null) {
			throw new ValidationException("formulaRunId",
					"This record already has " + describedAttachment() + " attached");
		}
		this.attachmentType = type;
		this.attachmentRef = ref;
	}

	/** Whether something other than a formula run is attached. */
	private boolean attachedElsewhere() {
		return this.attachmentType != null && !FORMULA_RUN.equals(this.attachmentType);
	}

	private String describedAttachment() {
		return FORMULA_RUN.equals(this.attachmentType) ? "formula run " + this.attachmentRef
				: this.attachmentType.toLowerCase(Locale.UK).replace('_', ' ') + " " + this.attachmentRef;
	}

	private static void section(Map<String, String> errors, String field, String text, String missing,
			boolean required) {
		if (text == null) {
			if (required) {
				errors.put(field, missing);
			}
		}
		else if (text.length() > LONGEST_SECTION) {
			errors.put(field, "This section must be 20,000 characters or fewer; it has "
					+ String.format(Locale.UK, "%,d", text.length()));
		}
	}

	/**
	 * A sign-off is dated today or earlier, and no earlier than a year before the record.
	 */
	private void signedOn(String field, LocalDate on, LocalDate today, Map<String, String> errors) {
		if (on == null) {
			errors.put(field, "Enter the date of the sign-off");
		}
		else if (on.isAfter(today)) {
			errors.put(field, "The date of the sign-off cannot be in the future");
		}
		else if (on.isBefore(this.decisionDate.minusYears(1))) {
			errors.put(field, "The date of the sign-off cannot be more than a year before the record's date ("
					+ Dates.day(this.decisionDate) + ")");
		}
	}

	private static void refuse(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	Long id() {
		return this.id;
	}

	/** How many times the record has been sent back: its round of sign-offs. */
	int timesSentBack() {
		return this.timesSentBack;
	}

	String reference() {
		return this.reference;
	}

	long version() {
		return this.version;
	}

	Long correctsId() {
		return this.correctsId;
	}

	DecisionStatus status() {
		return this.status;
	}

	Outcome outcome() {
		return this.outcome;
	}

	Long formulaRunId() {
		return FORMULA_RUN.equals(this.attachmentType) && this.attachmentRef != null ? Long.valueOf(this.attachmentRef)
				: null;
	}

	String attachmentType() {
		return this.attachmentType;
	}

	String attachmentRef() {
		return this.attachmentRef;
	}

	/**
	 * The record as shown.
	 * @param corrects the reference of the record this one corrects, if any
	 * @param correctedBy the references of records that correct this one
	 */
	DecisionView toView(String corrects, List<String> correctedBy) {
		DecisionDraft draft = new DecisionDraft(this.title, this.decisionDate, this.officersPresent, this.summary,
				this.recommendations, this.discussion, this.financialImplications, formulaRunId(), corrects,
				this.version);
		DecisionView.Consulted consulted = (this.consultedBy != null)
				? new DecisionView.Consulted(this.consultedName, this.consultedOn, this.consultedBy) : null;
		DecisionView.PublicationDecision publication = null;
		if (this.publicationBy != null) {
			Set<Section> sections = EnumSet.noneOf(Section.class);
			if (this.redactedSections != null && !this.redactedSections.isBlank()) {
				for (String name : this.redactedSections.split(",")) {
					sections.add(Section.valueOf(name));
				}
			}
			publication = new DecisionView.PublicationDecision(this.publishRecord, this.publishReport,
					this.publishDetails, this.publicationReasons, Collections.unmodifiableSet(sections),
					this.publicationOn, this.publicationBy);
		}
		DecisionView.Decision decision = (this.outcome != null) ? new DecisionView.Decision(
				this.outcome == Outcome.SUPPORTED, this.decidedOn, this.decisionComment, this.decidedBy) : null;
		return new DecisionView((this.id != null) ? this.id : 0, this.reference, draft, this.status, this.createdBy,
				this.sentBackReason, consulted, publication, decision, corrects, correctedBy, this.version,
				this.attachmentType, this.attachmentRef);
	}

	/** What the audit trail records of the record, before and after a step. */
	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("reference", this.reference);
		snapshot.put("status", this.status.name());
		snapshot.put("title", this.title);
		snapshot.put("formulaRun", formulaRunId());
		if (attachedElsewhere()) {
			snapshot.put("attachment", this.attachmentType + " " + this.attachmentRef);
		}
		snapshot.put("consulted", this.consultedName);
		snapshot.put("publication", (this.publishRecord != null) ? this.publishRecord.name() : null);
		snapshot.put("decision", (this.outcome != null) ? this.outcome.name() : null);
		return snapshot;
	}

}
