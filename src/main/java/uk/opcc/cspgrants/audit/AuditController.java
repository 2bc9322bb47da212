package uk.opcc.cspgrants.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators browse and filter the audit trail. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditTrail auditTrail;

	AuditController(AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
	}

	@GetMapping
	String browse(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditTrail.AuditFilter filter = new AuditTrail.AuditFilter(entityType, entityId, actor, from, to);
		model.addAttribute("filter", filter);
		model.addAttribute("entityTypes", this.auditTrail.entityTypes());
		model.addAttribute("result", this.auditTrail.find(filter, Math.max(page, 0), PAGE_SIZE));
		return "admin/audit";
	}

}
