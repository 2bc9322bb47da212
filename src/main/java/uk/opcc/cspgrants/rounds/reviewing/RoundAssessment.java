package uk.opcc.cspgrants.rounds.reviewing;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundOpening;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationStatus;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.applying.SubmittedApplications;
import uk.opcc.cspgrants.rounds.scoring.Ranking;
import uk.opcc.cspgrants.rounds.scoring.Review;
import uk.opcc.cspgrants.rounds.scoring.ScoreSheet;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * A closed round's assessment as officers see it: each eligible application's scores, the
 * applications ranked against the budget, what is still outstanding before the round can
 * be marked assessed, and the two things officers do while moderating: returning a
 * reviewer's submitted scores with a reason, and marking the round assessed. Only
 * submitted reviews count; a review ended by a conflict or withdrawn never does.
 */
@Service
@Transactional
public class RoundAssessment {

	private final ReviewAssignmentRepository assignments;

	private final ReviewAssignments reviewing;

	private final SubmittedApplications applications;

	private final RoundOpening opening;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoundAssessment(ReviewAssignmentRepository assignments, ReviewAssignments reviewing,
			SubmittedApplications applications, RoundOpening opening, AuditTrail auditTrail,
			ApplicationEventPublisher events, Clock clock) {
		this.assignments = assignments;
		this.reviewing = reviewing;
		this.applications = applications;
		this.opening = opening;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/** Each eligible application of the round with its reviews, in order of number. */
	@Transactional(readOnly = true)
	public List<ApplicationScores> scores(RoundView round) {
		Map<Long, List<AssignmentView>> byApplication = new LinkedHashMap<>();
		for (ReviewAssignment assignment : this.assignments.findByRound(round.id())) {
			AssignmentView view = assignment.view();
			if (view.status().active()) {
				byApplication.computeIfAbsent(view.applicationId(), id -> new ArrayList<>()).add(view);
			}
		}
		Map<Long, String> names = this.reviewing.reviewerNames(round);
		List<ApplicationScores> scores = new ArrayList<>();
		for (ApplicationView application : this.applications.of(round)) {
			if (application.status().foundEligible()) {
				scores
					.add(scoresOf(round, application, byApplication.getOrDefault(application.id(), List.of()), names));
			}
		}
		return scores;
	}

	/** One eligible application's reviews, by its reference. */
	@Transactional(readOnly = true)
	public ApplicationScores scores(RoundView round, String reference) {
		ApplicationView application = this.applications.one(round, reference);
		if (!application.status().foundEligible()) {
			throw new NotFoundException(application.reference() + " is " + application.status().label().toLowerCase()
					+ ": only an eligible application is reviewed");
		}
		List<AssignmentView> reviews = this.assignments.findByApplication(application.id())
			.stream()
			.map(ReviewAssignment::view)
			.filter(view -> view.status().active())
			.toList();
		return scoresOf(round, application, reviews, this.reviewing.reviewerNames(round));
	}

	/** The round's eligible applications ranked against its budget. */
	public static Ranking ranking(RoundView round, List<ApplicationScores> scores) {
		return Ranking.of(scores.stream().map(ApplicationScores::sheet).toList(), round.budget(), round.moderationGap(),
				round.minReviewers());
	}

	/**
	 * What stops the round being marked assessed, in words; empty when nothing does.
	 */
	@Transactional(readOnly = true)
	public List<String> outstanding(RoundView round) {
		return outstanding(round, scores(round));
	}

	/**
	 * The round's eligible applications ranked against its budget, with what is
	 * outstanding while it is closed; each application and review read once.
	 */
	@Transactional(readOnly = true)
	public RankedApplications ranked(RoundView round) {
		List<ApplicationScores> scores = scores(round);
		return new RankedApplications(scores, ranking(round, scores),
				(round.status() == RoundStatus.CLOSED) ? outstanding(round, scores) : List.of());
	}

	private List<String> outstanding(RoundView round, List<ApplicationScores> scores) {
		List<String> outstanding = new ArrayList<>();
		List<ApplicationView> submitted = this.applications.of(round);
		long undecided = submitted.stream().filter(a -> a.status() == ApplicationStatus.SUBMITTED).count();
		if (undecided > 0) {
			outstanding.add(undecided + (undecided == 1 ? " application awaits" : " applications await")
					+ " a decision on its eligibility");
		}
		java.util.Set<Long> eligible = submitted.stream()
			.filter(a -> a.status().foundEligible())
			.map(ApplicationView::id)
			.collect(java.util.stream.Collectors.toSet());
		Map<AssignmentStatus, Long> counts = new LinkedHashMap<>();
		for (ReviewAssignment assignment : this.assignments.findByRound(round.id())) {
			// reviews of an application found not eligible after it was given out no
			// longer count
			if (eligible.contains(assignment.view().applicationId())) {
				counts.merge(assignment.view().status(), 1L, Long::sum);
			}
		}
		long assigned = counts.getOrDefault(AssignmentStatus.ASSIGNED, 0L);
		if (assigned > 0) {
			outstanding.add(assigned + (assigned == 1 ? " reviewer has" : " reviewers have")
					+ " still to declare any conflict of interest");
		}
		long scoring = counts.getOrDefault(AssignmentStatus.DECLARED, 0L);
		if (scoring > 0) {
			outstanding.add(scoring + (scoring == 1 ? " review is" : " reviews are") + " still being scored");
		}
		for (ApplicationScores one : scores) {
			if (one.sheet().tooFewReviews(round.minReviewers())) {
				outstanding.add(one.application().reference() + " has " + one.sheet().count() + " of "
						+ round.minReviewers() + " reviews submitted");
			}
		}
		return outstanding;
	}

	/**
	 * Marks the closed round assessed, once for the version read, when nothing is
	 * outstanding.
	 */
	public RoundView markAssessed(String reference, Long version, CurrentUser officer) {
		return this.opening.markAssessed(reference, version, this::outstanding, officer);
	}

	/**
	 * Returns a reviewer's submitted scores to them with a reason, once for the version
	 * read, while the round is closed; the reviewer is told.
	 */
	public AssignmentView returnScores(String reference, long assignmentId, String reason, Long version,
			CurrentUser officer) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the scores you read");
		}
		RoundView round = this.reviewing.lockedRound(reference);
		if (round.status() != RoundStatus.CLOSED) {
			throw new ConflictException(null, round.title() + " is " + round.status().label().toLowerCase()
					+ ": its reviewers' scores no longer go back to them");
		}
		ReviewAssignment assignment = this.assignments.findInRoundLocked(assignmentId, round.id())
			.orElseThrow(() -> new NotFoundException("There is no such review in " + round.reference()));
		AssignmentView before = assignment.view();
		if (before.version() != version && before.status() == AssignmentStatus.SUBMITTED) {
			throw new ConflictException(null, "These scores changed after you opened the page: check them as "
					+ "they are now; your reason is kept below");
		}
		assignment.returnScores(reason, this.clock.instant(), officer.displayName());
		AssignmentView after = DatabaseRefusal.orConflict(() -> this.assignments.saveAndFlush(assignment),
				Map.of("review_assignment_returned", "Scores go back to their reviewer only while the round is closed"))
			.view();
		ApplicationView application = this.applications.byId(after.applicationId());
		this.auditTrail.record("RETURN_SCORES", "ReviewAssignment", after.id(), Map.of("status", "Submitted"), Map
			.of("round", round.reference(), "application", application.reference(), "reason", after.returnedReason()));
		this.events.publishEvent(new Notice("scores-returned:" + after.id() + ":" + after.version(), null,
				"scores-returned",
				Map.of("application", application.reference(), "round", round.title(), "officer", officer.displayName(),
						"reason", after.returnedReason()),
				"/review/assignments/" + after.id() + "/scores",
				Audience.users(this.reviewing.usernameOf(after.reviewerId()))));
		return after;
	}

	private static ApplicationScores scoresOf(RoundView round, ApplicationView application,
			List<AssignmentView> assignments, Map<Long, String> names) {
		List<BigDecimal> weights = round.criteria().stream().map(criterion -> criterion.weight()).toList();
		List<Review> submitted = new ArrayList<>();
		List<ApplicationScores.ReviewLine> lines = new ArrayList<>();
		for (AssignmentView assignment : assignments) {
			String name = names.getOrDefault(assignment.reviewerId(), "Reviewer " + assignment.reviewerId());
			BigDecimal total = null;
			if (assignment.status() == AssignmentStatus.SUBMITTED) {
				Review review = new Review(name, positions(assignment, weights.size()));
				submitted.add(review);
				total = review.total(weights, round.scaleMax());
			}
			lines.add(new ApplicationScores.ReviewLine(assignment, name, total));
		}
		ScoreSheet sheet = new ScoreSheet(application.reference(), application.amountRequested(), weights,
				round.scaleMax(), submitted);
		return new ApplicationScores(application, sheet, List.copyOf(lines));
	}

	private static List<Integer> positions(AssignmentView assignment, int criteria) {
		List<Integer> scores = new ArrayList<>();
		for (int position = 1; position <= criteria; position++) {
			scores.add(assignment.scores().get(position).score());
		}
		return scores;
	}

}
