package uk.opcc.cspgrants.rounds.panel;

import java.time.Instant;

/**
 * A panel member's declared interest in an application: they take no part in the panel's
 * recommendation on it, and the minutes say so.
 *
 * @param memberId the member
 * @param member their name
 * @param applicationId the application
 * @param interest what the interest is
 * @param recordedBy who recorded it
 * @param recordedAt when
 */
public record PanelInterest(long memberId, String member, long applicationId, String interest, String recordedBy,
		Instant recordedAt) {
}
