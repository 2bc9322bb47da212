package uk.opcc.cspgrants.partnership;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
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
import org.thymeleaf.context.LazyContextVariable;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.StaffDirectory;
import uk.opcc.cspgrants.shared.web.FormErrors;
import uk.opcc.cspgrants.shared.web.Refusal;
import uk.opcc.cspgrants.shared.web.RenderedFragments;

/** The partnership pages: list, view, add, change, archive and restore. */
@Controller
@RequestMapping("/partnerships")
class PartnershipController {

	private final PartnershipManagement partnerships;

	private final AuditTrail auditTrail;

	private final PartnershipGroupManagement groups;

	private final RenderedFragments fragments;

	PartnershipController(PartnershipManagement partnerships, AuditTrail auditTrail, PartnershipGroupManagement groups,
			RenderedFragments fragments) {
		this.fragments = fragments;
		this.groups = groups;
		this.partnerships = partnerships;
		this.auditTrail = auditTrail;
	}

	/**
	 * The OPCC officers who can sign in: whom a partnership's officer responsible is.
	 * Read only by a page that shows the form, not by the busy list.
	 */
	@ModelAttribute("officers")
	LazyContextVariable<List<StaffDirectory.StaffMember>> officers() {
		return new LazyContextVariable<>() {
			@Override
			protected List<StaffDirectory.StaffMember> loadValue() {
				return PartnershipController.this.partnerships.officers();
			}
		};
	}

	/**
	 * The list; its table is rendered once for each version of the partnerships and kept
	 * (a CSP manager's, their own alone, is rendered each time).
	 */
	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean archived, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		boolean mayEdit = mayEdit(user);
		model.addAttribute("table",
				this.fragments.render("partnerships " + archived + " " + mayEdit + " " + this.partnerships.version(),
						user, "partnership/list-table", "table",
						() -> Map.of("partnerships", this.partnerships.listFor(user, archived), "mayEdit", mayEdit),
						request, response));
		model.addAttribute("showingArchived", archived);
		model.addAttribute("mayEdit", mayEdit);
		return "partnership/list";
	}

	@GetMapping("/new")
	String newPartnership(Model model) {
		model.addAttribute("form", new PartnershipForm());
		return "partnership/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") PartnershipForm form, BindingResult result, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			PartnershipView created = this.partnerships.create(form.toDetails(), form.getResponsibleOfficerId());
			redirect.addFlashAttribute("success", created.name() + " has been added");
			return "redirect:/partnerships/" + created.code();
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				return "partnership/new";
			}
			throw refusal;
		}
	}

	@GetMapping("/{code}")
	String show(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
		PartnershipView partnership = this.partnerships.get(code, user);
		model.addAttribute("partnership", partnership);
		model.addAttribute("responsibleOfficer", this.partnerships.responsibleOfficerName(partnership).orElse(null));
		model.addAttribute("mayEdit", mayEdit(user));
		model.addAttribute("groups",
				this.groups.list(false).stream().filter(group -> group.hasMember(partnership.id())).toList());
		if (user.has(Role.ADMIN) || user.has(Role.OFFICER)) {
			model.addAttribute("history",
					this.auditTrail.historyOf(PartnershipManagement.AUDIT_TYPE, partnership.id()));
		}
		return "partnership/show";
	}

	@GetMapping("/{code}/edit")
	String edit(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
		PartnershipView partnership = this.partnerships.get(code, user);
		model.addAttribute("partnership", partnership);
		model.addAttribute("form", PartnershipForm.from(partnership));
		return "partnership/edit";
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute("form") PartnershipForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			PartnershipView saved = this.partnerships.update(code, form.toDetails(), form.getResponsibleOfficerId(),
					form.getVersion());
			redirect.addFlashAttribute("success", "The changes to " + saved.name() + " have been saved");
			return "redirect:/partnerships/" + saved.code();
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				PartnershipView current = this.partnerships.get(code, user);
				model.addAttribute("partnership", current);
				if (response.getStatus() == HttpServletResponse.SC_CONFLICT && !result.hasFieldErrors()) {
					model.addAttribute("current", current);
				}
				return "partnership/edit";
			}
			throw refusal;
		}
	}

	@PostMapping("/{code}/archive")
	String archive(@PathVariable String code, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeActive(code, user, model, response, redirect, () -> this.partnerships.archive(code, version),
				" has been archived");
	}

	@PostMapping("/{code}/restore")
	String restore(@PathVariable String code, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeActive(code, user, model, response, redirect, () -> this.partnerships.restore(code, version),
				" is active again");
	}

	/**
	 * Archiving or restoring; refused, the partnership's page again with why (400/409).
	 */
	private String changeActive(String code, CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Supplier<PartnershipView> change, String outcome) {
		try {
			PartnershipView changed = change.get();
			redirect.addFlashAttribute("success", changed.name() + outcome);
			return "redirect:/partnerships/" + changed.code();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return show(code, user, model);
		}
	}

	private static boolean mayEdit(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.OFFICER);
	}

}
