package uk.opcc.cspgrants.rounds.applying;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * An applicant's pages: starting an application to a round that takes applications, its
 * task list, and a page per task, each saved as a whole ("Save and continue") from the
 * version read. A refused page is shown again with each message on its field and what was
 * typed; an application that is not the applicant's own is not found.
 */
@Controller
@RequestMapping("/apply")
class ApplicationController {

	private final ApplicationManagement management;

	private final Rounds rounds;

	private final ApplicationOutcomes outcomes;

	private final BusinessCasePartnerships partnerships;

	ApplicationController(ApplicationManagement management, Rounds rounds, ApplicationOutcomes outcomes,
			BusinessCasePartnerships partnerships) {
		this.partnerships = partnerships;
		this.outcomes = outcomes;
		this.management = management;
		this.rounds = rounds;
	}

	@GetMapping("/rounds/{reference}/start")
	String startPage(@PathVariable String reference, Model model) {
		RoundView round = this.rounds.find(reference)
			.filter(RoundView::published)
			.orElseThrow(() -> new NotFoundException("There is no published grant round " + reference));
		model.addAttribute("round", round);
		model.addAttribute("startKey", UUID.randomUUID());
		return "apply/start";
	}

	@PostMapping("/rounds/{reference}/start")
	String start(@PathVariable String reference, @RequestParam(required = false) UUID startKey,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response) {
		try {
			ApplicationView started = this.management.start(reference, startKey, applicant);
			return "redirect:/apply/applications/" + started.id();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return startPage(reference, model);
		}
	}

	@GetMapping("/applications/{id}")
	String taskList(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		show(application, model);
		model.addAttribute("outcome", this.outcomes.told(application).orElse(null));
		return "apply/application";
	}

	@GetMapping("/applications/{id}/check")
	String check(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		if (application.status() != ApplicationStatus.DRAFT) {
			return "redirect:/apply/applications/" + id;
		}
		show(application, model);
		return "apply/check";
	}

	@PostMapping("/applications/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response) {
		try {
			ApplicationView submitted = this.management.submit(id, version, applicant);
			return "redirect:/apply/applications/" + submitted.id() + "/submitted";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			ApplicationView now = this.management.get(id, applicant);
			show(now, model);
			return "apply/check";
		}
	}

	@GetMapping("/applications/{id}/submitted")
	String submitted(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		if (application.reference() == null) {
			return "redirect:/apply/applications/" + id;
		}
		show(application, model);
		return "apply/submitted";
	}

	@GetMapping("/applications/{id}/organisation")
	String organisation(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		if (application.businessCase()) {
			return "redirect:/apply/applications/" + id + "/partnership";
		}
		return page(application, TaskName.ORGANISATION, OrganisationForm.of(application), model);
	}

	@PostMapping("/applications/{id}/organisation")
	String saveOrganisation(@PathVariable long id, @ModelAttribute("form") OrganisationForm form,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return saved(id, applicant, TaskName.ORGANISATION, form, form::withVersion,
				() -> this.management.saveOrganisation(id, form.answers(), form.version(), applicant), model, response,
				redirect);
	}

	@GetMapping("/applications/{id}/partnership")
	String partnership(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		if (!application.businessCase()) {
			return "redirect:/apply/applications/" + id + "/organisation";
		}
		return page(application, TaskName.PARTNERSHIP, PartnershipForm.of(application), model);
	}

	@PostMapping("/applications/{id}/partnership")
	String savePartnership(@PathVariable long id, @ModelAttribute("form") PartnershipForm form,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return saved(id, applicant, TaskName.PARTNERSHIP, form, form::withVersion,
				() -> this.management.savePartnership(id, form.partnershipId(), form.version(), applicant), model,
				response, redirect);
	}

	@GetMapping("/applications/{id}/contact")
	String contact(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		return page(application, TaskName.CONTACT, ContactForm.of(application), model);
	}

	@PostMapping("/applications/{id}/contact")
	String saveContact(@PathVariable long id, @ModelAttribute("form") ContactForm form,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return saved(id, applicant, TaskName.CONTACT, form, form::withVersion,
				() -> this.management.saveContact(id, form.answers(), form.version(), applicant), model, response,
				redirect);
	}

	@GetMapping("/applications/{id}/project")
	String project(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		return page(application, TaskName.PROJECT, ProjectForm.of(application), model);
	}

	@PostMapping("/applications/{id}/project")
	String saveProject(@PathVariable long id, @ModelAttribute("form") ProjectForm form,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return saved(id, applicant, TaskName.PROJECT, form, form::withVersion, () -> {
			RoundView round = this.management.roundOf(id, applicant);
			return this.management.saveProject(id, form.answers(round.themeIds()), form.version(), applicant);
		}, model, response, redirect);
	}

	@GetMapping("/applications/{id}/funding")
	String funding(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		return page(application, TaskName.FUNDING, FundingForm.of(application), model);
	}

	@PostMapping("/applications/{id}/funding")
	String saveFunding(@PathVariable long id, @RequestParam MultiValueMap<String, String> sent,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FundingForm form = FundingForm.from(sent);
		return saved(id, applicant, TaskName.FUNDING, form, form::withVersion, () -> {
			RoundView round = this.management.roundOf(id, applicant);
			return this.management.saveFunding(id, form.answers(round.minAward(), round.maxAward()), form.version(),
					applicant);
		}, model, response, redirect);
	}

	@GetMapping("/applications/{id}/outcomes")
	String outcomes(@PathVariable long id, @AuthenticationPrincipal CurrentUser applicant, Model model) {
		ApplicationView application = this.management.get(id, applicant);
		return page(application, TaskName.OUTCOMES, OutcomesForm.of(application), model);
	}

	@PostMapping("/applications/{id}/outcomes")
	String saveOutcomes(@PathVariable long id, @ModelAttribute("form") OutcomesForm form,
			@AuthenticationPrincipal CurrentUser applicant, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return saved(id, applicant, TaskName.OUTCOMES, form, form::withVersion,
				() -> this.management.saveOutcomes(id, form.answers(), form.version(), applicant), model, response,
				redirect);
	}

	/**
	 * Saves a task and goes back to the task list; refused, shows the task's page again
	 * with what was typed (and, after a conflict, the version as it is now).
	 */
	private <F> String saved(long id, CurrentUser applicant, TaskName task, F form, Function<Long, F> withVersion,
			Supplier<ApplicationView> save, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			save.get();
			redirect.addFlashAttribute("success", "“" + task.title() + "” has been saved");
			return "redirect:/apply/applications/" + id;
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ApplicationView now = this.management.get(id, applicant);
			return page(now, task, refusal.conflict() ? withVersion.apply(now.version()) : form, model);
		}
	}

	private void show(ApplicationView application, Model model) {
		ApplicationModel.put(model, this.management.roundOf(application), application);
	}

	private String page(ApplicationView application, TaskName task, Object form, Model model) {
		show(application, model);
		model.addAttribute("task", task);
		model.addAttribute("form", form);
		model.addAttribute("types", OrganisationType.values());
		if (task == TaskName.PARTNERSHIP) {
			model.addAttribute("partnerships", this.partnerships.choices());
		}
		return "apply/task-" + task.path();
	}

}
