package uk.opcc.cspgrants.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * Administrators browse and filter the audit trail: each event as a sentence, the record
 * as stored folded beneath it.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditTrail auditTrail;

	AuditController(AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
	}

	@GetMapping
	String browse(@ModelAttribute("form") AuditFilterForm form, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate from = date(form.from(), "from", "the first day", errors);
		LocalDate to = date(form.to(), "to", "the last day", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.put("to", "The last day must be the same as or after the first day");
		}
		model.addAttribute("entityTypes", this.auditTrail.entityTypes());
		model.addAttribute("actors", this.auditTrail.actors());
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", errors);
			return "admin/audit";
		}
		AuditTrail.AuditFilter filter = new AuditTrail.AuditFilter(form.entityType(), form.entityId(), form.actor(),
				from, to);
		AuditTrail.AuditPage result = this.auditTrail.find(filter, Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("newer", link(form, result.page() - 1));
		model.addAttribute("older", link(form, result.page() + 1));
		return "admin/audit";
	}

	private static LocalDate date(DateParts parts, String field, String what, Map<String, String> errors) {
		if (parts == null || parts.isBlank()) {
			return null;
		}
		try {
			return parts.toDate(field, what);
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
			return null;
		}
	}

	/** The address of another page of the same filters, dates as typed. */
	private static String link(AuditFilterForm form, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/audit");
		param(uri, "entityType", form.entityType());
		param(uri, "entityId", form.entityId());
		param(uri, "actor", form.actor());
		for (Map.Entry<String, DateParts> date : Map.of("from", parts(form.from()), "to", parts(form.to()))
			.entrySet()) {
			param(uri, date.getKey() + ".day", date.getValue().day());
			param(uri, date.getKey() + ".month", date.getValue().month());
			param(uri, date.getKey() + ".year", date.getValue().year());
		}
		uri.queryParam("page", page);
		return uri.encode().build().toUriString();
	}

	private static DateParts parts(DateParts parts) {
		return (parts != null) ? parts : DateParts.empty();
	}

	private static void param(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value);
		}
	}

}
