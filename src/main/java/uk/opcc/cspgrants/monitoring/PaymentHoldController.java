package uk.opcc.cspgrants.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * An officer releases a payment hold: a page that says what the hold is and what
 * releasing it does, with the reason to give; the release, once (400 without a reason,
 * 409 when someone released it first, the reason typed kept); then a confirmation.
 */
@Controller
@RequestMapping("/monitoring/holds/{id}")
class PaymentHoldController {

	private final PaymentHolds holds;

	PaymentHoldController(PaymentHolds holds) {
		this.holds = holds;
	}

	@GetMapping("/release")
	String releasePage(@PathVariable long id, Model model) {
		PaymentHold hold = this.holds.get(id);
		return page(hold, "", hold.version(), model);
	}

	@PostMapping("/release")
	String release(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		try {
			this.holds.release(id, reason, version, user);
			return "redirect:/monitoring/holds/" + id + "/released";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			PaymentHold now = this.holds.get(id);
			return page(now, (reason != null) ? reason : "", refusal.conflict() ? now.version() : version, model);
		}
	}

	@GetMapping("/released")
	String released(@PathVariable long id, Model model) {
		model.addAttribute("hold", this.holds.get(id));
		return "monitoring/hold-released";
	}

	private static String page(PaymentHold hold, String reason, Long version, Model model) {
		model.addAttribute("hold", hold);
		model.addAttribute("reason", reason);
		model.addAttribute("version", version);
		return "monitoring/release-hold";
	}

}
