package uk.opcc.cspgrants.rounds.reviewing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * A themed reviewer's reviews in JSON, with the same rules as their pages
 * ({@link ReviewerAccess}): their own assignments only; before the declaration only what
 * judging a conflict needs; the application once no conflict is declared (of a blind
 * round, who applied withheld); nothing of an application they declared a conflict with,
 * which is not found (404) like another reviewer's.
 */
@RestController
@Tag(name = "Themed reviewers")
class ReviewApiController {

	private final ReviewerAccess access;

	private final ReviewerDeclarations declarations;

	private final ReviewScores scores;

	ReviewApiController(ReviewerAccess access, ReviewerDeclarations declarations, ReviewScores scores) {
		this.access = access;
		this.declarations = declarations;
		this.scores = scores;
	}

	@GetMapping("/api/v1/review")
	@Operation(summary = "Your reviews: each assignment with its round, the application's reference, project and "
			+ "theme, where it has got to and, when an officer returned your scores, why")
	List<ReviewLine> mine(@AuthenticationPrincipal CurrentUser reviewer) {
		return this.access.mine(reviewer).stream().map(ReviewApiController::line).toList();
	}

	@GetMapping("/api/v1/review/assignments/{id}")
	@Operation(summary = "One of your reviews: before you declare, only what judging a conflict of interest needs "
			+ "(who applied and the project's title); once you declare no conflict, the application (of a blind "
			+ "round, who applied withheld), the round's criteria and scale, and your scores; 404 for another "
			+ "reviewer's or one you declared a conflict with")
	ReviewBody one(@PathVariable long id, @AuthenticationPrincipal CurrentUser reviewer) {
		ReviewerAccess.Review own = this.access.own(id, reviewer);
		if (own.assignment().status() == AssignmentStatus.ASSIGNED) {
			ApplicationView application = own.application();
			return new ReviewBody(line(own), new WhoApplied(application.organisationName(), application.charityNumber(),
					application.companyNumber(), application.contactName()), null, null, null, null);
		}
		ReviewerAccess.Review review = this.access.readable(id, reviewer);
		RoundView round = review.round();
		return new ReviewBody(line(review), null, review.application().forReviewer(), round.criteria(),
				round.scaleMax(), review.assignment().scores());
	}

	@PostMapping("/api/v1/review/assignments/{id}/declaration")
	@Operation(summary = "Declare, once, whether you have a conflict of interest with who applied: a conflict needs "
			+ "its reason, ends your review and sends the application to another reviewer of its theme; 409 when you "
			+ "have declared already or the review changed since the version read")
	ReviewLine declare(@PathVariable long id, @RequestBody DeclarationBody body,
			@AuthenticationPrincipal CurrentUser reviewer) {
		this.declarations.declare(id, body.conflict(), body.reason(), body.version(), reviewer);
		return line(this.access.own(id, reviewer));
	}

	@PutMapping("/api/v1/review/assignments/{id}/scores")
	@Operation(summary = "Save your scores, by criterion position (1 for the first): a whole score from 0 to the top "
			+ "of the scale with its reason; with complete true every criterion must be scored; 409 when the scores "
			+ "changed since the version read or are submitted")
	ReviewLine score(@PathVariable long id, @RequestBody ScoresBody body,
			@AuthenticationPrincipal CurrentUser reviewer) {
		Map<Integer, String> given = new HashMap<>();
		Map<Integer, String> reasons = new HashMap<>();
		if (body.scores() != null) {
			body.scores().forEach((position, score) -> {
				given.put(position, (score == null || score.score() == null) ? null : score.score().toString());
				reasons.put(position, (score == null) ? null : score.reason());
			});
		}
		this.scores.save(id, new ScoreAnswers(given, reasons), Boolean.TRUE.equals(body.complete()), body.version(),
				reviewer);
		return line(this.access.own(id, reviewer));
	}

	@PostMapping("/api/v1/review/assignments/{id}/submit")
	@Operation(summary = "Submit your scores, once, every criterion scored; they no longer change unless an officer "
			+ "returns them; 409 when submitted already or changed since the version read")
	ReviewLine submit(@PathVariable long id, @RequestBody VersionBody body,
			@AuthenticationPrincipal CurrentUser reviewer) {
		this.scores.submit(id, body.version(), reviewer);
		return line(this.access.own(id, reviewer));
	}

	private static ReviewLine line(ReviewerAccess.Review review) {
		AssignmentView assignment = review.assignment();
		boolean readable = assignment.status() == AssignmentStatus.DECLARED
				|| assignment.status() == AssignmentStatus.SUBMITTED;
		BigDecimal total = (assignment.status() == AssignmentStatus.SUBMITTED)
				? ReviewScores.total(review.round(), assignment) : null;
		return new ReviewLine(assignment.id(), review.round().reference(), review.round().title(),
				review.application().reference(), review.application().projectTitle(),
				review.round().themeName(review.application().themeId()), assignment.status(),
				assignment.status().label(), readable, assignment.submittedAt(), total, assignment.returnedReason(),
				assignment.version());
	}

	/** One of your reviews in a list. */
	record ReviewLine(long id, String round, String roundTitle, String application, String project, String theme,
			AssignmentStatus status, String where, boolean readable, Instant submittedAt, BigDecimal total,
			String returnedBecause, long version) {
	}

	/** One review: the conflict question's facts, or the application with your scores. */
	record ReviewBody(ReviewLine review, WhoApplied whoApplied, ApplicationView application, List<Criterion> criteria,
			Integer scaleMax, Map<Integer, Score> scores) {
	}

	/** What judging a conflict of interest needs. */
	record WhoApplied(String organisation, String charityNumber, String companyNumber, String contact) {
	}

	/** A declaration. */
	record DeclarationBody(Boolean conflict, String reason, Long version) {
	}

	/** A score and its reason. */
	record ScoreBody(Integer score, String reason) {
	}

	/**
	 * Scores by criterion position, whether they must be complete, and the version read.
	 */
	record ScoresBody(Map<Integer, ScoreBody> scores, Boolean complete, Long version) {
	}

	/** The version read. */
	record VersionBody(Long version) {
	}

}
