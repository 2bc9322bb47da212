package uk.opcc.cspgrants.rounds;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * The public pages of grant rounds, for anyone, signed in or not: the rounds that have
 * been opened, and each one's page with what it funds, who may apply, how applications
 * are scored and when it opens and closes. A draft is never shown: it is not found.
 */
@Controller
@RequestMapping("/public/rounds")
class PublicRoundsController {

	private final Rounds rounds;

	private final PublicRounds published;

	private final Clock clock;

	PublicRoundsController(Rounds rounds, PublicRounds published, Clock clock) {
		this.rounds = rounds;
		this.published = published;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("open", this.published.open());
		model.addAttribute("rows", this.published.published());
		model.addAttribute("now", this.clock.instant());
		return "public/rounds";
	}

	@GetMapping("/{reference}")
	String round(@PathVariable String reference, Model model) {
		RoundView round = this.rounds.find(reference)
			.filter(RoundView::published)
			.orElseThrow(() -> new NotFoundException("There is no published grant round " + reference));
		Instant now = this.clock.instant();
		model.addAttribute("round", round);
		model.addAttribute("phase", round.takesApplications(now) ? "taking"
				: round.opensLater(now) ? "later" : (round.status() == RoundStatus.CANCELLED) ? "cancelled" : "closed");
		return "public/round";
	}

}
