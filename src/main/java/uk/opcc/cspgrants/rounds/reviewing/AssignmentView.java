package uk.opcc.cspgrants.rounds.reviewing;

import java.time.Instant;
import java.util.Map;

/** A reviewer's assignment as saved. */
public record AssignmentView(long id, long roundId, long applicationId, long reviewerId, AssignmentStatus status,
		String conflictReason, Instant declaredAt, String assignedBy, Instant assignedAt, Long replacesAssignmentId,
		Instant submittedAt, Map<Integer, Score> scores, long version) {
}
