package uk.opcc.cspgrants.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.ApplicantApplications;
import uk.opcc.cspgrants.shared.web.OpenRounds;

/**
 * An applicant's home page: who is signed in (their e-mail address), their applications,
 * and the grant rounds open for applications now, each linking to its public page.
 */
@Controller
class ApplicantHomeController {

	private final ApplicantSignIn signIn;

	private final ObjectProvider<OpenRounds> openRounds;

	private final ObjectProvider<ApplicantApplications> applications;

	ApplicantHomeController(ApplicantSignIn signIn, ObjectProvider<OpenRounds> openRounds,
			ObjectProvider<ApplicantApplications> applications) {
		this.signIn = signIn;
		this.openRounds = openRounds;
		this.applications = applications;
	}

	@GetMapping("/apply")
	String home(@AuthenticationPrincipal CurrentUser applicant, Model model) {
		model.addAttribute("email", this.signIn.emailOf(applicant).orElse(applicant.displayName()));
		OpenRounds rounds = this.openRounds.getIfAvailable();
		List<OpenRounds.OpenRound> open = (rounds != null) ? rounds.open() : List.of();
		model.addAttribute("rounds", open);
		ApplicantApplications theirs = this.applications.getIfAvailable();
		model.addAttribute("applications", (theirs != null) ? theirs.of(applicant.id()) : List.of());
		return "apply/home";
	}

}
