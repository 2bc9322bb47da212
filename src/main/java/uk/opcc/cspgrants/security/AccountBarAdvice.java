package uk.opcc.cspgrants.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether the person signed in through the organisation's provider, for the bar at the
 * top of every page: their password and second factor are the provider's, so it offers
 * neither. Read from the session (no query).
 */
@ControllerAdvice(annotations = Controller.class)
class AccountBarAdvice {

	@ModelAttribute("signedInThroughProvider")
	boolean signedInThroughProvider(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(SingleSignOn.REGISTRATION) != null;
	}

}
