package uk.opcc.cspgrants.rounds.reviewing;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * A reviewer's scoring of an application: a page with each criterion's guidance, the
 * scale's points and a reason box, saved as they go ("Save and come back later") or
 * checked ("Continue"), then a page to check the scores and their weighted total before
 * submitting them once.
 */
@Controller
@RequestMapping("/review/assignments/{id}")
class ScoringController {

	private final ReviewerAccess access;

	private final ReviewScores scores;

	ScoringController(ReviewerAccess access, ReviewScores scores) {
		this.access = access;
		this.scores = scores;
	}

	@GetMapping("/scores")
	String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser reviewer, Model model) {
		ReviewerAccess.Review review = this.access.readable(id, reviewer);
		if (review.assignment().status() == AssignmentStatus.SUBMITTED) {
			return "redirect:/review/assignments/" + id + "/application";
		}
		Map<Integer, String> given = new HashMap<>();
		Map<Integer, String> reasons = new HashMap<>();
		review.assignment().scores().forEach((position, score) -> {
			given.put(position, Integer.toString(score.score()));
			reasons.put(position, score.reason());
		});
		return form(review, new ScoreAnswers(given, reasons), review.assignment().version(), model);
	}

	@PostMapping("/scores")
	String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> sent,
			@AuthenticationPrincipal CurrentUser reviewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ScoreAnswers answers = answers(sent);
		Long version = number(sent.getFirst("version"));
		try {
			boolean later = "later".equals(sent.getFirst("then"));
			this.scores.save(id, answers, !later, version, reviewer);
			if (later) {
				redirect.addFlashAttribute("success", "Your scores have been saved: come back to them at any time");
				return "redirect:/review";
			}
			return "redirect:/review/assignments/" + id + "/check";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ReviewerAccess.Review now = this.access.readable(id, reviewer);
			return form(now, answers, refusal.conflict() ? now.assignment().version() : version, model);
		}
	}

	@GetMapping("/check")
	String check(@PathVariable long id, @AuthenticationPrincipal CurrentUser reviewer, Model model) {
		ReviewerAccess.Review review = this.access.readable(id, reviewer);
		if (review.assignment().status() == AssignmentStatus.SUBMITTED) {
			return "redirect:/review/assignments/" + id + "/application";
		}
		return check(review, model);
	}

	@PostMapping("/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser reviewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.scores.submit(id, version, reviewer);
			redirect.addFlashAttribute("success", "Your scores for "
					+ this.access.own(id, reviewer).application().reference() + " have been submitted");
			return "redirect:/review";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return check(this.access.readable(id, reviewer), model);
		}
	}

	private String check(ReviewerAccess.Review review, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("total", ReviewScores.total(review.round(), review.assignment()));
		return "review/check";
	}

	private String form(ReviewerAccess.Review review, ScoreAnswers answers, Long version, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("answers", answers);
		model.addAttribute("version", version);
		return "review/scores";
	}

	private static ScoreAnswers answers(MultiValueMap<String, String> sent) {
		Map<Integer, String> scores = new HashMap<>();
		Map<Integer, String> reasons = new HashMap<>();
		sent.forEach((name, values) -> {
			if (name.startsWith("score-")) {
				scores.put(position(name), values.get(0));
			}
			else if (name.startsWith("reason-")) {
				reasons.put(position(name), values.get(0));
			}
		});
		return new ScoreAnswers(scores, reasons);
	}

	private static int position(String name) {
		try {
			return Integer.parseInt(name.substring(name.indexOf('-') + 1));
		}
		catch (NumberFormatException notAPosition) {
			return 0;
		}
	}

	private static Long number(String text) {
		try {
			return (text == null) ? null : Long.valueOf(text);
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

}
