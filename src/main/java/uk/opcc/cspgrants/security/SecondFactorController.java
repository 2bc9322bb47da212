package uk.opcc.cspgrants.security;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The second factor's pages: the code asked for after a right password
 * ({@code /login/second-factor}), setting up the authenticator app (straight after the
 * password when the role requires it, or from one's account), the recovery codes shown
 * once, turning it off where the role allows, and an administrator's reset for a lost
 * phone. The sign-in pages act only for the password given in the same session, never for
 * whoever is signed in.
 */
@Controller
class SecondFactorController {

	private static final String SIGN_IN = "/login/second-factor";

	private static final String ACCOUNT = "/account/second-factor";

	private static final String SETTING_UP = SecondFactorController.class.getName() + ".SETTING_UP";

	private final SecondFactors factors;

	private final SecondFactorGate gate;

	private final SignInThrottle throttle;

	private final UserManagement accounts;

	private final SecretSeal seal;

	SecondFactorController(SecondFactors factors, SecondFactorGate gate, SignInThrottle throttle,
			UserManagement accounts, SecretSeal seal) {
		this.factors = factors;
		this.seal = seal;
		this.gate = gate;
		this.throttle = throttle;
		this.accounts = accounts;
	}

	@GetMapping(SIGN_IN)
	String askForCode(HttpServletRequest request) {
		Optional<CurrentUser> pending = pendingUser(request);
		if (pending.isEmpty()) {
			return noneWaiting();
		}
		if (!this.factors.status(pending.get().id()).setUp()) {
			return "redirect:" + SIGN_IN + "/set-up";
		}
		return "second-factor/code";
	}

	@PostMapping(SIGN_IN)
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException, ServletException {
		Optional<CurrentUser> pending = pendingUser(request);
		if (pending.isEmpty()) {
			return noneWaiting();
		}
		CurrentUser user = pending.get();
		SecondFactors.Outcome outcome = this.factors.signInWithCode(user, code);
		if (outcome == SecondFactors.Outcome.ACCEPTED) {
			this.gate.signIn(user, SecondFactors.isRecoveryCode(code) ? "a password and a recovery code"
					: "a password and a code from the authenticator app", request, response, true);
			return null;
		}
		if (outcome == SecondFactors.Outcome.LOCKED) {
			request.getSession().removeAttribute(SecondFactorGate.PENDING);
			return "redirect:/login?locked";
		}
		if (outcome == SecondFactors.Outcome.ALREADY_USED) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("errors",
					Map.of("code", "That code has just been used to sign in: wait for the app to show the next one"));
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors",
					Map.of("code", code.isBlank()
							? "Enter the 6-digit code from your authenticator app, or a recovery code"
							: "The code is not right: enter the 6 digits your app shows now, or a recovery code"));
		}
		return "second-factor/code";
	}

	/**
	 * Where to go when no password waits for its code in this session: someone signed in
	 * already (a page bookmarked, the back button) goes home; otherwise the password's
	 * five minutes ran out.
	 */
	private static String noneWaiting() {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		return (signedIn != null && signedIn.getPrincipal() instanceof CurrentUser) ? "redirect:/"
				: "redirect:/login?expired";
	}

	/** Setting up the app straight after the password, when the role requires it. */
	@GetMapping(SIGN_IN + "/set-up")
	String setUpSigningIn(HttpServletRequest request, Model model) {
		Optional<CurrentUser> pending = pendingUser(request);
		if (pending.isEmpty()) {
			return noneWaiting();
		}
		if (this.factors.status(pending.get().id()).setUp()) {
			return "redirect:" + SIGN_IN;
		}
		return setUpPage(pending.get(), true, request, model);
	}

	@PostMapping(SIGN_IN + "/set-up")
	String confirmSigningIn(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException, ServletException {
		Optional<CurrentUser> pending = pendingUser(request);
		if (pending.isEmpty()) {
			return noneWaiting();
		}
		return confirm(pending.get(), true, code, request, response, model);
	}

	/** Choosing a second factor from one's account. */
	@GetMapping(ACCOUNT + "/set-up")
	String setUpFromAccount(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
		if (this.factors.status(user.id()).setUp()) {
			return "redirect:" + ACCOUNT;
		}
		return setUpPage(user, false, request, model);
	}

	@PostMapping(ACCOUNT + "/set-up")
	String confirmFromAccount(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response, Model model)
			throws IOException, ServletException {
		return confirm(user, false, code, request, response, model);
	}

	@GetMapping(ACCOUNT)
	String account(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("status", this.factors.status(user.id()));
		model.addAttribute("required", this.factors.required(user));
		return "second-factor/account";
	}

	@GetMapping(ACCOUNT + "/recovery-codes")
	String newRecoveryCodesPage(@AuthenticationPrincipal CurrentUser user, Model model) {
		SecondFactors.Status status = this.factors.status(user.id());
		if (!status.setUp()) {
			return "redirect:" + ACCOUNT;
		}
		model.addAttribute("status", status);
		return "second-factor/new-recovery-codes";
	}

	@PostMapping(ACCOUNT + "/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "-1") int version,
			Model model, HttpServletResponse response) {
		try {
			List<String> recoveryCodes = this.factors.newRecoveryCodes(user, version);
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("recoveryCodes", recoveryCodes);
			model.addAttribute("madeAgain", true);
			return "second-factor/recovery-codes";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			SecondFactors.Status status = this.factors.status(user.id());
			if (!status.setUp()) {
				return account(user, model);
			}
			model.addAttribute("status", status);
			return "second-factor/new-recovery-codes";
		}
	}

	@GetMapping(ACCOUNT + "/turn-off")
	String turnOffPage(@AuthenticationPrincipal CurrentUser user) {
		if (this.factors.required(user) || !this.factors.status(user.id()).setUp()) {
			return "redirect:" + ACCOUNT;
		}
		return "second-factor/turn-off";
	}

	@PostMapping(ACCOUNT + "/turn-off")
	String turnOff(@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.factors.remove(user.id(), user, false);
			redirect.addFlashAttribute("success", "Your second factor is off: you sign in with your password alone");
			return "redirect:" + ACCOUNT;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return account(user, model);
		}
	}

	@GetMapping("/admin/users/{id}/second-factor/reset")
	String resetPage(@PathVariable long id, Model model) {
		model.addAttribute("user", this.accounts.get(id));
		model.addAttribute("status", this.factors.status(id));
		return "second-factor/reset";
	}

	@PostMapping("/admin/users/{id}/second-factor/reset")
	String reset(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.factors.remove(id, admin, true);
			redirect.addFlashAttribute("success",
					"The second factor is reset: they set up their authenticator app again at their next sign-in");
			return "redirect:/admin/users/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return resetPage(id, model);
		}
	}

	private String confirm(CurrentUser user, boolean signingIn, String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException, ServletException {
		try {
			String secret = secretBeingSetUp(user, request).orElseThrow(() -> this.factors.status(user.id()).setUp()
					? new ConflictException("code",
							"A second factor is already set up for this account: sign in with a code from the app")
					: new ValidationException("code",
							"This page was open too long: scan the new QR code and enter its code"));
			List<String> recoveryCodes = this.factors.confirm(user, secret, code);
			request.getSession().removeAttribute(SETTING_UP);
			if (signingIn) {
				this.throttle.recordSuccess(user.getUsername());
				this.gate.signIn(user, "a password and a code from the authenticator app, set up now", request,
						response, false);
			}
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("recoveryCodes", recoveryCodes);
			return "second-factor/recovery-codes";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			if (refusal.conflict()) {
				// set up meanwhile (pressed twice, or in another tab): ask for a code
				return signingIn ? "second-factor/code" : account(user, model);
			}
			return setUpPage(user, signingIn, request, model);
		}
	}

	/**
	 * The set-up page: a secret made for this session (the same one if the page is shown
	 * again in it), stored only once its first code is right, so that nobody else with
	 * the password can read the secret someone is setting up.
	 */
	private String setUpPage(CurrentUser user, boolean signingIn, HttpServletRequest request, Model model) {
		String secret = secretBeingSetUp(user, request).orElseGet(() -> {
			String made = SecondFactors.newSecret();
			request.getSession().setAttribute(SETTING_UP, new SettingUp(user.id(), this.seal.seal(user.id(), made)));
			return made;
		});
		// the CSRF token's cookie is set now, before the page: the QR code's drawing
		// fills
		// the response's buffer, and once it is sent no cookie can follow
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			csrf.getToken();
		}
		model.addAttribute("secretGroups", String.join(" ", secret.split("(?<=\\G.{4})")));
		model.addAttribute("qr", QrCode.of(TotpCodes.otpauthUri(user.getUsername(), secret)));
		model.addAttribute("action", signingIn ? SIGN_IN + "/set-up" : ACCOUNT + "/set-up");
		model.addAttribute("signingIn", signingIn);
		return "second-factor/set-up";
	}

	private Optional<String> secretBeingSetUp(CurrentUser user, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		// (a session kept from before secrets were sealed holds none: a new one is made)
		if (session != null && session.getAttribute(SETTING_UP) instanceof SettingUp settingUp
				&& settingUp.userId() == user.id() && settingUp.sealedSecret() != null) {
			return this.seal.open(user.id(), settingUp.sealedSecret());
		}
		return Optional.empty();
	}

	private Optional<CurrentUser> pendingUser(HttpServletRequest request) {
		return SecondFactorGate.pending(request)
			.flatMap(pending -> this.accounts.principalOf(pending.username())
				.filter(user -> user.id() == pending.userId()));
	}

	/**
	 * A secret being set up in this session, and for whom: sealed like a kept one, as
	 * sessions are kept in the database on a deployment of several nodes.
	 */
	record SettingUp(long userId, String sealedSecret) implements Serializable {

	}

}
