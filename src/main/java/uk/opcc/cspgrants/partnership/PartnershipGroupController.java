package uk.opcc.cspgrants.partnership;

import java.util.List;
import java.util.function.Supplier;

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
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.FormErrors;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The partnership group pages: list, view, make, change, archive (after a check page) and
 * make active again.
 */
@Controller
@RequestMapping("/partnership-groups")
class PartnershipGroupController {

	private final PartnershipGroupManagement groups;

	private final PartnershipManagement partnerships;

	private final AuditTrail auditTrail;

	PartnershipGroupController(PartnershipGroupManagement groups, PartnershipManagement partnerships,
			AuditTrail auditTrail) {
		this.groups = groups;
		this.partnerships = partnerships;
		this.auditTrail = auditTrail;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean archived, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("groups", this.groups.list(archived));
		model.addAttribute("showingArchived", archived);
		model.addAttribute("mayEdit", mayEdit(user));
		return "partnership/groups";
	}

	@GetMapping("/new")
	String newGroup(Model model) {
		model.addAttribute("form", new PartnershipGroupForm());
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") PartnershipGroupForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, null);
		}
		try {
			PartnershipGroupView created = this.groups.create(form.toDetails());
			redirect.addFlashAttribute("success", "The group " + created.name() + " has been made");
			return "redirect:/partnership-groups/" + created.id();
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				return form(model, null);
			}
			throw refusal;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		PartnershipGroupView group = this.groups.get(id);
		model.addAttribute("group", group);
		model.addAttribute("mayEdit", mayEdit(user));
		if (mayEdit(user)) {
			model.addAttribute("history", this.auditTrail.historyOf(PartnershipGroupManagement.AUDIT_TYPE, id));
		}
		return "partnership/group";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		PartnershipGroupView group = this.groups.get(id);
		model.addAttribute("form", PartnershipGroupForm.from(group));
		return form(model, group);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") PartnershipGroupForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, this.groups.get(id));
		}
		try {
			PartnershipGroupView saved = this.groups.update(id, form.toDetails(), form.getVersion());
			redirect.addFlashAttribute("success", "The changes to " + saved.name() + " have been saved");
			return "redirect:/partnership-groups/" + id;
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				PartnershipGroupView current = this.groups.get(id);
				if (response.getStatus() == HttpServletResponse.SC_CONFLICT && !result.hasFieldErrors()) {
					model.addAttribute("current", current);
				}
				return form(model, current);
			}
			throw refusal;
		}
	}

	/** Asks before a group is archived. */
	@GetMapping("/{id}/archive")
	String confirmArchive(@PathVariable long id, Model model) {
		model.addAttribute("group", this.groups.get(id));
		return "partnership/group-archive";
	}

	@PostMapping("/{id}/archive")
	String archive(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeActive(id, user, model, response, redirect, () -> this.groups.archive(id, version),
				" has been archived");
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeActive(id, user, model, response, redirect, () -> this.groups.restore(id, version),
				" is active again");
	}

	/** Archiving or restoring; refused, the group's page again with why (400/409). */
	private String changeActive(long id, CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Supplier<PartnershipGroupView> change, String outcome) {
		try {
			PartnershipGroupView changed = change.get();
			redirect.addFlashAttribute("success", "The group " + changed.name() + outcome);
			return "redirect:/partnership-groups/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return show(id, user, model);
		}
	}

	/**
	 * The form, offering every active partnership and any archived one the group has
	 * already.
	 */
	private String form(Model model, PartnershipGroupView group) {
		List<PartnershipView> offered = this.partnerships.all()
			.stream()
			.filter(partnership -> partnership.active() || (group != null && group.hasMember(partnership.id())))
			.toList();
		model.addAttribute("group", group);
		model.addAttribute("partnerships", offered);
		return (group != null) ? "partnership/group-edit" : "partnership/group-new";
	}

	private static boolean mayEdit(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.OFFICER);
	}

}
