package uk.opcc.cspgrants.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail through GOV.UK Notify, against a stand-in for its API in this JVM (the JDK's
 * HTTP server) that records each request and answers as Notify does: the template id
 * chosen for our template, the address, the personalisation (the notice's values with the
 * person's name and the full link) and the message key as the reference. An address
 * Notify refuses (400) fails the message at once, with Notify's reason and never the key.
 */
@IntegrationTest
class SendingByNotifyTest {

	private static final String SERVICE_ID = "3d0a51d6-6b4f-4b0b-9a5e-2f7d8c1e9b10";

	private static final String SECRET = "8f14e45f-ceea-4e7a-9c1b-5b2d6e0f7a31";

	private static final String API_KEY = "ncore_test-" + SERVICE_ID + "-" + SECRET;

	private static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";

	private static final String REFUSED = "refused@ncore-test.example";

	private static final List<Request> requests = new CopyOnWriteArrayList<>();

	private static final HttpServer notify = start();

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	NotificationSender sender;

	@Autowired
	JdbcTemplate db;

	@DynamicPropertySource
	static void notifyService(DynamicPropertyRegistry registry) {
		registry.add("csp-grants.notify.api-key", () -> API_KEY);
		registry.add("csp-grants.notify.base-url", () -> "http://127.0.0.1:" + notify.getAddress().getPort());
		registry.add("csp-grants.notify.templates.ncore-test", () -> TEMPLATE_ID);
		registry.add("csp-grants.notifications.base-url", () -> "https://grants.opcc.example");
	}

	@BeforeEach
	void people() {
		requests.clear();
		removePeople();
		person("ncore.dev", "Dev Tester", "dev@ncore-test.example");
		person("ncore.eli", "Eli Tester", REFUSED);
	}

	@AfterEach
	void removePeople() {
		this.db.update("delete from notification where username like 'ncore.%'");
		this.db.update("delete from app_user where username like 'ncore.%'");
	}

	@AfterAll
	static void stop() {
		notify.stop(0);
	}

	@Test
	void eachMessageIsPostedToNotifyOnceWithItsTemplatePersonalisationAndReference() {
		Notice notice = new Notice("ncore-test:notify", "ncore-work:notify", "ncore-test",
				Map.of("partnership", "Leicester", "quarter", "July to September 2024", "due", "30 October 2024"),
				"/monitoring/returns/2024-25/Q2/LEI", Audience.users("ncore.dev"));
		this.events.publishEvent(notice);
		this.events.publishEvent(notice);

		this.sender.sendDue();
		this.sender.sendDue();

		assertThat(requests).hasSize(1);
		Request request = requests.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v2/notifications/email");
		assertThat(request.authorization()).startsWith("Bearer ey");
		JSONObject body = request.body();
		assertThat(body.getString("template_id")).isEqualTo(TEMPLATE_ID);
		assertThat(body.getString("email_address")).isEqualTo("dev@ncore-test.example");
		assertThat(body.getString("reference")).isEqualTo("ncore-test:notify");
		JSONObject personalisation = body.getJSONObject("personalisation");
		assertThat(personalisation.toMap()).containsEntry("partnership", "Leicester")
			.containsEntry("quarter", "July to September 2024")
			.containsEntry("due", "30 October 2024")
			.containsEntry("name", "Dev Tester")
			.containsEntry("link", "https://grants.opcc.example/monitoring/returns/2024-25/Q2/LEI")
			.containsEntry("subject", "Return for Leicester due on 30 October 2024");
		assertThat(status("ncore.dev")).isEqualTo("SENT 1 null");
	}

	@Test
	void anAddressNotifyRefusesFailsTheMessageAtOnceWithItsReason() {
		this.events.publishEvent(new Notice("ncore-test:refused", null, "ncore-test",
				Map.of("partnership", "Leicester", "quarter", "July to September 2024", "due", "30 October 2024"), null,
				Audience.users("ncore.eli")));

		this.sender.sendDue();

		assertThat(requests).hasSize(1);
		assertThat(status("ncore.eli")).isEqualTo("FAILED 1 GOV.UK Notify: Status code: 400 {\"errors\":[{\"error\":"
				+ "\"BadRequestError\",\"message\":\"Not a valid email address\"}],\"status_code\":400}");
	}

	@Test
	void aTemplateWithoutANotifyTemplateIdFailsAtOnceSayingWhichSettingIsMissing() {
		this.events.publishEvent(new Notice("ncore-test:no-id", null, "ncore-plain", Map.of("partnership", "Leicester"),
				null, Audience.users("ncore.dev")));

		this.sender.sendDue();

		assertThat(requests).isEmpty();
		assertThat(status("ncore.dev")).isEqualTo("FAILED 1 No GOV.UK Notify template id is set for the template "
				+ "ncore-plain (csp-grants.notify.templates.ncore-plain or csp-grants.notify.templates.default)");
	}

	private String status(String username) {
		return this.db.queryForObject("select status || ' ' || attempts || ' ' || coalesce(last_error, 'null') "
				+ "from notification where username = ?", String.class, username);
	}

	private void person(String username, String name, String email) {
		this.db.update("insert into app_user (username, display_name, password_hash, email) values (?, ?, 'x', ?)",
				username, name, email);
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", SendingByNotifyTest::answer);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		JSONObject body = new JSONObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), body));
		String answer;
		int status;
		if (REFUSED.equals(body.optString("email_address"))) {
			status = 400;
			answer = "{\"errors\":[{\"error\":\"BadRequestError\",\"message\":\"Not a valid email address\"}],"
					+ "\"status_code\":400}";
		}
		else {
			status = 201;
			String id = UUID.randomUUID().toString();
			answer = new JSONObject().put("id", id)
				.put("reference", body.optString("reference"))
				.put("uri", "https://api.notifications.service.gov.uk/v2/notifications/" + id)
				.put("content",
						new JSONObject().put("body", "Dear ...")
							.put("subject", "Return")
							.put("from_email", "opcc@notifications.service.gov.uk"))
				.put("template",
						new JSONObject().put("id", body.getString("template_id"))
							.put("version", 1)
							.put("uri",
									"https://api.notifications.service.gov.uk/v2/template/"
											+ body.getString("template_id")))
				.toString();
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private record Request(String method, String path, String authorization, JSONObject body) {
	}

}
