package uk.opcc.cspgrants.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * A quarterly return for a grant to an organisation: spend to date, outcomes and
 * comments. Its figures change only while it is a draft or returned for correction; its
 * status moves only as {@link ReturnStatus#canBecome} allows (and the database's
 * {@code organisation_return_status_moves} rule), each move through a method here that
 * says, when refused, who took the step before.
 */
@Entity
@Table(name = "organisation_return")
class OrganisationReturn {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "grant_id", nullable = false, updatable = false)
	private long grantId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Quarter quarter;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReturnStatus status;

	@Column(name = "spend_to_date", nullable = false)
	private Money spendToDate;

	private String outcomes;

	private String comments;

	@Column(name = "status_reason")
	private String statusReason;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "submitted_by")
	private String submittedBy;

	@Column(name = "accepted_at")
	private Instant acceptedAt;

	@Column(name = "accepted_by")
	private String acceptedBy;

	protected OrganisationReturn() {
	}

	/** A new draft. */
	OrganisationReturn(long grantId, Quarter quarter, String by, Instant at) {
		this.grantId = grantId;
		this.quarter = quarter;
		this.status = ReturnStatus.DRAFT;
		this.spendToDate = Money.ZERO;
		this.createdAt = at;
		this.updatedAt = at;
		this.updatedBy = by;
	}

	/** Saves the figures of a draft or returned return. */
	void saveFigures(OrganisationReturnDetails details, String by, Instant at) {
		if (!this.status.editable()) {
			throw new ConflictException(null,
					"This return is " + this.status.label().toLowerCase()
							+ ((this.status == ReturnStatus.ACCEPTED)
									? ": an officer must re-open it before it can change"
									: ": it cannot change until an officer accepts it or returns it for correction"));
		}
		details.check();
		this.spendToDate = details.spendToDate();
		this.outcomes = details.outcomes();
		this.comments = details.comments();
		changed(by, at);
	}

	/** Submits it, once: a second submit is told who submitted it. */
	void submit(String byName, String by, Instant at) {
		if (this.status.received()) {
			throw new ConflictException(null, "This return has already been submitted by " + this.submittedBy
					+ ((this.status == ReturnStatus.ACCEPTED) ? " and accepted by " + this.acceptedBy : ""));
		}
		move(ReturnStatus.SUBMITTED, null, by, at);
		this.submittedAt = at;
		this.submittedBy = byName;
	}

	/** Accepts it, once: a second accept is told who accepted it. */
	void accept(String byName, String by, Instant at) {
		if (this.status == ReturnStatus.ACCEPTED) {
			throw new ConflictException(null, "This return has already been accepted by " + this.acceptedBy);
		}
		if (this.status != ReturnStatus.SUBMITTED) {
			throw new ConflictException(null,
					"Only a submitted return can be accepted: this one is " + this.status.label().toLowerCase());
		}
		move(ReturnStatus.ACCEPTED, null, by, at);
		this.acceptedAt = at;
		this.acceptedBy = byName;
	}

	void returnForCorrection(String reason, String by, Instant at) {
		String why = reason(reason, "Say what needs correcting");
		if (this.status != ReturnStatus.SUBMITTED) {
			throw new ConflictException(null, "Only a submitted return can be returned for correction: this one is "
					+ this.status.label().toLowerCase());
		}
		move(ReturnStatus.RETURNED, why, by, at);
	}

	void reopen(String reason, String by, Instant at) {
		String why = reason(reason, "Say why the accepted return is re-opened");
		if (this.status != ReturnStatus.ACCEPTED) {
			throw new ConflictException(null,
					"Only an accepted return can be re-opened: this one is " + this.status.label().toLowerCase());
		}
		move(ReturnStatus.DRAFT, why, by, at);
		this.acceptedAt = null;
		this.acceptedBy = null;
	}

	private void move(ReturnStatus next, String reason, String by, Instant at) {
		this.status = this.status.next(next);
		this.statusReason = reason;
		changed(by, at);
	}

	private void changed(String by, Instant at) {
		this.updatedBy = by;
		this.updatedAt = at.isAfter(this.updatedAt) ? at : this.updatedAt.plusNanos(1_000);
	}

	private static String reason(String reason, String message) {
		return ReturnStatus.reason(reason, message);
	}

	Long id() {
		return this.id;
	}

	long version() {
		return this.version;
	}

	/** Who changed it last, by username. */
	String updatedBy() {
		return this.updatedBy;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	ReturnStatus status() {
		return this.status;
	}

	OrganisationReturnView toView(OrganisationReturnGrant grant, LocalDate dueDate) {
		return new OrganisationReturnView((this.id != null) ? this.id : 0, this.grantId, grant.organisationId(),
				grant.organisationName(), grant.initiative(), grant.year(), this.quarter, this.status, grant.amount(),
				grant.inKind(), this.spendToDate, this.outcomes, this.comments, this.statusReason, dueDate,
				this.updatedAt, this.submittedBy, this.acceptedBy, this.version);
	}

	/** What the audit trail records of the return, before and after a change. */
	Map<String, Object> snapshot(OrganisationReturnGrant grant) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("organisation", grant.organisationName());
		snapshot.put("grant", this.grantId);
		snapshot.put("initiative", grant.initiative());
		snapshot.put("year", grant.year().toString());
		snapshot.put("quarter", this.quarter.name());
		snapshot.put("status", this.status.name());
		snapshot.put("spendToDate", this.spendToDate.amount());
		snapshot.put("reason", this.statusReason);
		return snapshot;
	}

}
