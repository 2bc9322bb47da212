package uk.opcc.cspgrants.rounds.reviewing;

import java.time.Instant;
import java.util.Map;

/**
 * A reviewer's assignment as saved; {@code returnedReason}, {@code returnedBy} and
 * {@code returnedAt} say when an officer last returned its submitted scores and why.
 */
public record AssignmentView(long id, long roundId, long applicationId, long reviewerId, AssignmentStatus status,
		String conflictReason, Instant declaredAt, String assignedBy, Instant assignedAt, Long replacesAssignmentId,
		Instant submittedAt, Map<Integer, Score> scores, String returnedReason, String returnedBy, Instant returnedAt,
		long version) {
}
