package uk.opcc.cspgrants.rounds.reviewing;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.rounds.applying.SubmittedApplications;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A reviewer's declaration on an assignment, made once from the version read: no conflict
 * opens the application to them; a conflict ends the assignment and the application goes
 * at once to another reviewer of its theme (the round's row taken first, so that
 * reassignments take turns). Audited.
 */
@Service
@Transactional
public class ReviewerDeclarations {

	private final ReviewAssignmentRepository assignments;

	private final ReviewAssignments sharing;

	private final Rounds rounds;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final SubmittedApplications applications;

	ReviewerDeclarations(ReviewAssignmentRepository assignments, ReviewAssignments sharing, Rounds rounds,
			AuditTrail auditTrail, Clock clock, SubmittedApplications applications) {
		this.applications = applications;
		this.assignments = assignments;
		this.sharing = sharing;
		this.rounds = rounds;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	public AssignmentView declare(long assignmentId, Boolean conflict, String reason, Long version,
			CurrentUser reviewer) {
		if (conflict == null) {
			throw new ValidationException("conflict", "Select whether you have a conflict of interest");
		}
		if (version == null) {
			throw new ValidationException("version", "Send the version of the assignment you read");
		}
		// the round's id read without loading the assignment, so that it is loaded only
		// once
		// it is locked (an assignment loaded before would be kept in its state as read)
		long roundId = this.assignments.roundOfOwn(assignmentId, reviewer.id())
			.orElseThrow(() -> new NotFoundException("There is no such review of yours"));
		RoundView round = this.sharing.lockedRound(this.rounds.find(roundId).orElseThrow().reference());
		ReviewAssignment assignment = this.assignments.findOwnLocked(assignmentId, reviewer.id()).orElseThrow();
		assignment.declare(conflict, reason, this.clock.instant());
		if (assignment.getVersion() != version) {
			throw new ConflictException(null,
					"This assignment changed after you opened the page: check it as it is now");
		}
		AssignmentView declared = DatabaseRefusal
			.orConflict(() -> this.assignments.saveAndFlush(assignment),
					Map.of("review_assignment_moves", "You have declared on this application already"))
			.view();
		this.auditTrail.record(conflict ? "DECLARE_CONFLICT" : "DECLARE_NO_CONFLICT", "ReviewAssignment", declared.id(),
				Map.of("status", "Assigned"), Map.of("round", round.reference(), "application",
						applicationReference(declared.applicationId()), "status", declared.status().label()));
		if (conflict) {
			this.sharing.reassign(round, declared);
		}
		return declared;
	}

	private String applicationReference(long applicationId) {
		return this.applications.byId(applicationId).reference();
	}

}
