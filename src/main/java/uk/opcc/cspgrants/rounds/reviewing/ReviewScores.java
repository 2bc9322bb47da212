package uk.opcc.cspgrants.rounds.reviewing;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.scoring.Review;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A reviewer's scores of an application they declared no conflict with: saved as they go
 * from the version read, then submitted once with every criterion scored, after which
 * they do not change. Audited (how many scored, never the scores: the audit trail is read
 * more widely than the panel's papers).
 */
@Service
@Transactional
public class ReviewScores {

	private final ReviewAssignmentRepository assignments;

	private final ReviewerAccess access;

	private final AuditTrail auditTrail;

	private final Clock clock;

	ReviewScores(ReviewAssignmentRepository assignments, ReviewerAccess access, AuditTrail auditTrail, Clock clock) {
		this.assignments = assignments;
		this.access = access;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Saves the scores given so far; {@code complete} when going on to check them, so
	 * that every criterion must be scored.
	 */
	public AssignmentView save(long assignmentId, ScoreAnswers answers, boolean complete, Long version,
			CurrentUser reviewer) {
		// the row is taken before anything of it is read, so that what is read is as it
		// is now
		ReviewAssignment assignment = locked(assignmentId, version, reviewer);
		ReviewerAccess.Review review = this.access.readable(assignmentId, reviewer);
		RoundView round = review.round();
		Map<Integer, Score> given = answers.validated(round.id(), round.criteria(), round.scaleMax(), complete);
		assignment.score(given);
		AssignmentView saved = DatabaseRefusal.orConflict(() -> this.assignments.saveAndFlush(assignment),
				Map.of("review_score_only_when_declared", "Your scores no longer change",
						"review_score_within_the_scale", "A score is outside the round's scale"))
			.view();
		this.auditTrail.record("SCORE", "ReviewAssignment", saved.id(), null,
				Map.of("round", round.reference(), "application", review.application().reference(), "scored",
						given.size() + " of " + round.criteria().size()));
		return saved;
	}

	/** Submits the scores, once, from the version read. */
	public AssignmentView submit(long assignmentId, Long version, CurrentUser reviewer) {
		ReviewAssignment assignment = locked(assignmentId, version, reviewer);
		ReviewerAccess.Review review = this.access.readable(assignmentId, reviewer);
		RoundView round = review.round();
		assignment.submit(round.criteria().size(), this.clock.instant());
		AssignmentView submitted = DatabaseRefusal.orConflict(() -> this.assignments.saveAndFlush(assignment),
				Map.of("review_submitted_complete", "Score every criterion before you submit",
						"review_assignment_moves", "These scores were submitted already"))
			.view();
		this.auditTrail.record("SUBMIT_SCORES", "ReviewAssignment", submitted.id(), Map.of("status", "Declared"),
				Map.of("round", round.reference(), "application", review.application().reference()));
		return submitted;
	}

	/** A reviewer's weighted total out of 100 once every criterion is scored. */
	public static java.math.BigDecimal total(RoundView round, AssignmentView assignment) {
		List<Integer> scores = new java.util.ArrayList<>();
		for (int position = 1; position <= round.criteria().size(); position++) {
			Score score = assignment.scores().get(position);
			if (score == null) {
				return null;
			}
			scores.add(score.score());
		}
		return new Review("you", scores).total(round.criteria().stream().map(Criterion::weight).toList(),
				round.scaleMax());
	}

	private ReviewAssignment locked(long assignmentId, Long version, CurrentUser reviewer) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the scores you read");
		}
		ReviewAssignment assignment = this.assignments.findOwnLocked(assignmentId, reviewer.id())
			.orElseThrow(() -> new NotFoundException("There is no such review of yours"));
		if (assignment.getVersion() != version && assignment.view().status() == AssignmentStatus.DECLARED) {
			throw new ConflictException(null, "Your scores were changed in another window or tab"
					+ " after you opened this page. Check them as they are now; what you typed here is kept below");
		}
		if (assignment.view().status() == AssignmentStatus.SUBMITTED) {
			throw new ConflictException(null, "You submitted your scores on "
					+ Dates.dayAndTime(assignment.view().submittedAt()) + ": they no longer change");
		}
		return assignment;
	}

}
