package uk.opcc.cspgrants.rounds.panel;

import java.time.Instant;

import uk.opcc.cspgrants.shared.Money;

/**
 * The panel's recommendation on an application, as recorded.
 *
 * @param applicationId the application
 * @param roundId its round
 * @param outcome fund in full, in part, or not
 * @param amount what the panel recommends, or {@code null} when not funded
 * @param reason why, for the minutes
 * @param feedback for the applicant
 * @param recordedBy who recorded it last
 * @param recordedAt when
 * @param version its version
 */
public record RecommendationView(long applicationId, long roundId, Outcome outcome, Money amount, String reason,
		String feedback, String recordedBy, Instant recordedAt, long version) {

	/** What the recommendation pays: the amount, or nothing. */
	public Money funded() {
		return (this.amount != null) ? this.amount : Money.ZERO;
	}

}
