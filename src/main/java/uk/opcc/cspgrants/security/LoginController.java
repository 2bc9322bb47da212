package uk.opcc.cspgrants.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. Spring Security checks the form it posts. */
@Controller
class LoginController {

	private final SignInProperties signIn;

	LoginController(SignInProperties signIn) {
		this.signIn = signIn;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("lockoutMinutes", this.signIn.lockoutMinutes());
		model.addAttribute("maxFailedAttempts", this.signIn.maxFailedAttempts());
		return "login";
	}

}
