package uk.opcc.cspgrants.security;

import java.util.regex.Pattern;

/**
 * Where a sign-in link may lead: a page of this service for applicants, {@code /apply} or
 * a path under it made of plain path characters; never another site ({@code //host}), a
 * climb out ({@code ..}) or a staff page. Anything else leads to {@code /apply}. The
 * database checks the same prefix ({@code sign_in_link_next_is_apply}).
 */
final class NextPath {

	static final String HOME = "/apply";

	private static final Pattern ALLOWED = Pattern.compile("/apply(/[A-Za-z0-9._~-]+)*/?");

	private NextPath() {
	}

	static String orHome(String path) {
		if (path == null || path.length() > 500 || !ALLOWED.matcher(path).matches() || path.contains("..")) {
			return HOME;
		}
		return path;
	}

}
