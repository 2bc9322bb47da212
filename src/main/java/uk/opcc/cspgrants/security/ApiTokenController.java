package uk.opcc.cspgrants.security;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The API token pages: a person's own tokens ({@code /account/tokens}) and, for
 * administrators, everyone's ({@code /admin/tokens}), where a token can be made for a
 * service account. A new token's secret is shown once, on a page never kept by a browser
 * or proxy; revoking asks first.
 */
@Controller
class ApiTokenController {

	private static final String MINE = "/account/tokens";

	private static final String EVERYONE = "/admin/tokens";

	private final ApiTokens tokens;

	private final Clock clock;

	private final UserAccountRepository accounts;

	private final SingleSignOnProperties signOn;

	ApiTokenController(ApiTokens tokens, Clock clock, UserAccountRepository accounts, SingleSignOnProperties signOn) {
		this.accounts = accounts;
		this.signOn = signOn;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping(MINE)
	String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		return list(false, TokenForm.blank(), user, model);
	}

	/** Everyone's tokens; {@code account} chooses the account a new one is for. */
	@GetMapping(EVERYONE)
	String everyone(@RequestParam(required = false) Long account, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return list(true, TokenForm.blank().withUserId(account), user, model);
	}

	@PostMapping(MINE)
	String createMine(@ModelAttribute("form") TokenForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		return create(false, form, user.id(), user, model, response);
	}

	@PostMapping(EVERYONE)
	String createForSomeone(@ModelAttribute("form") TokenForm form, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response) {
		return create(true, form, (form.userId() != null) ? form.userId() : -1, user, model, response);
	}

	@GetMapping({ MINE + "/{id}/revoke", EVERYONE + "/{id}/revoke" })
	String revokePage(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request) {
		model.addAttribute("token", this.tokens.get(id, user));
		model.addAttribute("base", request.getRequestURI().startsWith(EVERYONE) ? EVERYONE : MINE);
		return "tokens/revoke";
	}

	@PostMapping({ MINE + "/{id}/revoke", EVERYONE + "/{id}/revoke" })
	String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		String base = request.getRequestURI().startsWith(EVERYONE) ? EVERYONE : MINE;
		try {
			ApiTokenView revoked = this.tokens.revoke(id, user);
			redirect.addFlashAttribute("success", "The API token “" + revoked.name() + "” has been revoked");
			return "redirect:" + base;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return revokePage(id, user, model, request);
		}
	}

	private String create(boolean admin, TokenForm form, long userId, CurrentUser user, Model model,
			HttpServletResponse response) {
		try {
			ApiTokens.Created created = this.tokens.create(userId, form.name(), form.days(), form.readsOnly(),
					form.createKey(), user);
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("created", created);
			model.addAttribute("serviceAddress", serviceAddress());
			model.addAttribute("pageTitle", admin ? "A new API token" : "Your new API token");
			model.addAttribute("base", admin ? EVERYONE : MINE);
			return "tokens/created";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			// after "pressed twice" the first press's token exists: the next press makes
			// a new one
			return list(admin, refusal.conflict() ? form.withNewKey() : form, user, model);
		}
	}

	/** This service's address as the browser reached it, for the examples. */
	private static String serviceAddress() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private String list(boolean admin, TokenForm form, CurrentUser user, Model model) {
		model.addAttribute("admin", admin);
		model.addAttribute("base", admin ? EVERYONE : MINE);
		model.addAttribute("tokens", admin ? this.tokens.all() : this.tokens.of(user.id()));
		model.addAttribute("form", form);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("serviceAddress", serviceAddress());
		if (!admin && this.accounts.signsInThroughProvider(user.id())) {
			model.addAttribute("signInEveryDays", this.signOn.tokensNeedSignInWithin().toDays());
		}
		if (admin) {
			model.addAttribute("holders", this.tokens.holders());
		}
		return "tokens/list";
	}

}
