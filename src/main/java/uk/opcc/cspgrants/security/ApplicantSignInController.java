package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.notice.EmailDelivery;

/**
 * How an applicant signs in: they give their e-mail address and are always told to check
 * their email, whether or not the address had an account (nobody can find out who has
 * one); the link in the e-mail opens a page with a button, because mail scanners open
 * links before people do, and pressing it signs them in, in a new session, once.
 * <p>
 * With no way of sending e-mail the link is only kept in the application: then, in the
 * {@code demo} profile only, the "check your email" page shows it, so that the demo works
 * on a fresh machine. No other profile ever shows it.
 */
@Controller
class ApplicantSignInController {

	private final ApplicantSignIn signIn;

	private final ApplicantProperties properties;

	private final SessionRecords sessionRecords;

	private final boolean demoShowsLinks;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final CsrfAuthenticationStrategy newCsrfToken;

	/** How long a session lasts after signing in, however busy, in hours. */
	private final long sessionHours;

	ApplicantSignInController(ApplicantSignIn signIn, ApplicantProperties properties, Environment environment,
			ObjectProvider<EmailDelivery> email, SessionRecords sessionRecords,
			@Value("${csp-grants.sessions.absolute-timeout:12h}") Duration absoluteTimeout) {
		this.sessionHours = absoluteTimeout.toHours();
		this.signIn = signIn;
		this.sessionRecords = sessionRecords;
		this.properties = properties;
		EmailDelivery delivery = email.getIfAvailable();
		this.demoShowsLinks = demoShowsLinks(environment, delivery != null && delivery.emailsAreSent());
		this.newCsrfToken = new CsrfAuthenticationStrategy(SecurityConfiguration
			.csrfTokens(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)));
	}

	/**
	 * Whether the "check your email" page shows the link: only in the {@code demo}
	 * profile (never with {@code prod} too), and only when no e-mail is sent.
	 */
	static boolean demoShowsLinks(Environment environment, boolean emailsAreSent) {
		return environment.matchesProfiles("demo") && !environment.matchesProfiles("prod") && !emailsAreSent;
	}

	@GetMapping("/apply/sign-in")
	String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String next, Model model) {
		open();
		if (user != null && user.isApplicant()) {
			return "redirect:" + NextPath.orHome(next);
		}
		SignInLinkForm form = new SignInLinkForm();
		form.setNext(next);
		model.addAttribute("form", form);
		model.addAttribute("sessionHours", this.sessionHours);
		return "apply/sign-in";
	}

	@PostMapping("/apply/sign-in")
	String send(@ModelAttribute("form") SignInLinkForm form, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		open();
		Optional<String> address = ApplicantEmail.read(form.getEmail());
		if (address.isEmpty()) {
			binding.rejectValue("email", "refused",
					form.getEmail().isBlank() ? "Enter your email address"
							: (form.getEmail().strip().length() > ApplicantEmail.MAX_LENGTH)
									? "Email address must be " + ApplicantEmail.MAX_LENGTH + " characters or fewer"
									: "Enter an email address in the correct format, like name@example.com");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("refused", true);
			return "apply/sign-in";
		}
		Optional<String> token = this.signIn.sendLink(address.get(), form.getNext(), request.getRemoteAddr());
		if (this.demoShowsLinks) {
			// shown on this answer, not carried to another page: no session, nothing in
			// an address bar or a log
			model.addAttribute("demoLink", token.map(sent -> "/apply/link/" + sent).orElse(null));
			model.addAttribute("demoThrottled", token.isEmpty());
			return "apply/sent";
		}
		return "redirect:/apply/sign-in/sent";
	}

	@GetMapping("/apply/sign-in/sent")
	String sent() {
		open();
		return "apply/sent";
	}

	@GetMapping("/apply/link/{token}")
	String link(@PathVariable String token, Model model, HttpServletResponse response) {
		open();
		ApplicantSignIn.LinkState state = this.signIn.look(token);
		if (state != ApplicantSignIn.LinkState.USABLE) {
			return refused(state, model, response);
		}
		model.addAttribute("token", token);
		return "apply/link";
	}

	@PostMapping("/apply/link/{token}")
	String use(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		open();
		Optional<ApplicantSignIn.SignedIn> signedIn = this.signIn.use(token);
		if (signedIn.isEmpty()) {
			return refused(this.signIn.look(token), model, response);
		}
		// a new session for the person now signed in: whatever session came with the
		// request (someone else's, or one planted) is ended, never carried over
		HttpSession before = request.getSession(false);
		if (before != null) {
			before.invalidate();
		}
		request.getSession(true);
		this.sessionRecords.started(request, signedIn.get().applicant().id(), "a sign-in link", false);
		this.newCsrfToken.onAuthentication(signedIn.get().authentication(), request, response);
		this.contexts.saveContext(SecurityContextHolder.getContext(), request, response);
		return "redirect:" + signedIn.get().nextPath();
	}

	/**
	 * The page for a link that does not sign in, offering a new one: 409 when it was
	 * already used (perhaps a moment ago, by a second press), 410 when it expired, 404
	 * when it is not a link at all.
	 */
	private static String refused(ApplicantSignIn.LinkState state, Model model, HttpServletResponse response) {
		response.setStatus(switch (state) {
			case USED -> HttpServletResponse.SC_CONFLICT;
			case EXPIRED -> HttpServletResponse.SC_GONE;
			default -> HttpServletResponse.SC_NOT_FOUND;
		});
		model.addAttribute("state",
				(state == ApplicantSignIn.LinkState.USABLE) ? ApplicantSignIn.LinkState.UNKNOWN : state);
		return "apply/link-refused";
	}

	private void open() {
		if (!this.properties.signIn()) {
			throw new NotFoundException("Applying for a grant online is not open.");
		}
	}

}
