package uk.opcc.cspgrants.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The decision record pages for OPCC staff: list, pending actions, draft, and the
 * "consulted", publication and send-back steps (the Commissioner's decision has its own
 * pages, {@link DecidePages}).
 */
@Controller
@RequestMapping("/decisions")
class DecisionController {

	private final DecisionManagement decisions;

	private final DecisionDocuments documents;

	private final RunManagement runs;

	private final People people;

	private final Clock clock;

	DecisionController(DecisionManagement decisions, DecisionDocuments documents, RunManagement runs, People people,
			Clock clock) {
		this.clock = clock;
		this.decisions = decisions;
		this.documents = documents;
		this.runs = runs;
		this.people = people;
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
		model.addAttribute("decisionDate", DateParts.empty());
		model.addAttribute("runs", approvedRuns());
		return "decision/edit";
	}

	@PostMapping
	String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> read = new LinkedHashMap<>();
		try {
			DecisionView created = this.decisions.create(draft(form, null, read), user);
			redirect.addFlashAttribute("success", "Decision record " + created.reference() + " has been drafted");
			return "redirect:/decisions/" + created.reference();
		}
		catch (RuntimeException refused) {
			refuse(refused, read, DecisionForms.DRAFT, model, response);
			return editAgain(form, model);
		}
	}

	@GetMapping("/{reference}")
	String show(@PathVariable String reference, @AuthenticationPrincipal CurrentUser user, Model model) {
		DecisionView record = this.decisions.get(reference);
		model.addAttribute("record", record);
		model.addAttribute("document", this.documents.of(record, false));
		model.addAttribute("history", DecisionHistory.of(record, this.people.names()));
		model.addAttribute("sections", Section.values());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
			model.addAttribute("on", DateParts.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		}
		return "decision/show";
	}

	@GetMapping("/{reference}/edit")
	String edit(@PathVariable String reference, Model model) {
		DecisionView record = this.decisions.get(reference);
		model.addAttribute("record", record);
		model.addAttribute("typed", Map.of());
		model.addAttribute("decisionDate", DateParts.of(record.draft().decisionDate()));
		model.addAttribute("runs", approvedRuns());
		return "decision/edit";
	}

	@PostMapping("/{reference}")
	String update(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> read = new LinkedHashMap<>();
		try {
			this.decisions.update(reference, draft(form, reference, read), user);
			redirect.addFlashAttribute("success", "The draft has been saved");
			return "redirect:/decisions/" + reference;
		}
		catch (RuntimeException refused) {
			refuse(refused, read, DecisionForms.DRAFT, model, response);
			model.addAttribute("record", this.decisions.get(reference));
			return editAgain(form, model);
		}
	}

	@PostMapping("/{reference}/consult")
	String consult(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return signOff(reference, form, DecisionForms.CONSULT, user, model, response, redirect,
				(read) -> this.decisions.consult(reference, form.get("name"),
						DecisionForms.date(form, "on", "the date you were consulted", read), user),
				(after) -> user.displayName() + " signed " + reference + " as consulted on "
						+ Dates.day(after.consulted().on()) + ". It now waits for the Monitoring Officer's "
						+ "publication decision.");
	}

	@PostMapping("/{reference}/publication")
	String publication(@PathVariable String reference, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> redacted, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Set<Section> sections = EnumSet.noneOf(Section.class);
		model.addAttribute("typedSections", sections);
		return signOff(reference, form, DecisionForms.PUBLICATION, user, model, response, redirect, (read) -> {
			for (String name : (redacted != null) ? redacted : List.<String>of()) {
				sections.add(DecisionForms.choice(Section.class, name, "redacted", "Choose the sections to redact"));
			}
			return this.decisions.decidePublication(reference, publication(form, "record"), publication(form, "report"),
					publication(form, "details"), form.get("reasons"), sections,
					DecisionForms.date(form, "on", "the date of the publication decision", read), user);
		}, (after) -> user.displayName() + " made the publication decision on " + reference + " on "
				+ Dates.day(after.publication().on()) + ". It now waits for the Commissioner's decision.");
	}

	@PostMapping("/{reference}/send-back")
	String sendBack(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return signOff(reference, form, List.of("reason", "form"), user, model, response, redirect,
				(read) -> this.decisions.sendBack(reference, form.get("reason"), user),
				(after) -> user.displayName() + " sent " + reference + " back to the officer as a draft.");
	}

	@GetMapping("/{reference}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String reference) {
		return DecisionDocuments.pdfResponse(reference, this.documents.pdf(this.decisions.get(reference), false));
	}

	/**
	 * A sign-off step: on success back to the record with what happened; refused, the
	 * record again with every message on its field in the form's order and what was typed
	 * kept (400, or 409 when the record moved on in the meantime).
	 */
	private String signOff(String reference, Map<String, String> form, List<String> order, CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect,
			Function<Map<String, String>, DecisionView> step, Function<DecisionView, String> done) {
		Map<String, String> read = new LinkedHashMap<>();
		try {
			DecisionView after = step.apply(read);
			redirect.addFlashAttribute("success", done.apply(after));
			return "redirect:/decisions/" + after.reference();
		}
		catch (RuntimeException refused) {
			refuse(refused, read, order, model, response);
			model.addAttribute("typed", form);
			model.addAttribute("on", DecisionForms.dateParts(form, "on"));
			return show(reference, user, model);
		}
	}

	/** Shows the refusal with the form's own messages, in the form's order. */
	static void refuse(RuntimeException refused, Map<String, String> read, List<String> order, Model model,
			HttpServletResponse response) {
		Refusal refusal = Refusal.show(refused, model, response);
		model.addAttribute("errors", DecisionForms.inOrder(refusal.errors(), read, order));
	}

	private String editAgain(Map<String, String> form, Model model) {
		model.addAttribute("typed", form);
		model.addAttribute("decisionDate", DecisionForms.dateParts(form, "decisionDate"));
		model.addAttribute("runs", approvedRuns());
		return "decision/edit";
	}

	private static Publication publication(Map<String, String> form, String part) {
		return DecisionForms.choice(Publication.class, form.get(part), part,
				"Decide Yes, Part redacted or No for the record, the report and the decision details");
	}

	private List<RunView> approvedRuns() {
		return this.runs.published().stream().filter(run -> run.status() == RunStatus.APPROVED).toList();
	}

	static DecisionDraft draft(Map<String, String> form, String reference, Map<String, String> read) {
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
			try {
				version = Long.valueOf(form.get("version").strip());
			}
			catch (NumberFormatException notTheFormSent) {
				throw new ValidationException("form",
						"Open the record again and make your changes: the page was not the one the application sent");
			}
		}
		LocalDate date = DecisionForms.dateParts(form, "decisionDate").isBlank() ? null
				: DecisionForms.date(form, "decisionDate", "the date of the record", read);
		return new DecisionDraft(form.get("title"), date, form.get("officersPresent"), form.get("summary"),
				form.get("recommendations"), form.get("discussion"), form.get("financialImplications"), runId,
				(reference == null) ? form.get("correctsReference") : null, version);
	}

}
