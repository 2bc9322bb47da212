package uk.opcc.cspgrants.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * One structured log line per request: method, path, status, duration and user, as
 * key-value pairs (JSON fields when structured logging is on). Never the query string,
 * the body or any header, nor the token of a sign-in link's path, so no password or token
 * reaches the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLoggingFilter extends OncePerRequestFilter {

	static final String USER_ATTRIBUTE = RequestLoggingFilter.class.getName() + ".user";

	private static final Logger log = LoggerFactory.getLogger("uk.opcc.cspgrants.requests");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		request.setAttribute(USER_ATTRIBUTE, "-");
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!isStaticAsset(request.getRequestURI())) {
				long millis = (System.nanoTime() - started) / 1_000_000;
				Object user = request.getAttribute(USER_ATTRIBUTE);
				String path = loggedPath(request.getRequestURI());
				log.atInfo()
					.addKeyValue("method", request.getMethod())
					.addKeyValue("path", path)
					.addKeyValue("status", response.getStatus())
					.addKeyValue("durationMs", millis)
					.addKeyValue("user", user)
					.log("{} {} {} {}ms user={}", request.getMethod(), path, response.getStatus(), millis, user);
			}
		}
	}

	/**
	 * The path as logged: an applicant's sign-in link carries its token in the path, and
	 * a token signs its holder in, so it is left out.
	 */
	static String loggedPath(String path) {
		int link = path.indexOf("/apply/link/");
		return (link >= 0) ? path.substring(0, link) + "/apply/link/(token not logged)" : path;
	}

	private static boolean isStaticAsset(String path) {
		return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.equals("/favicon.ico");
	}

	/**
	 * Notes who made the request while the security context is still in place; the filter
	 * above logs it once the response is done.
	 */
	static final class UserNoter implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
				request.setAttribute(USER_ATTRIBUTE, authentication.getName());
			}
			return true;
		}

	}

}
