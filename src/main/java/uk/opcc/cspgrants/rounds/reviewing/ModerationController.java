package uk.opcc.cspgrants.rounds.reviewing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationModel;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Moderation for officers: the round's eligible applications ranked by their scores
 * against the budget, with those whose reviewers disagree flagged; an application's
 * reviews side by side with notes on them and a way to return a reviewer's scores with a
 * reason; and marking the round assessed, from a page that checks nothing is outstanding.
 */
@Controller
@RequestMapping("/rounds/{reference}")
class ModerationController {

	private final RoundAssessment assessment;

	private final ModerationNotes notes;

	private final ReviewAssignments reviewing;

	ModerationController(RoundAssessment assessment, ModerationNotes notes, ReviewAssignments reviewing) {
		this.assessment = assessment;
		this.notes = notes;
		this.reviewing = reviewing;
	}

	@GetMapping("/ranking")
	String ranking(@PathVariable String reference, Model model) {
		RoundView round = this.reviewing.round(reference);
		RankedApplications ranked = this.assessment.ranked(round);
		model.addAttribute("round", round);
		model.addAttribute("ranking", ranked.ranking());
		model.addAttribute("applications", ranked.byReference());
		model.addAttribute("flagged", ranked.flagged());
		model.addAttribute("outstanding", ranked.outstanding());
		return "rounds/ranking";
	}

	@GetMapping("/applications/{application}/scores")
	String scores(@PathVariable String reference, @PathVariable String application, Model model) {
		return scoresPage(this.reviewing.round(reference), application, null, model);
	}

	@PostMapping("/applications/{application}/notes")
	String writeNote(@PathVariable String reference, @PathVariable String application,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer seen,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		RoundView round = this.reviewing.round(reference);
		ApplicationScores scores = this.assessment.scores(round, application);
		try {
			this.notes.write(round, scores.application(), note, seen, officer);
			redirect.addFlashAttribute("success", "Your note has been added");
			return "redirect:" + scoresPath(round, scores.application()) + "#notes";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("note", note);
			return scoresPage(round, application, null, model);
		}
	}

	@PostMapping("/applications/{application}/scores/{assignment}/return")
	String returnScores(@PathVariable String reference, @PathVariable String application, @PathVariable long assignment,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.assessment.returnScores(reference, assignment, reason, version, officer);
			redirect.addFlashAttribute("success", "The scores have been returned to their reviewer, who has been told");
			RoundView round = this.reviewing.round(reference);
			return "redirect:" + scoresPath(round, this.assessment.scores(round, application).application());
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			if (refusal.errors().containsKey("reason")) {
				Map<String, String> errors = new LinkedHashMap<>(refusal.errors());
				errors.put("reason-" + assignment, errors.remove("reason"));
				model.addAttribute("errors", errors);
			}
			model.addAttribute("returnReason", reason);
			return scoresPage(this.reviewing.round(reference), application, assignment, model);
		}
	}

	@GetMapping("/assessed")
	String checkAssessed(@PathVariable String reference, Model model) {
		return assessedPage(this.reviewing.round(reference), model);
	}

	@PostMapping("/assessed")
	String markAssessed(@PathVariable String reference, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			RoundView assessed = this.assessment.markAssessed(reference, version, officer);
			redirect.addFlashAttribute("success", assessed.reference() + " was marked assessed on "
					+ Dates.dayAndTime(assessed.progress().assessedAt()) + ": its ranked list is ready for the panel");
			return "redirect:/rounds/" + assessed.reference() + "/ranking";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return assessedPage(this.reviewing.round(reference), model);
		}
	}

	private String assessedPage(RoundView round, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("allowed", round.status().canBecome(RoundStatus.ASSESSED));
		model.addAttribute("outstanding",
				(round.status() == RoundStatus.CLOSED) ? this.assessment.outstanding(round) : List.of());
		return "rounds/assessed";
	}

	private String scoresPage(RoundView round, String application, Long returning, Model model) {
		ApplicationScores scores = this.assessment.scores(round, application);
		ApplicationModel.put(model, round, scores.application());
		model.addAttribute("scores", scores);
		model.addAttribute("notes", this.notes.of(scores.application()));
		model.addAttribute("mayWriteNotes", ModerationNotes.written(round));
		model.addAttribute("mayReturn", round.status() == RoundStatus.CLOSED);
		model.addAttribute("returning", returning);
		return "rounds/application-scores";
	}

	private static String scoresPath(RoundView round, ApplicationView application) {
		return "/rounds/" + round.reference() + "/applications/" + application.reference() + "/scores";
	}

}
