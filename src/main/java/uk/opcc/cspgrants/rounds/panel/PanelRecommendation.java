package uk.opcc.cspgrants.rounds.panel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The Review Panel's recommendation on one eligible application: fund it in full (the
 * amount asked for), in part (less than it), or not at all; with the reason, for the
 * minutes and the Commissioner, and feedback for the applicant. Changed from the version
 * read while the round is at the panel.
 */
@Entity
@Table(name = "panel_recommendation")
class PanelRecommendation {

	static final int MAX_TEXT = 5000;

	@Id
	@Column(name = "application_id")
	private Long applicationId;

	@Column(name = "round_id", nullable = false, updatable = false)
	private long roundId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Outcome outcome;

	@Column
	private Money amount;

	@Column(nullable = false)
	private String reason;

	@Column(nullable = false)
	private String feedback;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	/**
	 * Null until first saved, so that the first save inserts it (its id is its
	 * application's).
	 */
	@Version
	private Long version;

	protected PanelRecommendation() {
	}

	PanelRecommendation(long applicationId, long roundId) {
		this.applicationId = applicationId;
		this.roundId = roundId;
	}

	/**
	 * Records the panel's recommendation on an application asking for {@code requested}:
	 * the outcome, the amount for funding in part, the reason and the feedback.
	 */
	void record(RecommendationForm form, Money requested, Instant now, String by) {
		Map<String, String> errors = new LinkedHashMap<>();
		Outcome chosen = form.chosenOutcome();
		Money amount = null;
		if (chosen == null) {
			errors.put("outcome", "Choose what the panel recommends");
		}
		else if (chosen == Outcome.FUND) {
			amount = requested;
		}
		else if (chosen == Outcome.FUND_IN_PART) {
			try {
				amount = Money.parse(form.amount());
				if (!amount.isGreaterThan(Money.ZERO)) {
					errors.put("amount", "Enter an amount more than £0.00");
				}
				else if (!requested.isGreaterThan(amount)) {
					errors.put("amount", "Enter an amount less than the " + requested.format()
							+ " asked for, or choose to fund it in full");
				}
			}
			catch (InvalidMoneyException invalid) {
				errors.put("amount", invalid.getMessage().equals("Enter an amount")
						? "Enter the amount the panel recommends" : invalid.getMessage());
			}
		}
		text(form.reason(), "reason", "Enter the panel's reason: it goes in the minutes", errors);
		text(form.feedback(), "feedback", "Enter the feedback for the applicant", errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		this.outcome = chosen;
		this.amount = amount;
		this.reason = form.reason().strip();
		this.feedback = form.feedback().strip();
		this.recordedBy = by;
		this.recordedAt = now;
	}

	private static void text(String value, String field, String missing, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, missing);
		}
		else if (value.strip().length() > MAX_TEXT) {
			errors.put(field, "This must be 5,000 characters or fewer");
		}
	}

	long getVersion() {
		return (this.version != null) ? this.version : 0;
	}

	RecommendationView view() {
		return new RecommendationView(this.applicationId, this.roundId, this.outcome, this.amount, this.reason,
				this.feedback, this.recordedBy, this.recordedAt, getVersion());
	}

}
