package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A grant round: its details, the top of its scoring scale and its status. Its themes,
 * criteria and the descriptions of its scale are rows of their own
 * ({@link RoundSetupStore}); changing any of them changes the round too, so that its
 * version says whether anything of its setup changed since it was read. Only a draft's
 * setup changes.
 */
@Entity
@Table(name = "grant_round")
class GrantRound {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String reference;

	@Column(nullable = false)
	private String title;

	@Column(name = "financial_year", nullable = false, updatable = false)
	private int financialYear;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private PurchasingRoute route;

	@Column(name = "stream_id", nullable = false)
	private long streamId;

	@Column(nullable = false)
	private Money budget;

	@Column(name = "min_award", nullable = false)
	private Money minAward;

	@Column(name = "max_award", nullable = false)
	private Money maxAward;

	@Column(name = "opens_at", nullable = false)
	private Instant opensAt;

	@Column(name = "closes_at", nullable = false)
	private Instant closesAt;

	@Column(nullable = false)
	private String guidance;

	@Column(nullable = false)
	private String eligibility;

	@Column(name = "scale_max", nullable = false)
	private int scaleMax;

	@Column(name = "min_reviewers", nullable = false)
	private int minReviewers;

	@Column(name = "moderation_gap", nullable = false)
	private BigDecimal moderationGap;

	@Column(name = "blind_review", nullable = false)
	private boolean blindReview;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RoundStatus status;

	@Column(name = "opened_by")
	private String openedBy;

	@Column(name = "opened_at")
	private Instant openedAt;

	@Column(name = "closed_by")
	private String closedBy;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "close_reason")
	private String closeReason;

	@Column(name = "cancelled_by")
	private String cancelledBy;

	@Column(name = "cancelled_at")
	private Instant cancelledAt;

	@Column(name = "cancel_reason")
	private String cancelReason;

	@Column(name = "assessed_by")
	private String assessedBy;

	@Column(name = "assessed_at")
	private Instant assessedAt;

	@Column(name = "panel_meets_on")
	private java.time.LocalDate panelMeetsOn;

	@Column(name = "taken_to_panel_by")
	private String takenToPanelBy;

	@Column(name = "taken_to_panel_at")
	private Instant takenToPanelAt;

	@Column(name = "decision_reference")
	private String decisionReference;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Version
	private long version;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected GrantRound() {
	}

	GrantRound(String reference, int financialYear, RoundDetails details, Instant now, String by) {
		this.reference = reference;
		this.financialYear = financialYear;
		this.scaleMax = RoundScale.DEFAULT.max();
		this.status = RoundStatus.DRAFT;
		this.createdBy = by;
		this.createdAt = now;
		take(details, now, by);
	}

	/** Takes new details; refused unless the round is a draft. */
	void change(RoundDetails details, Instant now, String by) {
		mustBeDraft();
		take(details, now, by);
	}

	/**
	 * Records that its themes, criteria or scale changed, so that its version moves;
	 * refused unless the round is a draft.
	 */
	void setupChanged(Instant now, String by) {
		mustBeDraft();
		touch(now, by);
	}

	/** Moves the top of the scale; the points are replaced with it. */
	void rescale(int max, Instant now, String by) {
		setupChanged(now, by);
		this.scaleMax = max;
	}

	/**
	 * Opens the round to applications: refused unless it is a draft whose setup is
	 * complete ({@code missing} says what is not) and whose closing time is still to
	 * come.
	 */
	void open(List<String> missing, Instant now, String by) {
		mustBecome(RoundStatus.OPEN);
		if (!missing.isEmpty()) {
			throw new ValidationException("form", this.reference + " cannot open yet: " + String.join("; ", missing));
		}
		if (!this.closesAt.isAfter(now)) {
			throw new ValidationException("form", this.reference + " closes on " + Dates.dayAndTime(this.closesAt)
					+ ", which has passed: change its closing time before it opens");
		}
		this.status = RoundStatus.OPEN;
		this.openedBy = by;
		this.openedAt = now;
		touch(now, by);
	}

	/**
	 * Moves an open round's closing time later, with a reason applicants and the Panel
	 * can read; returns the closing time it moved from.
	 */
	Instant closeLater(Instant closesAt, String reason, Instant now, String by) {
		if (this.status != RoundStatus.OPEN) {
			throw new ConflictException(null, this.reference + " is " + this.status.label().toLowerCase()
					+ ": only an open round's closing time moves");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (!closesAt.isAfter(this.closesAt)) {
			errors.put("closes", "Enter a closing time after " + Dates.dayAndTime(this.closesAt)
					+ ", when the round closes now: a closing time only moves later");
		}
		else if (!closesAt.isAfter(now)) {
			errors.put("closes", "Enter a closing time that is still to come");
		}
		if (reason == null || reason.isBlank()) {
			errors.put("reason", "Say why the closing time moves: applicants and the Panel will read it");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		Instant from = this.closesAt;
		this.closesAt = closesAt;
		touch(now, by);
		return from;
	}

	/**
	 * Closes an open round: no more applications are submitted. Before its closing time
	 * an officer says why it closes early.
	 */
	void close(String reason, Instant now, String by) {
		mustBecome(RoundStatus.CLOSED);
		if (now.isBefore(this.closesAt) && (reason == null || reason.isBlank())) {
			throw new ValidationException("reason", "Say why " + this.reference + " closes before "
					+ Dates.dayAndTime(this.closesAt) + ": applicants still writing lose the chance to apply");
		}
		this.status = RoundStatus.CLOSED;
		this.closedBy = by;
		this.closedAt = now;
		this.closeReason = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		touch(now, by);
	}

	/** Cancels a draft or open round, with a reason; nothing more happens in it. */
	void cancel(String reason, Instant now, String by) {
		mustBecome(RoundStatus.CANCELLED);
		if (reason == null || reason.isBlank()) {
			throw new ValidationException("reason", "Say why " + this.reference + " is cancelled");
		}
		this.status = RoundStatus.CANCELLED;
		this.cancelledBy = by;
		this.cancelledAt = now;
		this.cancelReason = reason.strip();
		touch(now, by);
	}

	/**
	 * Marks a closed round assessed once nothing is outstanding ({@code outstanding} says
	 * what is): its ranked list goes to the panel as it stands.
	 */
	void assess(List<String> outstanding, Instant now, String by) {
		mustBecome(RoundStatus.ASSESSED);
		if (!outstanding.isEmpty()) {
			throw new ValidationException("form",
					this.reference + " cannot be marked assessed yet: " + String.join("; ", outstanding));
		}
		this.status = RoundStatus.ASSESSED;
		this.assessedBy = by;
		this.assessedAt = now;
		touch(now, by);
	}

	/**
	 * Takes an assessed round to the Review Panel, which meets on {@code meetsOn};
	 * {@code missing} says what the panel still needs (its members, a chair).
	 */
	void toPanel(List<String> missing, java.time.LocalDate meetsOn, Instant now, String by) {
		mustBecome(RoundStatus.AT_PANEL);
		if (!missing.isEmpty()) {
			throw new ValidationException("form",
					this.reference + " cannot go to the panel yet: " + String.join("; ", missing));
		}
		this.status = RoundStatus.AT_PANEL;
		this.panelMeetsOn = meetsOn;
		this.takenToPanelBy = by;
		this.takenToPanelAt = now;
		touch(now, by);
	}

	/**
	 * Puts a round at the panel in the decision record drafted from it; {@code missing}
	 * says what the record still needs (a recommendation for each application, the awards
	 * within the budget).
	 */
	void putInDecision(String reference, List<String> missing, Instant now, String by) {
		mayPutInDecision(missing);
		this.status = RoundStatus.IN_DECISION;
		this.decisionReference = reference;
		touch(now, by);
	}

	/** Refuses as {@link #putInDecision} would, changing nothing. */
	void mayPutInDecision(List<String> missing) {
		mustBecome(RoundStatus.IN_DECISION);
		if (!missing.isEmpty()) {
			throw new ValidationException("form",
					this.reference + " cannot be put to a decision yet: " + String.join("; ", missing));
		}
	}

	/**
	 * The record the round is in was decided Supported; false (nothing changes) when the
	 * round is already decided by it.
	 */
	boolean decided(String reference, Instant now, String by) {
		if (this.status == RoundStatus.DECIDED && reference.equals(this.decisionReference)) {
			return false;
		}
		inRecord(reference, RoundStatus.DECIDED);
		this.status = RoundStatus.DECIDED;
		this.decidedAt = now;
		touch(now, by);
		return true;
	}

	/**
	 * The record the round is in was sent back or not supported: the round is at the
	 * panel again, its recommendations open to change; false when it is not in that
	 * record.
	 */
	boolean backToPanel(String reference, Instant now, String by) {
		if (this.status != RoundStatus.IN_DECISION || !reference.equals(this.decisionReference)) {
			return false;
		}
		this.status = RoundStatus.AT_PANEL;
		this.decisionReference = null;
		touch(now, by);
		return true;
	}

	private void inRecord(String reference, RoundStatus next) {
		mustBecome(next);
		if (!reference.equals(this.decisionReference)) {
			throw new ConflictException(null,
					this.reference + " is in decision record " + this.decisionReference + ", not " + reference);
		}
	}

	private void mustBecome(RoundStatus next) {
		if (!this.status.canBecome(next)) {
			throw new ConflictException(null,
					this.reference + " is " + this.status.label().toLowerCase() + ": it cannot be " + next.moveWord());
		}
	}

	private void take(RoundDetails details, Instant now, String by) {
		details.check();
		this.title = details.title();
		this.route = details.route();
		this.streamId = details.streamId();
		this.budget = details.budget();
		this.minAward = details.minAward();
		this.maxAward = details.maxAward();
		this.opensAt = details.opensAt();
		this.closesAt = details.closesAt();
		this.guidance = details.guidance();
		this.eligibility = details.eligibility();
		this.minReviewers = details.minReviewers();
		this.moderationGap = details.moderationGap();
		this.blindReview = details.blindReview();
		touch(now, by);
	}

	/**
	 * Marks the round changed, so that saving it moves its version on: the time moves
	 * forward even when the clock reads the same moment twice.
	 */
	private void touch(Instant now, String by) {
		this.updatedAt = (this.updatedAt == null || now.isAfter(this.updatedAt)) ? now : this.updatedAt.plusNanos(1000);
		this.updatedBy = by;
	}

	private void mustBeDraft() {
		if (!this.status.setupChanges()) {
			throw new ConflictException(null, this.reference + " is " + this.status.label().toLowerCase()
					+ ": only a draft round's setup changes");
		}
	}

	RoundStatus getStatus() {
		return this.status;
	}

	Instant getClosesAt() {
		return this.closesAt;
	}

	Long getId() {
		return this.id;
	}

	String getReference() {
		return this.reference;
	}

	String getTitle() {
		return this.title;
	}

	long getVersion() {
		return this.version;
	}

	String getUpdatedBy() {
		return this.updatedBy;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
