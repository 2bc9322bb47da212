package uk.opcc.cspgrants.shared.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Whether whoever views a page is signed in, for templates that are also shown without
 * the navigation's model, such as the error pages: {@code ${@viewer.signedIn()}}.
 */
@Component("viewer")
public class Viewer {

	public boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser;
	}

}
