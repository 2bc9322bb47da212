package uk.opcc.cspgrants.commissioning;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The funding stream pages of a year: the streams with their total (the commissioning
 * budget) and what is drawn on each; a new stream; a stream with its history; a top-up or
 * reduction with a check page first; linking a formula run whose pot draws on a stream.
 */
@Controller
@RequestMapping("/commissioning/{year}/streams")
class StreamController {

	private final FundingStreamManagement management;

	private final FundingStreams streams;

	private final PlanManagement plans;

	private final AuditTrail auditTrail;

	StreamController(FundingStreamManagement management, FundingStreams streams, PlanManagement plans,
			AuditTrail auditTrail) {
		this.management = management;
		this.streams = streams;
		this.plans = plans;
		this.auditTrail = auditTrail;
	}

	@GetMapping
	String list(@PathVariable String year, @AuthenticationPrincipal CurrentUser user, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		model.addAttribute("page", StreamsPage.of(financialYear, this.streams.streams(financialYear),
				this.streams.allocations(financialYear), this.streams.drawnByRuns(financialYear)));
		model.addAttribute("plan", this.plans.planOf(financialYear).orElse(null));
		model.addAttribute("mayChange", mayChange(user));
		model.addAttribute("mayAdoptPlan", user.hasAny(Role.ADMIN, Role.OFFICER));
		return "commissioning/streams";
	}

	@GetMapping("/new")
	String newStream(@PathVariable String year, Model model) {
		return newPage(FinancialYear.parse(year), StreamForms.NewStream.empty(), model);
	}

	@PostMapping
	String create(@PathVariable String year, @ModelAttribute("form") StreamForms.NewStream form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			FundingStreamView created = this.management.create(financialYear, form.toDetails(), user);
			redirect.addFlashAttribute("success",
					created.name() + " (" + created.amount().format() + ") has been added to " + financialYear);
			return "redirect:/commissioning/" + financialYear + "/streams/" + created.id();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return newPage(financialYear, form, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable String year, @PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		FundingStreamView stream = this.management.get(financialYear, id);
		model.addAttribute("stream", stream);
		model.addAttribute("row",
				new StreamsPage.Row(stream, this.streams.allocation(id), this.streams.drawnByRuns(id)));
		model.addAttribute("changes", this.streams.changes(id));
		model.addAttribute("mayChange", mayChange(user));
		if (user.hasAny(Role.ADMIN, Role.OFFICER, Role.FINANCE)) {
			model.addAttribute("history", this.auditTrail.historyOf(FundingStreamManagement.AUDIT_TYPE, id));
		}
		return "commissioning/stream";
	}

	@GetMapping("/{id}/change")
	String changePage(@PathVariable String year, @PathVariable long id, Model model) {
		FundingStreamView stream = this.management.get(FinancialYear.parse(year), id);
		return changeForm(stream, StreamForms.Change.empty(stream.version()), model);
	}

	/** The check page: what the change will do; nothing is changed. */
	@PostMapping("/{id}/change/check")
	String check(@PathVariable String year, @PathVariable long id, @ModelAttribute("form") StreamForms.Change form,
			Model model, HttpServletResponse response) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			model.addAttribute("preview", this.management.preview(financialYear, id, form.toChange()));
			model.addAttribute("form", form);
			return "commissioning/stream-change-check";
		}
		catch (RuntimeException refused) {
			return refusedChange(financialYear, id, form, refused, model, response);
		}
	}

	@PostMapping("/{id}/change")
	String change(@PathVariable String year, @PathVariable long id, @ModelAttribute("form") StreamForms.Change form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			StreamChange change = form.toChange();
			FundingStreamView changed = this.management.change(financialYear, id, change, user);
			redirect.addFlashAttribute("success",
					changed.name()
							+ (change.direction() == StreamChange.Direction.TOP_UP ? " has been topped up by "
									: " has been reduced by ")
							+ change.amount().format() + ": it is now " + changed.amount().format());
			return "redirect:/commissioning/" + financialYear + "/streams/" + id;
		}
		catch (RuntimeException refused) {
			return refusedChange(financialYear, id, form, refused, model, response);
		}
	}

	@GetMapping("/{id}/runs")
	String runsPage(@PathVariable String year, @PathVariable long id, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		return runsForm(financialYear, this.management.get(financialYear, id), null, model);
	}

	@PostMapping("/{id}/runs")
	String link(@PathVariable String year, @PathVariable long id, @RequestParam(required = false) Long runId,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			RunDraw draw = this.management.linkRun(financialYear, id, runId, user);
			FundingStreamView stream = this.management.get(financialYear, id);
			redirect.addFlashAttribute("success", "Formula run " + draw.runId() + "'s pot of " + draw.pot().format()
					+ " now draws on " + stream.name());
			return "redirect:/commissioning/" + financialYear + "/streams/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return runsForm(financialYear, this.management.get(financialYear, id), runId, model);
		}
	}

	private String refusedChange(FinancialYear year, long id, StreamForms.Change form, RuntimeException refused,
			Model model, HttpServletResponse response) {
		Refusal refusal = Refusal.show(refused, model, response);
		FundingStreamView now = this.management.get(year, id);
		StreamForms.Change kept = refusal.conflict()
				? new StreamForms.Change(form.direction(), form.amount(), form.reason(), now.version()) : form;
		return changeForm(now, kept, model);
	}

	private String changeForm(FundingStreamView stream, StreamForms.Change form, Model model) {
		model.addAttribute("stream", stream);
		model.addAttribute("allocation", this.streams.allocation(stream.id()));
		model.addAttribute("form", form);
		model.addAttribute("directions", StreamChange.Direction.values());
		return "commissioning/stream-change";
	}

	private String runsForm(FinancialYear year, FundingStreamView stream, Long chosen, Model model) {
		model.addAttribute("stream", stream);
		model.addAttribute("allocation", this.streams.allocation(stream.id()));
		model.addAttribute("runs", this.management.runsToLink(year));
		model.addAttribute("draws", this.streams.drawnByRuns(year));
		model.addAttribute("chosen", chosen);
		return "commissioning/stream-runs";
	}

	private String newPage(FinancialYear year, StreamForms.NewStream form, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("form", form);
		model.addAttribute("kinds", StreamKind.values());
		return "commissioning/stream-new";
	}

	private static boolean mayChange(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.OFFICER, Role.FINANCE);
	}

}
