package uk.opcc.cspgrants.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * *Your sessions*: where someone is signed in, and signing any of those sessions out from
 * this one (OWASP ASVS 3.3.4), after confirming it is them ({@link ConfirmItIsYou}).
 */
@Controller
class SessionsController {

	static final String PAGE = "/account/sessions";

	private final SessionRecords records;

	private final String idleTimeout;

	private final String absoluteTimeout;

	SessionsController(SessionRecords records,
			@Value("${csp-grants.sessions.absolute-timeout:12h}") Duration absoluteTimeout,
			@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
		this.records = records;
		this.idleTimeout = words(idleTimeout);
		this.absoluteTimeout = words(absoluteTimeout);
	}

	@GetMapping(PAGE)
	String list(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", this.records.open(user.id(), current(request)));
		model.addAttribute("idleTimeout", this.idleTimeout);
		model.addAttribute("absoluteTimeout", this.absoluteTimeout);
		return "account/sessions";
	}

	/** A timeout in words: "30 minutes", "12 hours", "1 day". */
	static String words(Duration duration) {
		if (duration.toMinutes() < 60 || duration.toMinutesPart() != 0) {
			return count(duration.toMinutes(), "minute");
		}
		if (duration.toHours() < 24 || duration.toHoursPart() != 0) {
			return count(duration.toHours(), "hour");
		}
		return count(duration.toDays(), "day");
	}

	private static String count(long number, String unit) {
		return number + " " + unit + ((number == 1) ? "" : "s");
	}

	@PostMapping(PAGE + "/{id}/end")
	String end(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			this.records.end(user, id, current(request));
			redirect.addFlashAttribute("success", "That session has been signed out");
			return "redirect:" + PAGE;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return list(user, request, model);
		}
	}

	@PostMapping(PAGE + "/end-others")
	String endOthers(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			int ended = this.records.endOthers(user, current(request));
			redirect.addFlashAttribute("success", (ended == 1) ? "Your other session has been signed out"
					: "Your " + ended + " other sessions have been signed out");
			return "redirect:" + PAGE;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return list(user, request, model);
		}
	}

	/** This browser's session's record, 0 when it has none. */
	private static long current(HttpServletRequest request) {
		return SignedInSession.recordIn(request.getSession(false));
	}

}
