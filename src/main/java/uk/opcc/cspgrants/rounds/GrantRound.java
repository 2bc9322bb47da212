package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Instant;

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
import uk.opcc.cspgrants.shared.Money;

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
