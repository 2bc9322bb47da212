package uk.opcc.cspgrants.shared.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.opcc.cspgrants.shared.CurrentUser;

/** Gives every page the navigation links its viewer may use, and the signed-in user. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	private final List<NavigationEntry> entries;

	NavigationAdvice(List<NavigationEntry> entries) {
		this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
	}

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? user : null;
	}

	@ModelAttribute("navigation")
	List<NavigationLink> navigation(HttpServletRequest request) {
		CurrentUser user = currentUser();
		if (user == null) {
			return List.of();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.entries.stream()
			.filter(entry -> entry.visibleTo(user))
			.map(entry -> new NavigationLink(entry.label(), entry.path(),
					path.equals(entry.path()) || path.startsWith(entry.path() + "/")))
			.toList();
	}

	/** A link as the layout draws it. */
	record NavigationLink(String label, String path, boolean current) {
	}

}
