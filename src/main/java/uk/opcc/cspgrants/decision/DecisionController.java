package uk.opcc.cspgrants.decision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunStatus;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The decision record pages for OPCC staff: list, pending actions, draft and each
 * sign-off.
 */
@Controller
@RequestMapping("/decisions")
class DecisionController {

	private final DecisionManagement decisions;

	private final DecisionDocuments documents;

	private final RunManagement runs;

	DecisionController(DecisionManagement decisions, DecisionDocuments documents, RunManagement runs) {
		this.decisions = decisions;
		this.documents = documents;
		this.runs = runs;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("records", this.decisions.list());
		model.addAttribute("pending", this.decisions.pendingFor(user));
		return "decision/list";
	}

	@GetMapping("/new")
	String newRecord(@RequestParam(required = false) String corrects, Model model) {
		model.addAttribute("typed", (corrects != null) ? Map.of("correctsReference", corrects) : Map.of());
		model.addAttribute("runs", approvedRuns());
		return "decision/edit";
	}

	@PostMapping
	String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			DecisionView created = this.decisions.create(draft(form, null), user);
			redirect.addFlashAttribute("success", "Decision record " + created.reference() + " has been drafted");
			return "redirect:/decisions/" + created.reference();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("typed", form);
			model.addAttribute("runs", approvedRuns());
			return "decision/edit";
		}
	}

	@GetMapping("/{reference}")
	String show(@PathVariable String reference, @AuthenticationPrincipal CurrentUser user, Model model) {
		DecisionView record = this.decisions.get(reference);
		model.addAttribute("record", record);
		model.addAttribute("document", this.documents.of(record, false));
		model.addAttribute("sections", Section.values());
		model.addAttribute("today", LocalDate.now());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		return "decision/show";
	}

	@GetMapping("/{reference}/edit")
	String edit(@PathVariable String reference, Model model) {
		DecisionView record = this.decisions.get(reference);
		model.addAttribute("record", record);
		model.addAttribute("typed", Map.of());
		model.addAttribute("runs", approvedRuns());
		return "decision/edit";
	}

	@PostMapping("/{reference}")
	String update(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.decisions.update(reference, draft(form, reference), user);
			redirect.addFlashAttribute("success", "The draft has been saved");
			return "redirect:/decisions/" + reference;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("record", this.decisions.get(reference));
			model.addAttribute("typed", form);
			model.addAttribute("runs", approvedRuns());
			return "decision/edit";
		}
	}

	@PostMapping("/{reference}/consult")
	String consult(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return signOff(reference, form, user, model, response, redirect,
				() -> this.decisions.consult(reference, form.get("name"), date(form.get("on")), user));
	}

	@PostMapping("/{reference}/publication")
	String publication(@PathVariable String reference, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> redacted, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Set<Section> sections = EnumSet.noneOf(Section.class);
		if (redacted != null) {
			redacted.forEach(
					name -> sections.add(choice(Section.class, name, "redacted", "Choose the sections to redact")));
		}
		model.addAttribute("typedSections", sections);
		return signOff(reference, form, user, model, response, redirect,
				() -> this.decisions.decidePublication(reference, publication(form, "record"),
						publication(form, "report"), publication(form, "details"), form.get("reasons"), sections,
						date(form.get("on")), user));
	}

	@PostMapping("/{reference}/decide")
	String decide(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return signOff(reference, form, user, model, response, redirect,
				() -> this.decisions.decide(reference,
						choice(Outcome.class, form.get("decision"), "decision", "Choose Supported or Not supported"),
						date(form.get("on")), form.get("comment"), user));
	}

	@PostMapping("/{reference}/send-back")
	String sendBack(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return signOff(reference, form, user, model, response, redirect,
				() -> this.decisions.sendBack(reference, form.get("reason"), user));
	}

	@GetMapping("/{reference}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String reference) {
		return DecisionDocuments.pdfResponse(reference, this.documents.pdf(this.decisions.get(reference), false));
	}

	/**
	 * A sign-off step: on success back to the record; refused, the record again with the
	 * messages on the fields and what was typed kept (400, or 409 when the record moved
	 * on in the meantime).
	 */
	private String signOff(String reference, Map<String, String> form, CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Supplier<DecisionView> step) {
		try {
			DecisionView after = step.get();
			redirect.addFlashAttribute("success", after.reference() + " is now: " + after.status().label());
			return "redirect:/decisions/" + after.reference();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("typed", form);
			return show(reference, user, model);
		}
	}

	private static Publication publication(Map<String, String> form, String part) {
		String value = form.get(part);
		return (value == null || value.isBlank()) ? null : choice(Publication.class, value, "record",
				"Decide Yes, Part redacted or No for the record, the report and the decision details");
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String name, String field, String message) {
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(name)) {
				return value;
			}
		}
		throw new ValidationException(field, message);
	}

	private List<uk.opcc.cspgrants.allocation.RunView> approvedRuns() {
		return this.runs.published().stream().filter(run -> run.status() == RunStatus.APPROVED).toList();
	}

	static DecisionDraft draft(Map<String, String> form, String reference) {
		Long runId = null;
		String run = form.get("formulaRunId");
		if (run != null && !run.isBlank()) {
			try {
				runId = Long.valueOf(run.strip());
			}
			catch (NumberFormatException notANumber) {
				throw new ValidationException("formulaRunId", "Choose an approved formula run");
			}
		}
		Long version = null;
		if (form.get("version") != null && !form.get("version").isBlank()) {
			version = Long.valueOf(form.get("version").strip());
		}
		return new DecisionDraft(form.get("title"), date(form.get("decisionDate")), form.get("officersPresent"),
				form.get("summary"), form.get("recommendations"), form.get("discussion"),
				form.get("financialImplications"), runId, (reference == null) ? form.get("correctsReference") : null,
				version);
	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException notADate) {
			throw new ValidationException("on", "Enter a date like 2024-07-09");
		}
	}

}
