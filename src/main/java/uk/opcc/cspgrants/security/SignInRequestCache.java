package uk.opcc.cspgrants.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Remembers the page an anonymous visitor asked for, so that signing in takes them there:
 * in a short-lived cookie rather than a session (a session, and with several nodes a row
 * in PostgreSQL, for every anonymous page view let anyone fill the session table), and as
 * a path only, so that the redirect after sign-in never names the host that the request's
 * {@code Host} header chose. Only a GET of a page is remembered; a cookie whose path does
 * not start with a single {@code /} is ignored.
 */
final class SignInRequestCache implements RequestCache {

	static final String COOKIE = "CSP_GRANTS_CONTINUE";

	private static final int MAX_PATH = 1_000;

	private static final int MINUTES = 30;

	private final boolean secure;

	/**
	 * @param secure whether the cookie is only sent over HTTPS (as the session cookie
	 * is); it always is when the request came over HTTPS
	 */
	SignInRequestCache(boolean secure) {
		this.secure = secure;
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		String path = pathOf(request);
		if ("GET".equals(request.getMethod()) && isPage(path) && path.length() <= MAX_PATH) {
			response.addCookie(cookie(request,
					Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8)),
					MINUTES * 60));
		}
	}

	/**
	 * Keeps the page a form was sent from (its {@code Referer}, when it is a page of this
	 * service), to go back to: for a form sent when the person must first prove who they
	 * are.
	 */
	void saveReferringPage(HttpServletRequest request, HttpServletResponse response) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return;
		}
		try {
			// only its path is kept: wherever it came from, it leads to a page of this
			// service
			java.net.URI uri = java.net.URI.create(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith(request.getContextPath())) {
				return;
			}
			path = path.substring(request.getContextPath().length());
			path = (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
			if (isPage(path) && path.length() <= MAX_PATH) {
				response.addCookie(cookie(request,
						Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8)),
						MINUTES * 60));
			}
		}
		catch (IllegalArgumentException notAnAddress) {
			// nothing kept: the person goes to their home page after
		}
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		String path = savedPath(request);
		return (path != null) ? new SimpleSavedRequest(path) : null;
	}

	/**
	 * Forgets the page once it is asked for again (after signing in); nothing of the
	 * original request needs restoring, since only GETs are kept.
	 */
	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		String path = savedPath(request);
		if (path != null && path.equals(pathOf(request))) {
			removeRequest(request, response);
		}
		return null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		if (savedPath(request) != null) {
			response.addCookie(cookie(request, "", 0));
		}
	}

	/**
	 * The path and query asked for, without the context path:
	 * {@code /grants?year=2024-25}.
	 */
	private static String pathOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return (request.getQueryString() != null) ? path + "?" + request.getQueryString() : path;
	}

	private static boolean isPage(String path) {
		return isLocal(path) && !path.startsWith("/error") && !path.startsWith("/favicon")
				&& !path.startsWith("/assets/") && !path.startsWith("/webjars/") && !path.startsWith("/css/")
				&& !path.startsWith("/js/") && !path.startsWith("/.well-known/");
	}

	/** A path on this service: one leading slash, no backslash, nothing invisible. */
	private static boolean isLocal(String path) {
		if (path.length() < 1 || path.charAt(0) != '/' || path.startsWith("//")) {
			return false;
		}
		return path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
	}

	private static String savedPath(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				try {
					String path = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
					return isPage(path) ? path : null;
				}
				catch (IllegalArgumentException notBase64) {
					return null;
				}
			}
		}
		return null;
	}

	private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
		Cookie cookie = new Cookie(COOKIE, value);
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setHttpOnly(true);
		cookie.setSecure(this.secure || request.isSecure());
		cookie.setMaxAge(maxAge);
		cookie.setAttribute("SameSite", "Lax");
		return cookie;
	}

}
