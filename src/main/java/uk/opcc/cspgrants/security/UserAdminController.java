package uk.opcc.cspgrants.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.FormErrors;
import uk.opcc.cspgrants.shared.web.Refusal;

/** Administrators' pages for user accounts. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserManagement users;

	private final PartnershipManagement partnerships;

	private final OrganisationChoices organisations;

	private static final int RECENT_EVENTS = 10;

	private final AuditTrail auditTrail;

	private final SignInThrottle throttle;

	UserAdminController(UserManagement users, PartnershipManagement partnerships, OrganisationChoices organisations,
			AuditTrail auditTrail, SignInThrottle throttle) {
		this.throttle = throttle;
		this.auditTrail = auditTrail;
		this.users = users;
		this.organisations = organisations;
		this.partnerships = partnerships;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		// applicants' accounts are made only by asking for a sign-in link
		return java.util.Arrays.stream(Role.values()).filter(role -> role != Role.APPLICANT).toArray(Role[]::new);
	}

	/**
	 * The roles a service account may hold: those that hold API tokens, but not an
	 * administrator's.
	 */
	@ModelAttribute("programRoles")
	Role[] programRoles() {
		return java.util.Arrays.stream(Role.values())
			.filter(role -> role.holdsApiTokens() && role != Role.ADMIN)
			.toArray(Role[]::new);
	}

	@ModelAttribute("partnerships")
	Map<Long, PartnershipView> partnerships() {
		return this.partnerships.all()
			.stream()
			.collect(Collectors.toMap(PartnershipView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	/** The organisations a recipient contact may act for, by id. */
	@ModelAttribute("organisations")
	Map<Long, OrganisationChoices.Choice> organisations() {
		return this.organisations.all()
			.stream()
			.collect(Collectors.toMap(OrganisationChoices.Choice::id, Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
	}

	/** Who may be chosen as someone's manager: the OPCC's staff who can sign in. */
	@ModelAttribute("staff")
	java.util.List<UserView> staff() {
		return this.users.list()
			.stream()
			.filter(UserView::enabled)
			.filter(UserView::onTheStaff)
			.sorted(java.util.Comparator.comparing(UserView::displayName))
			.toList();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.users.list());
		return "admin/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new UserForm());
		return "admin/user-new";
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, BindingResult result, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			UserView created = this.users.createWithFirstPassword(form.getUsername(), form.toDetails(),
					form.getPassword());
			redirect.addFlashAttribute("success", "User " + created.username() + " has been added");
			return "redirect:/admin/users/" + created.id();
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				form.setPassword(null);
				return "admin/user-new";
			}
			throw refusal;
		}
	}

	@GetMapping("/new-service-account")
	String newServiceAccount(Model model) {
		model.addAttribute("form", new UserForm());
		model.addAttribute("forProgram", true);
		return "admin/service-account-new";
	}

	@PostMapping("/service-accounts")
	String createServiceAccount(@ModelAttribute("form") UserForm form, BindingResult result,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		try {
			UserView created = this.users.createServiceAccount(form.getUsername(), form.toDetails());
			redirect.addFlashAttribute("success", "Service account " + created.username()
					+ " has been added. Make an API token for its program below");
			return "redirect:/admin/users/" + created.id();
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				model.addAttribute("forProgram", true);
				return "admin/service-account-new";
			}
			throw refusal;
		}
	}

	/**
	 * The account's last ten events, newest first: sign-ins and refused ones (with the
	 * network address), lock-outs, the second factor, and changes by administrators.
	 */
	private void recentEvents(long id, Model model) {
		model.addAttribute("recentEvents", this.auditTrail
			.find(new AuditTrail.AuditFilter(AuditTrail.USER, String.valueOf(id), null, null, null), 0, RECENT_EVENTS));
	}

	/**
	 * What the page says about the account besides its details: its lock-out, if it is
	 * locked now, and whether it is the administrator's own (changed on their own pages,
	 * never disabled by themselves).
	 */
	private void state(UserView user, CurrentUser actor, Model model) {
		model.addAttribute("lockedUntil",
				this.throttle.lockedUntil(user.username()).map(Dates::dayAndTime).orElse(null));
		model.addAttribute("ownAccount", actor != null && actor.id() == user.id());
		// an applicant (a link each time) and someone who signs in through the
		// organisation have no password here to reset
		model.addAttribute("applicantAccount", user.has(Role.APPLICANT));
		model.addAttribute("noPassword", user.has(Role.APPLICANT) || this.users.signsInThroughProvider(user.id()));
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser actor, Model model) {
		UserView user = this.users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("forProgram", user.serviceAccount());
		model.addAttribute("form", UserForm.from(user, partnershipCode(user)));
		model.addAttribute("passwordForm", new PasswordResetForm());
		recentEvents(id, model);
		state(user, actor, model);
		return "admin/user-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser actor, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.users.update(id, form.toDetails(), form.getVersion(), actor);
			redirect.addFlashAttribute("success", "The changes have been saved");
			return "redirect:/admin/users/" + id;
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				UserView user = this.users.get(id);
				model.addAttribute("user", user);
				model.addAttribute("forProgram", user.serviceAccount());
				form.setUsername(user.username());
				if (response.getStatus() == HttpServletResponse.SC_CONFLICT) {
					// what they typed stays; saving it again now means overwriting the
					// change shown
					model.addAttribute("current", user);
					form.setVersion(user.version());
				}
				model.addAttribute("passwordForm", new PasswordResetForm());
				recentEvents(id, model);
				state(user, actor, model);
				return "admin/user-edit";
			}
			throw refusal;
		}
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @ModelAttribute("passwordForm") PasswordResetForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser actor, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.users.resetPassword(id, form.getNewPassword(), actor);
			redirect.addFlashAttribute("success", "The password has been reset. Tell the user their new password.");
			return "redirect:/admin/users/" + id;
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				UserView user = this.users.get(id);
				model.addAttribute("user", user);
				model.addAttribute("forProgram", user.serviceAccount());
				model.addAttribute("form", UserForm.from(user, partnershipCode(user)));
				form.setNewPassword(null);
				recentEvents(id, model);
				state(user, actor, model);
				return "admin/user-edit";
			}
			throw refusal;
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser actor,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeStatus(id, actor, model, response, redirect, () -> this.users.disable(id, version, actor),
				"has been disabled");
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser actor,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeStatus(id, actor, model, response, redirect, () -> this.users.enable(id, version),
				"can sign in again");
	}

	/**
	 * Enabling or disabling; refused, the user's page again with the message (400/409).
	 */
	private String changeStatus(long id, CurrentUser actor, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Supplier<UserView> change, String outcome) {
		try {
			UserView user = change.get();
			redirect.addFlashAttribute("success", "User " + user.username() + " " + outcome);
			return "redirect:/admin/users/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return edit(id, actor, model);
		}
	}

	private String partnershipCode(UserView user) {
		return (user.partnershipId() != null)
				? this.partnerships.findById(user.partnershipId()).map(PartnershipView::code).orElse(null) : null;
	}

}
