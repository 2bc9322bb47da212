package uk.opcc.cspgrants.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.opcc.cspgrants.support.TestDatabaseConfiguration;

/**
 * Pages go compressed to a browser that asks for it, and as they are to one that does
 * not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class CompressionTest {

	@LocalServerPort
	int port;

	@Test
	void aPageIsGzippedOnlyForABrowserThatAsks() throws Exception {
		HttpResponse<byte[]> plain = fetch(null);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		String page = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(page).contains("How the formula works");

		HttpResponse<byte[]> compressed = fetch("gzip");
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
		try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).contains("How the formula works")
				.hasSameSizeAs(page);
		}
	}

	private HttpResponse<byte[]> fetch(String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/how-the-formula-works"))
			.header("Accept", "text/html");
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
