package uk.opcc.cspgrants.rounds.reviewing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.rounds.applying.ApplicationDocuments;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.applying.DocumentFile;
import uk.opcc.cspgrants.rounds.applying.SubmittedApplications;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * What a reviewer may see, in one place: only their own assignments (another's is not
 * found, exactly as one that does not exist); of an assignment not yet declared, only
 * what they need to judge a conflict; the application's answers and documents only once
 * they have declared no conflict, and never after declaring one.
 */
@Service
@Transactional(readOnly = true)
public class ReviewerAccess {

	private final ReviewAssignmentRepository assignments;

	private final SubmittedApplications applications;

	private final ApplicationDocuments documents;

	private final Rounds rounds;

	ReviewerAccess(ReviewAssignmentRepository assignments, SubmittedApplications applications,
			ApplicationDocuments documents, Rounds rounds) {
		this.assignments = assignments;
		this.applications = applications;
		this.documents = documents;
		this.rounds = rounds;
	}

	/** A reviewer's own assignments with their applications and rounds, latest first. */
	public List<Review> mine(CurrentUser reviewer) {
		return reviews(this.assignments.findAllOwn(reviewer.id()).stream().map(ReviewAssignment::view).toList());
	}

	/**
	 * A reviewer's own reviews they declared no conflict with, as they may read them (a
	 * blind round's with who applied withheld).
	 */
	public List<Review> mineReadable(CurrentUser reviewer) {
		return reviews(this.assignments.findAllOwn(reviewer.id())
			.stream()
			.map(ReviewAssignment::view)
			.filter(assignment -> assignment.status() == AssignmentStatus.DECLARED
					|| assignment.status() == AssignmentStatus.SUBMITTED)
			.toList()).stream().map(ReviewerAccess::asReadable).toList();
	}

	/** A reviewer's own assignment, or not found. */
	public Review own(long assignmentId, CurrentUser reviewer) {
		return this.assignments.findOwn(assignmentId, reviewer.id())
			.map(ReviewAssignment::view)
			.map(this::review)
			.orElseThrow(ReviewerAccess::notFound);
	}

	/**
	 * The application of an assignment declared free of conflict, or not found; of a
	 * blind round, with who applied withheld.
	 */
	public Review readable(long assignmentId, CurrentUser reviewer) {
		Review review = own(assignmentId, reviewer);
		if (review.assignment().status() != AssignmentStatus.DECLARED
				&& review.assignment().status() != AssignmentStatus.SUBMITTED) {
			throw notFound();
		}
		return asReadable(review);
	}

	/** The review as a reviewer may read it: of a blind round, who applied withheld. */
	private static Review asReadable(Review review) {
		return review.round().blindReview()
				? new Review(review.assignment(), review.application().withheldForBlindReview(), review.round())
				: review;
	}

	/**
	 * A document of an application the reviewer may read: of a blind round, none that
	 * names who applied.
	 */
	public DocumentFile document(long assignmentId, long documentId, CurrentUser reviewer) {
		Review review = readable(assignmentId, reviewer);
		if (review.application().documents().stream().noneMatch(document -> document.id() == documentId)) {
			throw notFound();
		}
		return this.documents.download(review.application(), documentId);
	}

	/**
	 * Assignments with their applications and rounds, each application and round read
	 * once however many assignments share it; none of an application found not eligible
	 * after it was given out (it is no longer reviewed).
	 */
	private List<Review> reviews(List<AssignmentView> assignments) {
		Map<Long, ApplicationView> applications = this.applications
			.byIds(assignments.stream().map(AssignmentView::applicationId).distinct().toList());
		Map<Long, RoundView> rounds = new HashMap<>();
		return assignments.stream()
			.filter(assignment -> applications.get(assignment.applicationId()).status().foundEligible())
			.map(assignment -> new Review(assignment, applications.get(assignment.applicationId()),
					rounds.computeIfAbsent(assignment.roundId(), id -> this.rounds.find(id).orElseThrow())))
			.toList();
	}

	private Review review(AssignmentView assignment) {
		ApplicationView application = this.applications.byId(assignment.applicationId());
		if (!application.status().foundEligible()) {
			throw new NotFoundException("Application " + application.reference()
					+ " was found not eligible after it was given to you: it is no longer reviewed");
		}
		RoundView round = this.rounds.find(assignment.roundId()).orElseThrow();
		return new Review(assignment, application, round);
	}

	private static NotFoundException notFound() {
		return new NotFoundException("There is no such review of yours");
	}

	/** An assignment with its application and round. */
	public record Review(AssignmentView assignment, ApplicationView application, RoundView round) {
	}

}
