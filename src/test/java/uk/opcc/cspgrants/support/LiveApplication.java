package uk.opcc.cspgrants.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.opcc.cspgrants.CspGrantsApplication;

/**
 * The whole application running on a real port, on a database of its own made fresh for
 * it (demo profile: the nine Leicestershire partnerships and one user per role), driven
 * over real HTTP as browsers and scripts do. For tests of what happens when requests
 * meet.
 */
public final class LiveApplication implements AutoCloseable {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final ConfigurableApplicationContext context;

	private final String base;

	private final HttpClient client;

	private final JdbcTemplate database;

	private LiveApplication(ConfigurableApplicationContext context, TestPostgres.DatabaseAddress address) {
		this.context = context;
		this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
		this.client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newFixedThreadPool(8))
			.build();
		DriverManagerDataSource owner = new DriverManagerDataSource(address.url(), address.ownerUsername(),
				address.ownerPassword());
		this.database = new JdbcTemplate(owner);
	}

	/** Starts the application on a new database called {@code databaseName}. */
	public static LiveApplication start(String databaseName) {
		return start(databaseName, new String[0]);
	}

	/**
	 * Starts the application on a new database called {@code databaseName} with settings
	 * as on its command line ({@code --csp-grants.demo.clock.start=...}), which win over
	 * the test configuration files.
	 */
	public static LiveApplication start(String databaseName, String... arguments) {
		TestPostgres.DatabaseAddress address = TestPostgres.freshDatabase(databaseName);
		// a database of its own holds what its test makes: the demo's 2013-14
		// commissioning
		// only when the test asks for it (--csp-grants.demo.commissioning=true)
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CspGrantsApplication.class)
			.properties(TestPostgres.applicationProperties(address, "SERVER_PORT=0"))
			.properties("csp-grants.demo.commissioning=false")
			.run(arguments);
		return new LiveApplication(context, address);
	}

	/**
	 * The database as its owner sees it ({@value TestPostgres#OWNER}, not the role the
	 * application connects as), for checking what was stored.
	 */
	public JdbcTemplate database() {
		return this.database;
	}

	/** The port it listens on. */
	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** A script calling the JSON API with HTTP Basic as one of the demo users. */
	public Api api(String username) {
		return new Api("Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + SignIn.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A script calling the JSON API with an API token ({@code Authorization: Bearer}).
	 */
	public Api apiWithToken(String token) {
		return new Api("Bearer " + token);
	}

	/**
	 * A browser signed in through the sign-in page as one of the demo users, holding the
	 * cookies the application set on the way (the session, and the CSRF token's cookie).
	 */
	public Browser signIn(String username) {
		Map<String, String> cookies = new LinkedHashMap<>();
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET().build());
		keep(login, cookies);
		HttpResponse<String> signedIn = new Browser(cookieHeader(cookies), csrf(login.body())).post("/login",
				Map.of("username", username, "password", SignIn.DEMO_PASSWORD));
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + signedIn.statusCode());
		}
		keep(signedIn, cookies);
		HttpResponse<String> home = new Browser(cookieHeader(cookies), null).get("/");
		keep(home, cookies);
		if (home.statusCode() == 302) {
			// a reviewer's home is their reviews
			home = new Browser(cookieHeader(cookies), null).get(home.headers().firstValue("Location").orElseThrow());
			keep(home, cookies);
		}
		return new Browser(cookieHeader(cookies), csrf(home.body()));
	}

	/**
	 * A browser of someone not signed in who has opened {@code path}, holding the cookies
	 * it set (the CSRF token's) and the page's CSRF token.
	 */
	public Browser visitor(String path) {
		Map<String, String> cookies = new LinkedHashMap<>();
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET().build());
		keep(page, cookies);
		return new Browser(cookieHeader(cookies), csrf(page.body()));
	}

	/**
	 * A browser signed in as the applicant of {@code address}, the way an applicant signs
	 * in: a link asked for on the sign-in page (shown on the page, as the demo does with
	 * no mail service) and pressed.
	 */
	public Browser signInApplicant(String address) {
		Browser visitor = visitor("/apply/sign-in");
		HttpResponse<String> sent = visitor.post("/apply/sign-in", Map.of("email", address));
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/apply/link/[A-Za-z0-9_-]{43})\"")
			.matcher(sent.body());
		if (!link.find()) {
			throw new IllegalStateException("No sign-in link was shown for " + address + ": " + sent.statusCode());
		}
		HttpResponse<String> signedIn = visitor(link.group(1)).post(link.group(1), Map.of());
		if (signedIn.statusCode() != 302) {
			throw new IllegalStateException("The sign-in link of " + address + " gave " + signedIn.statusCode());
		}
		return keeping(signedIn, "/apply");
	}

	/**
	 * A browser holding the cookies {@code response} set (such as a new session), and no
	 * others; its CSRF token is read from the page at {@code path}, opened with them.
	 */
	public Browser keeping(HttpResponse<String> response, String path) {
		Map<String, String> cookies = new LinkedHashMap<>();
		keep(response, cookies);
		HttpResponse<String> page = new Browser(cookieHeader(cookies), null).get(path);
		keep(page, cookies);
		return new Browser(cookieHeader(cookies), csrf(page.body()));
	}

	private static void keep(HttpResponse<String> response, Map<String, String> cookies) {
		for (String setCookie : response.headers().allValues("Set-Cookie")) {
			String pair = setCookie.split(";")[0];
			int equals = pair.indexOf('=');
			String name = pair.substring(0, equals);
			String value = pair.substring(equals + 1);
			if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
	}

	private static String cookieHeader(Map<String, String> cookies) {
		return cookies.entrySet()
			.stream()
			.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Sends {@code count} requests at the same moment (each from its own thread, released
	 * together) and returns their responses in the order of {@code i}.
	 */
	public List<HttpResponse<String>> atOnce(int count, IntFunction<HttpResponse<String>> request) {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CyclicBarrier together = new CyclicBarrier(count);
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(threads.submit(() -> {
					together.await();
					return request.apply(n);
				}));
			}
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		catch (Exception failure) {
			throw new IllegalStateException(failure);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** The status codes of some responses, counted: {@code {200=1, 409=19}}. */
	public static Map<Integer, Long> statuses(List<HttpResponse<String>> responses) {
		return responses.stream()
			.collect(Collectors.groupingBy(HttpResponse::statusCode, java.util.TreeMap::new, Collectors.counting()));
	}

	@Override
	public void close() {
		this.context.close();
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception failure) {
			throw new IllegalStateException(failure);
		}
	}

	private static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		return token.find() ? token.group(1) : null;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** JSON API calls as one user, by password or by token. */
	public final class Api {

		private final String authorization;

		private Api(String authorization) {
			this.authorization = authorization;
		}

		public HttpResponse<String> get(String path) {
			return send(request(path).GET().build());
		}

		public HttpResponse<String> post(String path, String json) {
			return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
		}

		/** Sends files as a multipart form, each as a part called {@code part}. */
		public HttpResponse<String> postFiles(String path, String part, Map<String, byte[]> files) {
			String boundary = "----csp-grants-" + java.util.UUID.randomUUID();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			files.forEach((name, content) -> {
				body.writeBytes(
						("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
								+ name + "\"\r\nContent-Type: text/csv\r\n\r\n")
							.getBytes(StandardCharsets.UTF_8));
				body.writeBytes(content);
				body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			});
			body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", this.authorization)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build());
		}

		public HttpResponse<String> put(String path, String json) {
			return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
		}

		public HttpResponse<String> delete(String path) {
			return send(request(path).DELETE().build());
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", this.authorization)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json");
		}

	}

	/** Pages as one signed-in person: their session cookie and its CSRF token. */
	public final class Browser {

		private final String cookie;

		private final String csrf;

		private Browser(String cookie, String csrf) {
			this.cookie = cookie;
			this.csrf = csrf;
		}

		public HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(60))
				.header("Cookie", this.cookie)
				.GET()
				.build());
		}

		/** Posts a form as the page would, with the CSRF token. */
		public HttpResponse<String> post(String path, Map<String, String> fields) {
			Map<String, String> withToken = new LinkedHashMap<>(fields);
			if (this.csrf != null) {
				withToken.put("_csrf", this.csrf);
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(withToken)));
			if (!this.cookie.isEmpty()) {
				request.header("Cookie", this.cookie);
			}
			return send(request.build());
		}

		/**
		 * Posts a form with one file as the page would (multipart, with the CSRF token):
		 * the fields, then the file as the part {@code part}.
		 */
		public HttpResponse<String> postFile(String path, Map<String, String> fields, String part, String fileName,
				byte[] content) {
			Map<String, String> withToken = new LinkedHashMap<>(fields);
			if (this.csrf != null) {
				withToken.put("_csrf", this.csrf);
			}
			String boundary = "----csp-grants-" + java.util.UUID.randomUUID();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			withToken.forEach(
					(name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
							+ name + "\"\r\n\r\n" + value + "\r\n")
						.getBytes(StandardCharsets.UTF_8)));
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
			if (!this.cookie.isEmpty()) {
				request.header("Cookie", this.cookie);
			}
			return send(request.build());
		}

	}

}
