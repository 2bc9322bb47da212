package uk.opcc.cspgrants.rounds;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The steps of a round that applicants see, each with a page to check it first: opening a
 * draft, moving an open round's closing time later, closing it and cancelling it. A
 * refused step shows its page again with the message and what was typed.
 */
@Controller
@RequestMapping("/rounds/{reference}")
class RoundStepsController {

	private final RoundManagement management;

	private final RoundOpening opening;

	private final Clock clock;

	RoundStepsController(RoundManagement management, RoundOpening opening, Clock clock) {
		this.management = management;
		this.opening = opening;
		this.clock = clock;
	}

	@GetMapping("/open")
	String checkOpen(@PathVariable String reference, Model model) {
		return openPage(this.management.get(reference), model);
	}

	@PostMapping("/open")
	String open(@PathVariable String reference, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			RoundView opened = this.opening.open(reference, version, user);
			redirect.addFlashAttribute("success",
					opened.reference() + " is open: applicants can see it on the public pages, and apply from "
							+ Dates.dayAndTime(opened.opensAt()) + " until " + Dates.dayAndTime(opened.closesAt()));
			return "redirect:/rounds/" + opened.reference();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return openPage(this.management.get(reference), model);
		}
	}

	@GetMapping("/closing-time")
	String closingTime(@PathVariable String reference, Model model) {
		RoundView round = this.management.get(reference);
		return closingTimePage(round, ClosingTimeForm.of(round), model);
	}

	@PostMapping("/closing-time/check")
	String checkClosingTime(@PathVariable String reference, @ModelAttribute("form") ClosingTimeForm form, Model model,
			HttpServletResponse response) {
		RoundView round = this.management.get(reference);
		try {
			Instant closesAt = form.closesAt();
			model.addAttribute("round", round);
			model.addAttribute("form", form);
			model.addAttribute("closesAt", closesAt);
			return "rounds/round-closing-time-check";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return closingTimePage(round, form, model);
		}
	}

	@PostMapping("/closing-time")
	String moveClosingTime(@PathVariable String reference, @ModelAttribute("form") ClosingTimeForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			RoundView moved = this.opening.closeLater(reference, form.closesAt(), form.reason(), form.version(), user);
			redirect.addFlashAttribute("success",
					moved.reference() + " now closes on " + Dates.dayAndTime(moved.closesAt()));
			return "redirect:/rounds/" + moved.reference();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView now = this.management.get(reference);
			return closingTimePage(now, refusal.conflict() ? form.withVersion(now.version()) : form, model);
		}
	}

	@GetMapping("/close")
	String checkClose(@PathVariable String reference, Model model) {
		RoundView round = this.management.get(reference);
		return stepPage(round, "close", "", round.version(), model);
	}

	@PostMapping("/close")
	String close(@PathVariable String reference, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			RoundView closed = this.opening.close(reference, reason, version, user);
			redirect.addFlashAttribute("success", closed.reference() + " is closed: no more applications are taken");
			return "redirect:/rounds/" + closed.reference();
		}
		catch (RuntimeException refused) {
			return refusedStep(refused, reference, "close", reason, version, model, response);
		}
	}

	@GetMapping("/cancel")
	String checkCancel(@PathVariable String reference, Model model) {
		RoundView round = this.management.get(reference);
		return stepPage(round, "cancel", "", round.version(), model);
	}

	@PostMapping("/cancel")
	String cancel(@PathVariable String reference, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			RoundView cancelled = this.opening.cancel(reference, reason, version, user);
			redirect.addFlashAttribute("success", cancelled.reference() + " is cancelled");
			return "redirect:/rounds/" + cancelled.reference();
		}
		catch (RuntimeException refused) {
			return refusedStep(refused, reference, "cancel", reason, version, model, response);
		}
	}

	private String refusedStep(RuntimeException refused, String reference, String step, String reason, Long version,
			Model model, HttpServletResponse response) {
		Refusal refusal = Refusal.show(refused, model, response);
		RoundView now = this.management.get(reference);
		return stepPage(now, step, reason, refusal.conflict() ? now.version() : version, model);
	}

	private String openPage(RoundView round, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("missing", round.missingBeforeOpening());
		model.addAttribute("closingPassed", !round.closesAt().isAfter(this.clock.instant()));
		return "rounds/round-open";
	}

	private String closingTimePage(RoundView round, ClosingTimeForm form, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("form", form);
		return "rounds/round-closing-time";
	}

	private String stepPage(RoundView round, String step, String reason, Long version, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("step", step);
		model.addAttribute("reason", (reason != null) ? reason : "");
		model.addAttribute("version", version);
		model.addAttribute("early", round.closesAt().isAfter(this.clock.instant()));
		model.addAttribute("allowed",
				round.status().canBecome(step.equals("close") ? RoundStatus.CLOSED : RoundStatus.CANCELLED));
		return "rounds/round-step";
	}

}
