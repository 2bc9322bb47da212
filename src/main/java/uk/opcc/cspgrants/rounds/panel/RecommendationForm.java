package uk.opcc.cspgrants.rounds.panel;

/**
 * The recommendation form as typed: the outcome's name, the amount for funding in part,
 * the reason, the feedback and the version of the recommendation read (none for a first
 * one).
 */
public record RecommendationForm(String outcome, String amount, String reason, String feedback, Long version) {

	static RecommendationForm of(RecommendationView recommendation) {
		if (recommendation == null) {
			return new RecommendationForm(null, "", "", "", null);
		}
		return new RecommendationForm(recommendation.outcome().name(),
				recommendation.outcome() == Outcome.FUND_IN_PART ? recommendation.amount().toString() : "",
				recommendation.reason(), recommendation.feedback(), recommendation.version());
	}

	/** The outcome chosen, or {@code null} when none or not one of them. */
	Outcome chosenOutcome() {
		if (this.outcome == null) {
			return null;
		}
		for (Outcome one : Outcome.values()) {
			if (one.name().equals(this.outcome)) {
				return one;
			}
		}
		return null;
	}

	RecommendationForm withVersion(Long now) {
		return new RecommendationForm(this.outcome, this.amount, this.reason, this.feedback, now);
	}

}
