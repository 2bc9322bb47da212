package uk.opcc.cspgrants.rounds.reviewing;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.rounds.applying.ApplicationModel;
import uk.opcc.cspgrants.rounds.applying.DocumentFile;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * A themed reviewer's pages: their reviews, the declaration of any conflict of interest
 * (all they see of an application before it), and then the application with its
 * documents. Another reviewer's assignment, or an application before the declaration or
 * after a conflict, is not found.
 */
@Controller
@RequestMapping("/review")
class ReviewController {

	private final ReviewerAccess access;

	private final ReviewerDeclarations declarations;

	ReviewController(ReviewerAccess access, ReviewerDeclarations declarations) {
		this.access = access;
		this.declarations = declarations;
	}

	@GetMapping
	String home(@AuthenticationPrincipal CurrentUser reviewer, Model model) {
		model.addAttribute("reviews", this.access.mine(reviewer));
		return "review/home";
	}

	/** The reviewer's own scores, every round, as CSV. */
	@GetMapping("/my-scores.csv")
	ResponseEntity<byte[]> myScores(@AuthenticationPrincipal CurrentUser reviewer) {
		return Downloads.attachment(
				MyScoresCsv.of(this.access.mineReadable(reviewer)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
				Downloads.CSV, "my-scores.csv");
	}

	@GetMapping("/assignments/{id}")
	String assignment(@PathVariable long id, @AuthenticationPrincipal CurrentUser reviewer, Model model) {
		ReviewerAccess.Review review = this.access.own(id, reviewer);
		if (review.assignment().status() == AssignmentStatus.DECLARED
				|| review.assignment().status() == AssignmentStatus.SUBMITTED) {
			return "redirect:/review/assignments/" + id + "/application";
		}
		model.addAttribute("review", review);
		return "review/declare";
	}

	@PostMapping("/assignments/{id}/declare")
	String declare(@PathVariable long id, @RequestParam(required = false) String conflict,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser reviewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Boolean hasConflict = "yes".equals(conflict) ? Boolean.TRUE : "no".equals(conflict) ? Boolean.FALSE : null;
		try {
			AssignmentView declared = this.declarations.declare(id, hasConflict, reason, version, reviewer);
			if (declared.status() == AssignmentStatus.CONFLICTED) {
				redirect.addFlashAttribute("success",
						"Your conflict of interest has been recorded: the application has gone to another reviewer");
				return "redirect:/review";
			}
			return "redirect:/review/assignments/" + id + "/application";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("review", this.access.own(id, reviewer));
			model.addAttribute("conflict", conflict);
			model.addAttribute("reason", reason);
			return "review/declare";
		}
	}

	@GetMapping("/assignments/{id}/application")
	String application(@PathVariable long id, @AuthenticationPrincipal CurrentUser reviewer, Model model) {
		ReviewerAccess.Review review = this.access.readable(id, reviewer);
		model.addAttribute("review", review);
		ApplicationModel.put(model, review.round(), review.application());
		model.addAttribute("documentsAt", "/review/assignments/" + id + "/documents");
		model.addAttribute("blind", review.round().blindReview());
		return "review/application";
	}

	@GetMapping("/assignments/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId,
			@AuthenticationPrincipal CurrentUser reviewer) {
		DocumentFile file = this.access.document(id, documentId, reviewer);
		return Downloads.uploaded(file.content(), file.type().contentType(), file.fileName());
	}

}
