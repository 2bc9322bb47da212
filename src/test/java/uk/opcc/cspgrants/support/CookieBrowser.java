package uk.opcc.cspgrants.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for tests over HTTP: keeps each site's cookies as a browser does (a new
 * session id replaces the old), and follows redirects only when asked, so that each step
 * of a sign-in can be checked.
 */
public final class CookieBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	public HttpResponse<String> post(String url, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** Follows the redirects from {@code response} (ten at most): the page at the end. */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> at = response;
		for (int hops = 0; at.statusCode() / 100 == 3; hops++) {
			if (hops == 10) {
				throw new IllegalStateException("More than ten redirects from " + response.uri());
			}
			at = get(at.uri().resolve(at.headers().firstValue("Location").orElseThrow()).toString());
		}
		return at;
	}

	/** The CSRF token of a page's form. */
	public static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return token.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception failure) {
			throw new IllegalStateException(failure);
		}
	}

}
