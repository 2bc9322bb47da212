package uk.opcc.cspgrants.support;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Work done signed in as a user of the test database, as the pages would do it: what the
 * services read of "who is doing this" (the audit trail's actor, a run's maker) is them.
 */
public final class Acting {

	private Acting() {
	}

	public static <T> T as(String username, JdbcTemplate jdbc, Supplier<T> work) {
		CurrentUser user = Principals.of(username, jdbc);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
