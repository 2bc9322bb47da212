package uk.opcc.cspgrants.security;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;

/**
 * The username typed in a sign-in that was refused, kept for the sign-in page it is sent
 * back to, so that nothing typed but the password is lost and the page can say when that
 * username's lock-out ends. A cookie of its own for {@code /login} only, for ten minutes,
 * never read by script: a refused sign-in makes no session (an anonymous visitor never
 * gets one).
 */
final class TypedUsername {

	static final String COOKIE = "csp-grants-typed-username";

	private static final Duration KEPT_FOR = Duration.ofMinutes(10);

	private static final int LONGEST = 255;

	private TypedUsername() {
	}

	/** Keeps {@code username} (as typed, cut to 255 characters) for the sign-in page. */
	static void keep(HttpServletRequest request, HttpServletResponse response, String username, boolean secure) {
		String typed = (username == null) ? "" : username.strip();
		if (typed.length() > LONGEST) {
			typed = typed.substring(0, LONGEST);
		}
		ResponseCookie cookie = ResponseCookie.from(COOKIE, URLEncoder.encode(typed, StandardCharsets.UTF_8))
			.path(request.getContextPath() + "/login")
			.maxAge(KEPT_FOR)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	/** Forgets the username kept: the sign-in went through. */
	static void forget(HttpServletRequest request, HttpServletResponse response) {
		if (read(request).isEmpty()) {
			return;
		}
		response.addHeader("Set-Cookie",
				ResponseCookie.from(COOKIE, "").path(request.getContextPath() + "/login").maxAge(0).build().toString());
	}

	/** The username kept by {@link #keep}, if any. */
	static Optional<String> read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		return Arrays.stream(cookies)
			.filter(cookie -> COOKIE.equals(cookie.getName()))
			.map(cookie -> decoded(cookie.getValue()))
			.filter(typed -> !typed.isBlank())
			.findFirst();
	}

	private static String decoded(String value) {
		try {
			String typed = URLDecoder.decode(value, StandardCharsets.UTF_8);
			return (typed.length() > LONGEST) ? typed.substring(0, LONGEST) : typed;
		}
		catch (IllegalArgumentException notEncoded) {
			return "";
		}
	}

}
