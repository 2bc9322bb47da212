package uk.opcc.cspgrants.underspend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.SeparationOfDuties;

/**
 * A proposal to use a year's pot of underspend: named top-slices and a formula run that
 * splits the rest. An officer proposes and revises it; finance (never the proposer)
 * approves it; the Commissioner's decision supports it or not. Each step is a method
 * here, allowed only from the status before it, and moves the version on.
 */
@Entity
@Table(name = "redistribution")
class Redistribution {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "source_year", nullable = false, updatable = false)
	private int sourceYear;

	@Column(nullable = false)
	private Money pot;

	@Column(name = "pot_reason")
	private String potReason;

	@Column(name = "top_slice_budget")
	private Money topSliceBudget;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RedistributionView.Status status;

	@Column(name = "run_id")
	private Long runId;

	@Column(name = "decision_reference")
	private String decisionReference;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Column(name = "approved_by")
	private String approvedBy;

	@ElementCollection
	@CollectionTable(name = "redistribution_top_slice", joinColumns = @JoinColumn(name = "redistribution_id"))
	@OrderColumn(name = "line")
	@ListIndexBase(1)
	private List<TopSliceLine> topSlices = new ArrayList<>();

	@Version
	private long version;

	protected Redistribution() {
	}

	Redistribution(FinancialYear sourceYear, RedistributionPlan plan, long runId, String by, Instant at) {
		this.sourceYear = sourceYear.startYear();
		this.createdBy = by;
		this.createdAt = at;
		this.status = RedistributionView.Status.DRAFT;
		apply(plan, runId);
	}

	/**
	 * Revises a draft, or a proposal the Commissioner did not support, with a new split;
	 * returns the run of the split it replaces.
	 */
	Long revise(RedistributionPlan plan, long newRunId) {
		if (this.status != RedistributionView.Status.DRAFT && this.status != RedistributionView.Status.NOT_SUPPORTED) {
			throw new ConflictException(null,
					"Proposal " + this.id + " is " + this.status.label().toLowerCase() + " and cannot be revised");
		}
		Long replaced = this.runId;
		this.status = RedistributionView.Status.DRAFT;
		this.approvedBy = null;
		this.approvedAt = null;
		this.decisionReference = null;
		apply(plan, newRunId);
		return replaced;
	}

	/**
	 * Refuses, saying why, unless this person may approve the proposal now: it is a
	 * draft, they did not propose it, and the top-slices and the split add up to the pot.
	 * @param split what the proposal's formula run gives the partnerships
	 */
	void refuseUnlessApprovableBy(CurrentUser approver, Money split) {
		if (this.status != RedistributionView.Status.DRAFT) {
			throw new ConflictException(null, "Proposal " + this.id + " is " + this.status.label().toLowerCase());
		}
		SeparationOfDuties.refuseOwnProposal(this.createdBy, approver, "proposal " + this.id);
		if (!topSliced().plus(split).equals(this.pot)) {
			throw new ConflictException(null, "The top-slices and the split do not add up to the pot");
		}
	}

	/** Finance's approval, with the decision record drafted for it. */
	void approve(CurrentUser approver, Money split, String decisionReference, Instant at) {
		refuseUnlessApprovableBy(approver, split);
		this.status = RedistributionView.Status.APPROVED;
		this.approvedBy = approver.getUsername();
		this.approvedAt = at;
		this.decisionReference = decisionReference;
	}

	/**
	 * The Commissioner's decision on the proposal's record: Supported records the
	 * top-slices as awarded. Returns false when the proposal had this decision already.
	 */
	boolean decided(boolean supported, Instant at) {
		RedistributionView.Status next = supported ? RedistributionView.Status.SUPPORTED
				: RedistributionView.Status.NOT_SUPPORTED;
		if (this.status == next) {
			return false;
		}
		if (this.status != RedistributionView.Status.APPROVED) {
			throw new ConflictException(null, "Proposal " + this.id + " is " + this.status.label().toLowerCase()
					+ ": only an approved proposal is decided");
		}
		this.status = next;
		if (supported) {
			this.topSlices.forEach(slice -> slice.award(at));
		}
		return true;
	}

	private void apply(RedistributionPlan plan, long newRunId) {
		this.pot = plan.pot();
		this.potReason = plan.potReason();
		this.topSliceBudget = plan.topSliceBudget();
		this.runId = newRunId;
		this.topSlices.clear();
		plan.topSlices().forEach(slice -> this.topSlices.add(new TopSliceLine(slice)));
	}

	private Money topSliced() {
		return this.topSlices.stream().map(line -> line.toView().amount()).reduce(Money.ZERO, Money::plus);
	}

	Long id() {
		return this.id;
	}

	Long runId() {
		return this.runId;
	}

	String createdBy() {
		return this.createdBy;
	}

	FinancialYear sourceYear() {
		return new FinancialYear(this.sourceYear);
	}

	RedistributionView.Status status() {
		return this.status;
	}

	Money pot() {
		return this.pot;
	}

	List<TopSlice> topSliceViews() {
		return this.topSlices.stream().map(TopSliceLine::toView).toList();
	}

	/** The proposal as shown, with its run and each partnership's new total. */
	RedistributionView toView(uk.opcc.cspgrants.allocation.RunView run, List<RedistributionView.NewTotal> totals) {
		return new RedistributionView((this.id != null) ? this.id : 0, sourceYear(), this.pot, this.potReason,
				this.topSliceBudget, topSliceViews(), this.status, run, this.decisionReference, this.createdBy,
				this.approvedBy, totals, this.version);
	}

	/** What the audit trail records of the proposal, before and after a step. */
	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("sourceYear", sourceYear().toString());
		snapshot.put("pot", this.pot.amount());
		snapshot.put("topSlices", topSliceViews().stream().map(s -> s.recipient() + " " + s.amount()).toList());
		snapshot.put("remainder", this.pot.minus(topSliced()).amount());
		snapshot.put("run", this.runId);
		snapshot.put("status", this.status.name());
		snapshot.put("decision", this.decisionReference);
		return snapshot;
	}

}
