package uk.opcc.cspgrants.organisations;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import uk.opcc.cspgrants.grants.OrganisationGrantView;
import uk.opcc.cspgrants.grants.OrganisationGrants;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.FormErrors;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The organisation pages: the list with its search, adding one (with the check when its
 * name is spelled like one already recorded), its page with its grants and history,
 * changing it, and the CSPs it is the lead authority of.
 */
@Controller
@RequestMapping("/organisations")
class OrganisationController {

	private final OrganisationManagement organisations;

	private final OrganisationList list;

	private final OrganisationGrants grants;

	private final AuditTrail auditTrail;

	OrganisationController(OrganisationManagement organisations, OrganisationList list, OrganisationGrants grants,
			AuditTrail auditTrail) {
		this.organisations = organisations;
		this.list = list;
		this.grants = grants;
		this.auditTrail = auditTrail;
	}

	@ModelAttribute("types")
	OrganisationType[] types() {
		return OrganisationType.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) String search,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		OrganisationType chosen = typeNamed(type);
		model.addAttribute("result", this.list.find(chosen, search, page));
		model.addAttribute("type", (chosen != null) ? chosen.name() : "");
		model.addAttribute("search", (search != null) ? search.strip() : "");
		model.addAttribute("mayEdit", mayEdit(user));
		return "organisations/list";
	}

	@GetMapping("/new")
	String newOrganisation(Model model) {
		model.addAttribute("form", new OrganisationForm());
		return "organisations/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") OrganisationForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean backToForm, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (backToForm) {
			return "organisations/new";
		}
		try {
			OrganisationRecord created = this.organisations.create(form.toDetails(), form.isDespiteSimilarName());
			redirect.addFlashAttribute("success",
					created.name() + " has been added with the identifier " + created.identifier());
			return "redirect:/organisations/" + created.id();
		}
		catch (SimilarNameException similar) {
			return similarNamePage(similar, null, model);
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				return "organisations/new";
			}
			throw refusal;
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		OrganisationRecord organisation = this.organisations.get(id);
		model.addAttribute("organisation", organisation);
		List<OrganisationGrantView> grants = this.grants.grantsTo(id);
		model.addAttribute("grants", grants);
		model.addAttribute("grantsTotal", OrganisationGrantView.totalAmount(grants));
		model.addAttribute("grantsPaid", OrganisationGrantView.totalPaid(grants));
		model.addAttribute("mayEdit", mayEdit(user));
		if (mayEdit(user)) {
			model.addAttribute("history", this.auditTrail.historyOf(OrganisationManagement.AUDIT_TYPE, id));
		}
		return "organisations/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		OrganisationRecord organisation = this.organisations.get(id);
		model.addAttribute("organisation", organisation);
		model.addAttribute("form", OrganisationForm.from(organisation));
		return "organisations/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") OrganisationForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean backToForm, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (backToForm) {
			model.addAttribute("organisation", this.organisations.get(id));
			return "organisations/edit";
		}
		try {
			OrganisationRecord saved = this.organisations.update(id, form.toDetails(), form.getVersion(),
					form.isDespiteSimilarName());
			redirect.addFlashAttribute("success", "The changes to " + saved.name() + " have been saved");
			return "redirect:/organisations/" + saved.id();
		}
		catch (SimilarNameException similar) {
			return similarNamePage(similar, this.organisations.get(id), model);
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				OrganisationRecord current = this.organisations.get(id);
				model.addAttribute("organisation", current);
				if (response.getStatus() == HttpServletResponse.SC_CONFLICT && !result.hasFieldErrors()) {
					model.addAttribute("current", current);
				}
				return "organisations/edit";
			}
			throw refusal;
		}
	}

	@GetMapping("/{id}/lead-authority")
	String leadAuthority(@PathVariable long id, Model model) {
		OrganisationRecord organisation = this.organisations.get(id);
		model.addAttribute("organisation", organisation);
		model.addAttribute("choices", this.organisations.leadChoices(id));
		model.addAttribute("version", organisation.version());
		return "organisations/lead-authority";
	}

	@PostMapping("/{id}/lead-authority")
	String setLeadAuthority(@PathVariable long id, @RequestParam(required = false) List<Long> partnershipIds,
			@RequestParam long version, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Set<Long> chosen = new LinkedHashSet<>((partnershipIds != null) ? partnershipIds : List.of());
		try {
			OrganisationRecord saved = this.organisations.setLeadAuthorities(id, chosen, version);
			redirect.addFlashAttribute("success",
					saved.leads().isEmpty() ? saved.name() + " is not the lead authority of any partnership"
							: saved.name() + " is the lead authority of " + String.join(", ",
									saved.leads().stream().map(OrganisationRecord.LedPartnership::name).toList()));
			return "redirect:/organisations/" + saved.id();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			OrganisationRecord organisation = this.organisations.get(id);
			model.addAttribute("organisation", organisation);
			model.addAttribute("choices",
					this.organisations.leadChoices(id)
						.stream()
						.map((choice) -> new OrganisationManagement.LeadChoice(choice.partnershipId(), choice.name(),
								chosen.contains(choice.partnershipId()), choice.ledBy()))
						.toList());
			model.addAttribute("version", version);
			model.addAttribute("current", organisation);
			return "organisations/lead-authority";
		}
	}

	/**
	 * The check page: the name typed is spelled like organisations already recorded. The
	 * officer goes to one of them, goes back to the form, or says it is another
	 * organisation and adds (or saves) it.
	 */
	private String similarNamePage(SimilarNameException similar, OrganisationRecord organisation, Model model) {
		model.addAttribute("similar", similar.similar());
		model.addAttribute("organisation", organisation);
		return "organisations/similar";
	}

	private static OrganisationType typeNamed(String name) {
		for (OrganisationType type : OrganisationType.values()) {
			if (type.name().equals(name)) {
				return type;
			}
		}
		return null;
	}

	private static boolean mayEdit(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.OFFICER);
	}

}
