package uk.opcc.cspgrants.allocation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.SeparationOfDuties;

/**
 * A formula run's life: made as a draft, approved by someone other than its maker,
 * superseded by a later approved run for the same year and purpose, or discarded while a
 * draft. Its figures, frozen when it was made, are written and read by {@link RunStore}
 * (hundreds of lines in batches); this entity holds only what changes, and changes it
 * only as {@link RunStatus#canBecome} allows, moving its version on so that two people
 * acting on one run at once meet at the version.
 */
@Entity
@Table(name = "formula_run")
class FormulaRun {

	@Id
	private Long id;

	@Column(name = "financial_year", nullable = false, insertable = false, updatable = false)
	private int financialYear;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, insertable = false, updatable = false)
	private RunPurpose purpose;

	@Column(name = "formula_version_id", insertable = false, updatable = false)
	private Long formulaVersionId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RunStatus status;

	@Column(name = "created_by", nullable = false, insertable = false, updatable = false)
	private String createdBy;

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Column(name = "approved_by")
	private String approvedBy;

	@Column(name = "superseded_at")
	private Instant supersededAt;

	@Column(name = "superseded_by")
	private Long supersededBy;

	@Version
	private long version;

	protected FormulaRun() {
	}

	/** A draft as the database holds it after {@link RunStore} made it (for tests). */
	FormulaRun(long id, FinancialYearAndPurpose made, String createdBy) {
		this.id = id;
		this.financialYear = made.year();
		this.purpose = made.purpose();
		this.status = RunStatus.DRAFT;
		this.createdBy = createdBy;
	}

	/** The year and purpose a run was made for. */
	record FinancialYearAndPurpose(int year, RunPurpose purpose) {
	}

	/**
	 * Approves the run. Nobody approves a run they made themselves.
	 */
	void approve(CurrentUser approver, Instant at) {
		refuseUnlessApprovableBy(approver);
		this.status = RunStatus.APPROVED;
		this.approvedBy = approver.getUsername();
		this.approvedAt = at;
	}

	/** Refuses, saying why, when this person may not approve the run now. */
	void refuseUnlessApprovableBy(CurrentUser approver) {
		requireCanBecome(RunStatus.APPROVED, "approved");
		SeparationOfDuties.refuseOwnProposal(this.createdBy, approver, "run " + this.id);
	}

	/** Marks an approved run as replaced by a later approved run. */
	void supersede(FormulaRun by, Instant at) {
		requireCanBecome(RunStatus.SUPERSEDED, "superseded");
		this.status = RunStatus.SUPERSEDED;
		this.supersededBy = by.id;
		this.supersededAt = at;
	}

	/** Throws a draft away; its figures go, the fact that it was made stays. */
	void discard() {
		requireCanBecome(RunStatus.DISCARDED, "discarded");
		this.status = RunStatus.DISCARDED;
	}

	private void requireCanBecome(RunStatus next, String verb) {
		if (!this.status.canBecome(next)) {
			throw new ConflictException(null, "Run " + this.id + " is " + this.status.label().toLowerCase()
					+ " and cannot be " + verb + ((this.status == RunStatus.DISCARDED) ? " any more" : ""));
		}
	}

	Long id() {
		return this.id;
	}

	RunStatus status() {
		return this.status;
	}

	RunPurpose purpose() {
		return this.purpose;
	}

	int financialYear() {
		return this.financialYear;
	}

	Long formulaVersionId() {
		return this.formulaVersionId;
	}

}
