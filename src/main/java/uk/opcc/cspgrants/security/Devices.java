package uk.opcc.cspgrants.security;

import java.util.List;
import java.util.Locale;

/**
 * A browser's {@code User-Agent} in a person's words, "Edge on Windows", so that they can
 * tell their sessions apart. Only the browser and the system: a user agent says more than
 * anyone needs to see.
 */
final class Devices {

	/**
	 * Browsers, the first whose mark is in the user agent winning (Edge says Chrome too).
	 */
	private static final List<String[]> BROWSERS = List.of(new String[] { "edg/", "Edge" },
			new String[] { "opr/", "Opera" }, new String[] { "samsungbrowser/", "Samsung Internet" },
			new String[] { "firefox/", "Firefox" }, new String[] { "fxios/", "Firefox" },
			new String[] { "crios/", "Chrome" }, new String[] { "chrome/", "Chrome" },
			new String[] { "chromium/", "Chromium" }, new String[] { "safari/", "Safari" },
			new String[] { "curl/", "curl" });

	/**
	 * Systems, the first whose mark is in the user agent winning (Android says Linux).
	 */
	private static final List<String[]> SYSTEMS = List.of(new String[] { "iphone", "an iPhone" },
			new String[] { "ipad", "an iPad" }, new String[] { "android", "Android" },
			new String[] { "cros", "ChromeOS" }, new String[] { "windows", "Windows" },
			new String[] { "mac os x", "a Mac" }, new String[] { "macintosh", "a Mac" },
			new String[] { "linux", "Linux" });

	private Devices() {
	}

	static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "An unknown browser";
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		String browser = first(BROWSERS, agent);
		String system = first(SYSTEMS, agent);
		if (browser == null) {
			return (system == null) ? "An unknown browser" : "A browser on " + system;
		}
		return (system == null) ? browser : browser + " on " + system;
	}

	private static String first(List<String[]> marks, String agent) {
		return marks.stream().filter(mark -> agent.contains(mark[0])).map(mark -> mark[1]).findFirst().orElse(null);
	}

}
