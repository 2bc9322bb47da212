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
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.applying.SubmittedApplications;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Officers' pages of a round's themed reviewers: who reviews which theme (added and taken
 * off), and who reviews which application, with "Assign reviewers" to share the eligible
 * applications among them.
 */
@Controller
@RequestMapping("/rounds/{reference}")
class RoundReviewersController {

	private final ReviewAssignments assignments;

	private final SubmittedApplications applications;

	RoundReviewersController(ReviewAssignments assignments, SubmittedApplications applications) {
		this.assignments = assignments;
		this.applications = applications;
	}

	@GetMapping("/reviewers")
	String reviewers(@PathVariable String reference, Model model) {
		return reviewersPage(this.assignments.round(reference), null, null, model);
	}

	@PostMapping("/reviewers")
	String add(@PathVariable String reference, @RequestParam(required = false) Long userId,
			@RequestParam(required = false) String themeId, @AuthenticationPrincipal CurrentUser officer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Long theme = themeOf(themeId);
		try {
			this.assignments.addReviewer(reference, userId, theme, officer);
			redirect.addFlashAttribute("success", "The reviewer has been added");
			return "redirect:/rounds/" + reference + "/reviewers";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return reviewersPage(this.assignments.round(reference), userId, themeId, model);
		}
	}

	@PostMapping("/reviewers/{id}/remove")
	String remove(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal CurrentUser officer,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.assignments.removeReviewer(reference, id, officer);
			redirect.addFlashAttribute("success", "The reviewer has been taken off the round");
			return "redirect:/rounds/" + reference + "/reviewers";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return reviewersPage(this.assignments.round(reference), null, null, model);
		}
	}

	@GetMapping("/assignments")
	String assignmentsPage(@PathVariable String reference, Model model) {
		RoundView round = this.assignments.round(reference);
		List<ApplicationView> eligible = this.applications.of(round)
			.stream()
			.filter(application -> application.status().foundEligible())
			.toList();
		Map<Long, String> names = this.assignments.reviewerNames(round);
		Map<Long, List<AssignmentView>> byApplication = new LinkedHashMap<>();
		for (AssignmentView assignment : this.assignments.of(round)) {
			byApplication.computeIfAbsent(assignment.applicationId(), key -> new java.util.ArrayList<>())
				.add(assignment);
		}
		model.addAttribute("round", round);
		model.addAttribute("eligible", eligible);
		model.addAttribute("byApplication", byApplication);
		model.addAttribute("names", names);
		return "rounds/assignments";
	}

	@PostMapping("/assignments")
	String assign(@PathVariable String reference, @AuthenticationPrincipal CurrentUser officer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			EvenAssignment.Result result = this.assignments.assign(reference, officer);
			redirect.addFlashAttribute("success",
					result.made().size() + (result.made().size() == 1 ? " assignment" : " assignments") + " made"
							+ (result.unfilled().isEmpty() ? ""
									: "; " + result.unfilled().size() + " still need reviewers of their theme"));
			return "redirect:/rounds/" + reference + "/assignments";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return assignmentsPage(reference, model);
		}
	}

	/**
	 * The chosen theme: none for all of them, and no theme of any round if not a number.
	 */
	private static Long themeOf(String themeId) {
		if (themeId == null || themeId.isBlank() || "all".equals(themeId)) {
			return null;
		}
		try {
			return Long.valueOf(themeId.strip());
		}
		catch (NumberFormatException notANumber) {
			return -1L;
		}
	}

	private String reviewersPage(RoundView round, Long userId, String themeId, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("reviewers", this.assignments.reviewers(round));
		model.addAttribute("accounts", this.assignments.reviewerAccounts());
		model.addAttribute("chosenUser", userId);
		model.addAttribute("chosenTheme", themeId);
		return "rounds/reviewers";
	}

}
