package uk.opcc.cspgrants.rounds.reviewing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A reviewer's assignment to an application: made by the service, then the reviewer's
 * declaration, no conflict (the application opens to them) or a conflict with its reason
 * (the assignment ends and another reviewer takes the application).
 */
@Entity
@Table(name = "review_assignment")
class ReviewAssignment {

	static final int MAX_REASON = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "round_id", nullable = false, updatable = false)
	private long roundId;

	@Column(name = "application_id", nullable = false, updatable = false)
	private long applicationId;

	@Column(name = "reviewer_id", nullable = false, updatable = false)
	private long reviewerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AssignmentStatus status;

	@Column(name = "conflict_reason")
	private String conflictReason;

	@Column(name = "declared_at")
	private Instant declaredAt;

	@Column(name = "assigned_by", nullable = false, updatable = false)
	private String assignedBy;

	@Column(name = "assigned_at", nullable = false, updatable = false)
	private Instant assignedAt;

	@Column(name = "replaces_assignment_id", updatable = false)
	private Long replacesAssignmentId;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "returned_reason")
	private String returnedReason;

	@Column(name = "returned_by")
	private String returnedBy;

	@Column(name = "returned_at")
	private Instant returnedAt;

	@ElementCollection
	@CollectionTable(name = "review_score", joinColumns = @JoinColumn(name = "assignment_id"))
	@MapKeyColumn(name = "position")
	private Map<Integer, Score> scores = new HashMap<>();

	@Version
	private long version;

	protected ReviewAssignment() {
	}

	ReviewAssignment(long roundId, long applicationId, long reviewerId, String by, Instant now, Long replaces) {
		this.roundId = roundId;
		this.applicationId = applicationId;
		this.reviewerId = reviewerId;
		this.status = AssignmentStatus.ASSIGNED;
		this.assignedBy = by;
		this.assignedAt = now;
		this.replacesAssignmentId = replaces;
	}

	/**
	 * The reviewer's declaration: no conflict, or a conflict with its reason; only once,
	 * while assigned.
	 */
	void declare(boolean conflict, String reason, Instant now) {
		if (this.status != AssignmentStatus.ASSIGNED) {
			throw new ConflictException(null,
					"You declared on " + Dates.dayAndTime(this.declaredAt)
							+ (this.status == AssignmentStatus.CONFLICTED ? " that you have a conflict of interest"
									: " that you have no conflict of interest")
							+ " with this application: a declaration is made once");
		}
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (conflict && why == null) {
			throw new ValidationException("reason", "Say what the conflict of interest is");
		}
		if (why != null && why.length() > MAX_REASON) {
			throw new ValidationException("reason", "The conflict must be described in 2,000 characters or fewer");
		}
		this.status = conflict ? AssignmentStatus.CONFLICTED : AssignmentStatus.DECLARED;
		this.conflictReason = conflict ? why : null;
		this.declaredAt = now;
	}

	/** Saves the scores given so far, while declared free of conflict. */
	void score(Map<Integer, Score> given) {
		mustBeDeclared();
		this.scores.keySet().retainAll(given.keySet());
		this.scores.putAll(given);
	}

	/** Submits the scores once every criterion of the round is scored. */
	void submit(int criteria, Instant now) {
		mustBeDeclared();
		if (this.scores.size() != criteria) {
			throw new ValidationException("form", "Score every criterion before you submit: " + this.scores.size()
					+ " of " + criteria + " are scored");
		}
		this.status = AssignmentStatus.SUBMITTED;
		this.submittedAt = now;
	}

	/**
	 * Returns submitted scores to their reviewer, with the officer's reason, for them to
	 * look at again and submit once more; their scores are kept as they were.
	 */
	void returnScores(String reason, Instant now, String by) {
		if (this.status != AssignmentStatus.SUBMITTED) {
			throw new ConflictException(null,
					(this.returnedAt != null && this.status == AssignmentStatus.DECLARED)
							? "These scores were returned by " + this.returnedBy + " on "
									+ Dates.dayAndTime(this.returnedAt) + ": the reviewer has not submitted them again"
							: "These scores are " + this.status.label().toLowerCase() + ": only submitted scores "
									+ "are returned");
		}
		String why = (reason == null) ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new ValidationException("reason", "Say why the scores go back: the reviewer reads it");
		}
		if (why.length() > MAX_REASON) {
			throw new ValidationException("reason", "The reason must be 2,000 characters or fewer");
		}
		this.status = AssignmentStatus.DECLARED;
		this.submittedAt = null;
		this.returnedReason = why;
		this.returnedBy = by;
		this.returnedAt = now;
	}

	private void mustBeDeclared() {
		if (this.status == AssignmentStatus.SUBMITTED) {
			throw new ConflictException(null,
					"You submitted your scores on " + Dates.dayAndTime(this.submittedAt) + ": they no longer change");
		}
		if (this.status != AssignmentStatus.DECLARED) {
			throw new ConflictException(null,
					"This review is " + this.status.label().toLowerCase() + ": it is not yours to score");
		}
	}

	Long getId() {
		return this.id;
	}

	long getVersion() {
		return this.version;
	}

	AssignmentView view() {
		return new AssignmentView(this.id, this.roundId, this.applicationId, this.reviewerId, this.status,
				this.conflictReason, this.declaredAt, this.assignedBy, this.assignedAt, this.replacesAssignmentId,
				this.submittedAt, new TreeMap<>(this.scores), this.returnedReason, this.returnedBy, this.returnedAt,
				this.version);
	}

}
