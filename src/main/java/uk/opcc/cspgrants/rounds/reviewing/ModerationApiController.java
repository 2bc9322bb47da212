package uk.opcc.cspgrants.rounds.reviewing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Money;

/**
 * A round's moderation in JSON: its eligible applications ranked against the budget, and
 * marking it assessed once for the version read.
 */
@RestController
@Tag(name = "Grant rounds")
class ModerationApiController {

	private final RoundAssessment assessment;

	private final ReviewAssignments reviewing;

	ModerationApiController(RoundAssessment assessment, ReviewAssignments reviewing) {
		this.assessment = assessment;
		this.reviewing = reviewing;
	}

	@GetMapping("/api/v1/rounds/{reference}/ranking")
	@Operation(summary = "A round's eligible applications ranked by the average of their submitted reviews (out of "
			+ "100, ties by the smaller spread), each with its running total against the budget, whether it is above "
			+ "the budget line and whether it is flagged for moderation; with what is still outstanding before the "
			+ "round can be marked assessed")
	RankingBody ranking(@PathVariable String reference) {
		RoundView round = this.reviewing.round(reference);
		RankedApplications ranked = this.assessment.ranked(round);
		Map<String, ApplicationView> applications = ranked.byReference();
		List<RowBody> rows = ranked.ranking().rows().stream().map(row -> {
			ApplicationView application = applications.get(row.sheet().reference());
			return new RowBody(row.position(), application.reference(), application.organisationName(),
					application.projectTitle(), round.themeName(application.themeId()), row.sheet().requested(),
					row.sheet().count(), row.sheet().average(), row.sheet().spread(), row.flagged(), row.runningTotal(),
					row.aboveTheLine());
		}).toList();
		return new RankingBody(round.reference(), round.status(), round.budget(), ranked.ranking().remaining(),
				round.moderationGap(), round.minReviewers(), rows, ranked.outstanding());
	}

	@PostMapping("/api/v1/rounds/{reference}/assessed")
	@Operation(summary = "Mark a closed round assessed, once for the version read: 400 saying what is outstanding "
			+ "(applications awaiting eligibility, reviews not declared or scored, applications short of reviews); "
			+ "409 when it is not closed or changed since")
	RoundView markAssessed(@PathVariable String reference, @RequestBody VersionBody body,
			@AuthenticationPrincipal CurrentUser officer) {
		return this.assessment.markAssessed(reference, body.version(), officer);
	}

	/** The version of the round read. */
	record VersionBody(Long version) {
	}

	/** The ranked list. */
	record RankingBody(String round, RoundStatus status, Money budget, Money remaining, BigDecimal moderationGap,
			int minReviewers, List<RowBody> rows, List<String> outstanding) {
	}

	/** One application's place. */
	record RowBody(int position, String reference, String organisation, String project, String theme, Money requested,
			int reviews, BigDecimal average, BigDecimal spread, boolean flagged, Money runningTotal,
			boolean aboveTheLine) {
	}

}
