package uk.opcc.cspgrants.notifications;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The administrator's page of every message: how many in each status, the messages of a
 * status and a recipient, one message whole, and "Send again" for a failed one.
 */
@Controller
@RequestMapping("/admin/notifications")
class OutboxAdminController {

	private final OutboxAdmin outbox;

	private final Environment environment;

	OutboxAdminController(OutboxAdmin outbox, Environment environment) {
		this.outbox = outbox;
		this.environment = environment;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String recipient,
			@RequestParam(defaultValue = "1") int page, Model model) {
		OutboxStatusWords chosen = OutboxStatusWords.fromParam(status);
		OutboxAdmin.OutboxPage result = this.outbox.find(chosen, recipient, page);
		model.addAttribute("counts", this.outbox.counts());
		model.addAttribute("statuses", OutboxStatusWords.choices());
		model.addAttribute("recipients", this.outbox.recipients());
		model.addAttribute("status", (chosen != null) ? chosen.param() : "");
		model.addAttribute("recipient", (recipient != null) ? recipient : "");
		model.addAttribute("result", result);
		model.addAttribute("pageLink", UriComponentsBuilder.fromPath("/admin/notifications")
			.queryParamIfPresent("status", java.util.Optional.ofNullable((chosen != null) ? chosen.param() : null))
			.queryParamIfPresent("recipient",
					java.util.Optional.ofNullable((recipient != null && !recipient.isBlank()) ? recipient : null))
			.encode()
			.build()
			.toUriString());
		mailService(model);
		return "admin/notifications";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("item", this.outbox.get(id));
		mailService(model);
		return "admin/notification";
	}

	@PostMapping("/{id}/send-again")
	String sendAgain(@PathVariable long id, @RequestParam long version, Model model, HttpServletResponse response) {
		try {
			this.outbox.sendAgain(id, version);
			return "redirect:/admin/notifications/" + id + "/sent-again";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return show(id, model);
		}
	}

	/** The confirmation after "Send again". */
	@GetMapping("/{id}/sent-again")
	String sentAgain(@PathVariable long id, Model model) {
		model.addAttribute("item", this.outbox.get(id));
		mailService(model);
		return "admin/notification-sent-again";
	}

	/** Whether e-mail can go anywhere: an SMTP server or GOV.UK Notify is set up. */
	private void mailService(Model model) {
		boolean smtp = hasText("spring.mail.host");
		boolean notify = hasText("csp-grants.notify.api-key");
		model.addAttribute("mailService", notify ? "GOV.UK Notify" : smtp ? "an email (SMTP) server" : null);
	}

	private boolean hasText(String property) {
		String value = this.environment.getProperty(property);
		return value != null && !value.isBlank();
	}

}
