package uk.opcc.cspgrants.rounds.applying;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.CascadeType;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.ListIndexBase;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * An application to a grant round: its applicant, its status, and the answers of its
 * tasks (organisation, contact, project, funding with budget lines, outcomes), each task
 * saved as a whole as the applicant goes. Only a draft's answers change; a task is
 * complete once saved, since each page refuses what is missing.
 */
@Entity
@Table(name = "application")
class Application {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "round_id", nullable = false, updatable = false)
	private long roundId;

	@Column(name = "applicant_user_id", nullable = false, updatable = false)
	private long applicantUserId;

	@Column(name = "start_key", nullable = false, updatable = false)
	private UUID startKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ApplicationStatus status;

	@Column(name = "organisation_name")
	private String organisationName;

	@Enumerated(EnumType.STRING)
	@Column(name = "organisation_type")
	private OrganisationType organisationType;

	@Column(name = "charity_number")
	private String charityNumber;

	@Column(name = "company_number")
	private String companyNumber;

	@Column(name = "organisation_address")
	private String organisationAddress;

	/** The Community Safety Partnership a business case comes from. */
	@Column(name = "partnership_id")
	private Long partnershipId;

	@Formula("(select p.name from partnership p where p.id = partnership_id)")
	private String partnershipName;

	/** The purchasing route of its round: a business case's organisation is its CSP's. */
	@Formula("(select r.route from grant_round r where r.id = round_id)")
	private String roundRoute;

	@Column(name = "contact_name")
	private String contactName;

	@Column(name = "contact_role")
	private String contactRole;

	@Column(name = "contact_email")
	private String contactEmail;

	@Column(name = "contact_phone")
	private String contactPhone;

	@Column(name = "project_title")
	private String projectTitle;

	@Column(name = "project_summary")
	private String projectSummary;

	@Column(name = "theme_id")
	private Long themeId;

	@Column(name = "starts_on")
	private LocalDate startsOn;

	@Column(name = "ends_on")
	private LocalDate endsOn;

	@Column(name = "amount_requested")
	private Money amountRequested;

	@ElementCollection
	@CollectionTable(name = "application_budget_line", joinColumns = @JoinColumn(name = "application_id"))
	@OrderColumn(name = "position")
	@ListIndexBase(1)
	private List<BudgetLine> budgetLines = new ArrayList<>();

	@Column
	private String outcomes;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "application_id", nullable = false, updatable = false)
	@OrderBy("id")
	@BatchSize(size = 50)
	private List<ApplicationDocument> documents = new ArrayList<>();

	@Column
	private Integer number;

	@Column
	private String reference;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "submitted_by")
	private String submittedBy;

	@Column(name = "eligibility_reasons")
	private String eligibilityReasons;

	@Column(name = "eligibility_decided_by")
	private String eligibilityDecidedBy;

	@Column(name = "eligibility_decided_at")
	private Instant eligibilityDecidedAt;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	static final int MAX_DOCUMENTS = 10;

	protected Application() {
	}

	Application(long roundId, PurchasingRoute route, long applicantUserId, UUID startKey, Instant now) {
		this.roundId = roundId;
		this.roundRoute = route.name();
		this.applicantUserId = applicantUserId;
		this.startKey = startKey;
		this.status = ApplicationStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void answer(Answers.Organisation answers, Instant now) {
		mustBeDraft();
		if (businessCase()) {
			throw new ValidationException("name", "A business case comes from a Community Safety Partnership: "
					+ "choose the partnership, and its lead authority is the organisation");
		}
		setOrganisation(answers);
		touch(now);
	}

	/**
	 * The partnership a business case comes from, and the lead authority the grant is
	 * paid to as its organisation.
	 */
	void answer(Answers.Partnership answers, Instant now) {
		mustBeDraft();
		if (!businessCase()) {
			throw new ValidationException("partnershipId",
					"Only a business case to a CSP business case round comes from a partnership");
		}
		this.partnershipId = answers.partnershipId();
		this.partnershipName = answers.partnershipName();
		setOrganisation(answers.leadAuthority());
		touch(now);
	}

	/** True when it is a CSP's business case (its round's route). */
	boolean businessCase() {
		return PurchasingRoute.CSP_BUSINESS_CASE.name().equals(this.roundRoute);
	}

	private void setOrganisation(Answers.Organisation answers) {
		this.organisationName = answers.name();
		this.organisationType = answers.type();
		this.charityNumber = answers.charityNumber();
		this.companyNumber = answers.companyNumber();
		this.organisationAddress = answers.address();
	}

	void answer(Answers.Contact answers, Instant now) {
		mustBeDraft();
		this.contactName = answers.name();
		this.contactRole = answers.role();
		this.contactEmail = answers.email();
		this.contactPhone = answers.phone();
		touch(now);
	}

	void answer(Answers.Project answers, Instant now) {
		mustBeDraft();
		this.projectTitle = answers.title();
		this.projectSummary = answers.summary();
		this.themeId = answers.themeId();
		this.startsOn = answers.startsOn();
		this.endsOn = answers.endsOn();
		touch(now);
	}

	void answer(Answers.Funding answers, Instant now) {
		mustBeDraft();
		this.amountRequested = answers.amount();
		this.budgetLines.clear();
		this.budgetLines.addAll(answers.lines());
		touch(now);
	}

	void answerOutcomes(String outcomes, Instant now) {
		mustBeDraft();
		this.outcomes = outcomes;
		touch(now);
	}

	/**
	 * Attaches a checked file as a document of a kind, while a draft: the same file once,
	 * and at most ten.
	 */
	void attach(DocumentKind kind, CheckedDocument file, String by, Instant now) {
		mustBeDraft();
		for (ApplicationDocument document : this.documents) {
			if (document.getSha256().equals(file.sha256())) {
				DocumentView attached = document.view();
				throw new ConflictException("file",
						"This file is already attached to your application, as “" + attached.fileName() + "” ("
								+ attached.kind().label().toLowerCase() + ") uploaded on "
								+ Dates.dayAndTime(attached.uploadedAt()));
			}
		}
		if (this.documents.size() >= MAX_DOCUMENTS) {
			throw new ValidationException("file",
					"You can upload up to " + MAX_DOCUMENTS + " files: remove one before you upload another");
		}
		this.documents.add(new ApplicationDocument(kind, file, by, now));
		touch(now);
	}

	/** The document whose bytes have the SHA-256 given. */
	ApplicationDocument document(String sha256) {
		return this.documents.stream()
			.filter(document -> document.getSha256().equals(sha256))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No document " + sha256));
	}

	/** Removes a document while a draft; one no longer attached is a conflict. */
	DocumentView remove(long documentId, Instant now) {
		mustBeDraft();
		ApplicationDocument document = this.documents.stream()
			.filter(one -> one.getId() == documentId)
			.findFirst()
			.orElseThrow(() -> new ConflictException(null, "That file is no longer attached to your application: "
					+ "it was removed, perhaps in another window or tab"));
		this.documents.remove(document);
		touch(now);
		return document.view();
	}

	/**
	 * Submits a complete draft to its round while the round takes applications, under the
	 * round's next number; refused naming the sections still to do, or saying when the
	 * round closed.
	 */
	void submit(RoundView round, int next, Instant now, String by) {
		mustBeDraft();
		List<String> toDo = tasks().stream().filter(task -> !task.complete()).map(task -> task.name().title()).toList();
		if (!toDo.isEmpty()) {
			throw new ValidationException("form",
					"Complete every section before you submit: " + String.join(", ", toDo));
		}
		if (!round.takesApplications(now)) {
			throw new ConflictException(null,
					round.opensLater(now)
							? round.title() + " opens to applications on " + Dates.dayAndTime(round.opensAt())
									+ ": your application has not been submitted"
							: round.title() + " closed to applications at " + Dates.dayAndTime(round.closesAt())
									+ ": your application has not been submitted. You tried to submit it at "
									+ Dates.dayAndTime(now));
		}
		this.number = next;
		this.reference = round.reference() + "-" + String.format("%03d", next);
		this.submittedAt = now;
		this.submittedBy = by;
		this.status = ApplicationStatus.SUBMITTED;
		touch(now);
	}

	/**
	 * Records an officer's decision on whether a submitted application is eligible, or
	 * changes it, while its round is open or closed (not once its applications are being
	 * assessed); the same decision with the same reasons again is refused, naming who
	 * made it.
	 */
	void decideEligibility(EligibilityAnswer answer, RoundView round, String by, Instant now) {
		if (this.status != ApplicationStatus.SUBMITTED && this.status != ApplicationStatus.ELIGIBLE
				&& this.status != ApplicationStatus.INELIGIBLE) {
			throw new ConflictException(null,
					"This application is " + this.status.label().toLowerCase() + ": its eligibility no longer changes");
		}
		if (round.status() != RoundStatus.OPEN && round.status() != RoundStatus.CLOSED) {
			throw new ConflictException(null,
					round.title() + " is " + round.status().label().toLowerCase() + ": eligibility no longer changes");
		}
		ApplicationStatus decided = answer.eligible() ? ApplicationStatus.ELIGIBLE : ApplicationStatus.INELIGIBLE;
		if (decided == this.status && java.util.Objects.equals(answer.reasons(), this.eligibilityReasons)) {
			throw new ConflictException(null, "This application was already found " + decided.label().toLowerCase()
					+ " by " + this.eligibilityDecidedBy + " on " + Dates.dayAndTime(this.eligibilityDecidedAt));
		}
		this.status = decided;
		this.eligibilityReasons = answer.reasons();
		this.eligibilityDecidedBy = by;
		this.eligibilityDecidedAt = now;
		touch(now);
	}

	/**
	 * The round's decision record, decided Supported, awards the eligible application or
	 * does not; false (nothing changes) when it already has that outcome.
	 */
	boolean decideOutcome(boolean awarded, Instant now) {
		ApplicationStatus outcome = awarded ? ApplicationStatus.AWARDED : ApplicationStatus.NOT_AWARDED;
		if (this.status == outcome) {
			return false;
		}
		if (this.status != ApplicationStatus.ELIGIBLE) {
			throw new ConflictException(null,
					"Application " + this.reference + " is " + this.status.label().toLowerCase()
							+ ": a decision does not make it " + outcome.label().toLowerCase());
		}
		this.status = outcome;
		touch(now);
		return true;
	}

	/** The tasks of the application and whether each is complete, in the list's order. */
	List<TaskState> tasks() {
		return List.of(
				businessCase() ? TaskState.of(TaskName.PARTNERSHIP, this.partnershipId != null)
						: TaskState.of(TaskName.ORGANISATION, this.organisationName != null),
				TaskState.of(TaskName.CONTACT, this.contactName != null),
				TaskState.of(TaskName.PROJECT, this.projectTitle != null),
				TaskState.of(TaskName.FUNDING, this.amountRequested != null),
				TaskState.of(TaskName.OUTCOMES, this.outcomes != null),
				new TaskState(TaskName.DOCUMENTS, missingDocuments().isEmpty(), !this.documents.isEmpty()));
	}

	/** The kinds of document the organisation must still send. */
	Set<DocumentKind> missingDocuments() {
		Set<DocumentKind> missing = EnumSet.copyOf(DocumentKind.requiredFor(this.organisationType));
		this.documents.forEach(document -> missing.remove(document.getKind()));
		return missing;
	}

	void mustBeDraft() {
		if (this.status != ApplicationStatus.DRAFT) {
			throw new ConflictException(null, "This application is " + this.status.forApplicant().toLowerCase()
					+ ": its answers no longer change");
		}
	}

	/** Moves the time it changed on, so that saving it moves its version. */
	private void touch(Instant now) {
		this.updatedAt = now.isAfter(this.updatedAt) ? now : this.updatedAt.plusNanos(1000);
	}

	ApplicationView view() {
		return new ApplicationView(this.id, this.roundId, this.status, this.organisationName, this.organisationType,
				this.charityNumber, this.companyNumber, this.organisationAddress, this.partnershipId,
				this.partnershipName, this.contactName, this.contactRole, this.contactEmail, this.contactPhone,
				this.projectTitle, this.projectSummary, this.themeId, this.startsOn, this.endsOn, this.amountRequested,
				List.copyOf(this.budgetLines), this.outcomes,
				this.documents.stream().map(ApplicationDocument::view).toList(), List.copyOf(missingDocuments()),
				this.reference, this.submittedAt, this.eligibilityReasons, this.eligibilityDecidedBy,
				this.eligibilityDecidedAt, this.version, this.createdAt, this.updatedAt, tasks());
	}

	Long getId() {
		return this.id;
	}

	long getApplicantUserId() {
		return this.applicantUserId;
	}

	long getVersion() {
		return this.version;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
