package uk.opcc.cspgrants.security;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The administrators' table of sign-in mappings ({@code /admin/sign-in-mappings}): which
 * group or app role at the organisation's provider gives which role here.
 */
@Controller
class SignInMappingController {

	private static final String PAGE = "/admin/sign-in-mappings";

	private final SignInMappings mappings;

	private final PartnershipManagement partnerships;

	private final List<SingleSignOn.Provider> providers;

	SignInMappingController(SignInMappings mappings, PartnershipManagement partnerships, SignInProviders providers) {
		this.mappings = mappings;
		this.partnerships = partnerships;
		this.providers = providers.all();
	}

	@GetMapping(PAGE)
	String list(Model model) {
		return page(SignInMappings.MappingForm.blank(), model);
	}

	@PostMapping(PAGE)
	String add(@ModelAttribute("form") SignInMappings.MappingForm form, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			SignInMappings.MappingView added = this.mappings.add(form, user);
			redirect.addFlashAttribute("success", "People whose " + added.claim() + " carries “" + added.value()
					+ "” will be " + added.role().label() + " from their next sign-in");
			return "redirect:" + PAGE;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return page(form, model);
		}
	}

	@PostMapping(PAGE + "/{id}/switch-off")
	String switchOff(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return switchTo(id, false, version, user, model, response, redirect);
	}

	@PostMapping(PAGE + "/{id}/switch-on")
	String switchOn(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return switchTo(id, true, version, user, model, response, redirect);
	}

	private String switchTo(long id, boolean on, long version, CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			SignInMappings.MappingView changed = this.mappings.switchTo(id, on, version, user);
			redirect.addFlashAttribute("success",
					on ? "The mapping to " + changed.role().label() + " is on: it gives the role from the next sign-in"
							: "The mapping to " + changed.role().label()
									+ " is off: nobody gets the role from it at their next sign-in");
			return "redirect:" + PAGE;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return page(SignInMappings.MappingForm.blank(), model);
		}
	}

	private String page(SignInMappings.MappingForm form, Model model) {
		model.addAttribute("mappings", this.mappings.all());
		model.addAttribute("form", form);
		model.addAttribute("roles", SignInMappings.MAPPABLE.toArray(Role[]::new));
		model.addAttribute("partnerships", this.partnerships.all().stream().filter(PartnershipView::active).toList());
		model.addAttribute("providers", this.providers);
		return "admin/sign-in-mappings";
	}

}
