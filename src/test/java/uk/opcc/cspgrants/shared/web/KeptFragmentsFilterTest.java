package uk.opcc.cspgrants.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class KeptFragmentsFilterTest {

	private static final String TABLE = "<table><tr><td>£97,905.00</td><td>Blaby – ‘quoted’ 😀</td></tr></table>";

	private final KeptFragmentsFilter filter = new KeptFragmentsFilter(true);

	@Test
	void aKeptFragmentGoesOutAsItsKeptBytesInPlaceWithTheRestOfThePage() throws Exception {
		// bytes that differ from the text's own encoding show which were sent
		byte[] kept = "<table>KEPT £</table>".getBytes(StandardCharsets.UTF_8);
		MockHttpServletResponse response = run(kept, (request, writer) -> {
			writer.write("<h1>Quarterly report £</h1>");
			writer.write(TABLE);
			writer.print("<p>Sign out</p>");
		});
		String expected = "<h1>Quarterly report £</h1><table>KEPT £</table><p>Sign out</p>";
		assertThat(response.getContentAsByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
		assertThat(response.getContentLengthLong()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void theKeptBytesOfAFragmentAreWhatEncodingItGives() throws Exception {
		MockHttpServletResponse response = run(TABLE.getBytes(StandardCharsets.UTF_8), (request, writer) -> {
			writer.write("<main>");
			writer.write(TABLE);
			writer.write("</main>");
		});
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<main>" + TABLE + "</main>");
	}

	@Test
	void thymeleafWritesAFragmentTakenWithUtextWholeSoItsKeptBytesAreSent() throws Exception {
		// If a Thymeleaf upgrade stopped passing th:utext's string whole, pages would
		// still
		// be right but every kept fragment would be encoded again: this says so
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		byte[] kept = "<table>KEPT</table>".getBytes(StandardCharsets.UTF_8);
		MockHttpServletResponse response = run(kept,
				(request, writer) -> engine.process(
						"<main><h1 th:text=\"${title}\">Title</h1><div th:utext=\"${table}\"></div></main>",
						new Context(Locale.UK, Map.of("title", "Quarterly report", "table", TABLE)), writer));
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("<main><h1>Quarterly report</h1><div><table>KEPT</table></div></main>");
	}

	@Test
	void aFragmentWrittenInPiecesOrAnEqualButOtherStringIsEncodedAsUsual() throws Exception {
		byte[] kept = "WRONG".getBytes(StandardCharsets.UTF_8);
		MockHttpServletResponse response = run(kept, (request, writer) -> {
			writer.write(TABLE, 0, 10);
			writer.write(TABLE, 10, TABLE.length() - 10);
			writer.write(new String(TABLE.toCharArray()));
		});
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(TABLE + TABLE);
	}

	@Test
	void whatWasWrittenBeforeAResetIsNotSent() throws Exception {
		MockHttpServletResponse response = run(TABLE.getBytes(StandardCharsets.UTF_8), (request, writer) -> {
			writer.write("<p>half a page</p>");
			writer.write(TABLE);
		}, (request, response1) -> {
			response1.resetBuffer();
			response1.getWriter().write("<p>An error page</p>");
		});
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>An error page</p>");
	}

	@Test
	void aRedirectOrErrorAfterThePageBeganGoesOutWithoutThePagesLengthOrEncoding() throws Exception {
		MockHttpServletResponse redirected = run(TABLE.getBytes(StandardCharsets.UTF_8), (request, writer) -> {
			writer.write("<p>half a page</p>");
			writer.write(TABLE);
		}, (request, response) -> response.sendRedirect("/login"));
		assertThat(redirected.getRedirectedUrl()).isEqualTo("/login");
		assertThat(redirected.getContentLengthLong()).isZero();
		assertThat(redirected.getContentAsByteArray()).isEmpty();

		MockHttpServletResponse refused = run(TABLE.getBytes(StandardCharsets.UTF_8),
				(request, writer) -> writer.write(TABLE), (request, response) -> response.sendError(403));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentLengthLong()).isZero();
		assertThat(refused.getHeader("Content-Encoding")).isNull();
	}

	@Test
	void afterAResetThePageMayBeWrittenAsBytesInstead() throws Exception {
		MockHttpServletResponse response = run(TABLE.getBytes(StandardCharsets.UTF_8),
				(request, writer) -> writer.write(TABLE), (request, reset) -> {
					reset.reset();
					reset.getOutputStream().write("%PDF".getBytes(StandardCharsets.US_ASCII));
				});
		assertThat(response.getContentAsString(StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		assertThat(response.getContentLengthLong()).as("no length of the forgotten page").isZero();
	}

	@Test
	void aPageWithoutAKeptFragmentIsWrittenStraightThrough() throws Exception {
		MockHttpServletResponse response = run(null, (request, writer) -> writer.write("<p>Partnerships £</p>"));
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>Partnerships £</p>");
		assertThat(response.getContentLengthLong()).as("not gathered, so no length set").isEqualTo(0);
	}

	@Test
	void aBrowserThatAcceptsGzipGetsTheSamePageAsOneGzipStream() throws Exception {
		Page page = (request, writer) -> {
			writer.write(TABLE);
			writer.write("<h1>Quarterly report £ – 😀</h1>".repeat(50));
			writer.write(TABLE);
			writer.write("<p>Sign out</p>");
		};
		byte[] kept = TABLE.getBytes(StandardCharsets.UTF_8);
		MockHttpServletResponse plain = run(kept, page);
		MockHttpServletResponse compressed = run(kept, page, "gzip, deflate, br");
		assertThat(plain.getHeader("Content-Encoding")).isNull();
		assertThat(compressed.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(compressed.getHeaders("Vary")).contains("accept-encoding");
		assertThat(compressed.getContentLengthLong()).isEqualTo(compressed.getContentAsByteArray().length);
		assertThat(compressed.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length / 4);
		try (GZIPInputStream unzipped = new GZIPInputStream(
				new ByteArrayInputStream(compressed.getContentAsByteArray()))) {
			// GZIPInputStream checks the CRC-32 and the length in the trailer
			assertThat(unzipped.readAllBytes()).isEqualTo(plain.getContentAsByteArray());
		}
	}

	@Test
	void gzipOnlyWhenCompressionIsOnAndTheBrowserAsksForIt() throws Exception {
		byte[] kept = TABLE.getBytes(StandardCharsets.UTF_8);
		Page page = (request, writer) -> writer.write(TABLE);
		assertThat(run(kept, page, "gzip;q=0").getHeader("Content-Encoding")).isNull();
		assertThat(run(kept, page, "identity").getHeader("Content-Encoding")).isNull();
		assertThat(run(kept, page, "br;q=1.0, gzip;q=0.5").getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(run(kept, page, "*").getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(run(kept, page, "x-gzip").getHeader("Content-Encoding")).isEqualTo("gzip");
		// a coding named outranks *, wherever it stands
		assertThat(run(kept, page, "*, gzip;q=0").getHeader("Content-Encoding")).isNull();
		assertThat(run(kept, page, "*;q=0, gzip").getHeader("Content-Encoding")).isEqualTo("gzip");
		MockHttpServletResponse off = new MockHttpServletResponse();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/monitoring/reports/2016-17/Q2");
		request.addHeader("Accept-Encoding", "gzip");
		new KeptFragmentsFilter(false).doFilter(request, off, chain(kept, page, (req, resp) -> {
		}));
		assertThat(off.getHeader("Content-Encoding")).isNull();
		assertThat(off.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(TABLE);
	}

	private MockHttpServletResponse run(byte[] keptTable, Page page, String acceptEncoding) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/monitoring/reports/2016-17/Q2");
		request.addHeader("Accept-Encoding", acceptEncoding);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain(keptTable, page, (req, resp) -> {
		}));
		return response;
	}

	private MockHttpServletResponse run(byte[] keptTable, Page page) throws Exception {
		return run(keptTable, page, (request, response) -> {
		});
	}

	/**
	 * A page as a controller and its template make it: the controller takes the kept
	 * table (if any), then the template writes.
	 */
	private MockHttpServletResponse run(byte[] keptTable, Page page, After after) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/monitoring/reports/2016-17/Q2");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain(keptTable, page, after));
		return response;
	}

	private static MockFilterChain chain(byte[] keptTable, Page page, After after) {
		return new MockFilterChain(new HttpServlet() {

			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
				if (keptTable != null) {
					KeptFragmentsFilter.taken(req, TABLE,
							new KeptBytes(keptTable, KeptBytes.deflate(keptTable, false)));
				}
				resp.setContentType("text/html;charset=UTF-8");
				page.write(req, resp.getWriter());
				after.run(req, resp);
			}

		});
	}

	private interface Page {

		void write(HttpServletRequest request, PrintWriter writer) throws IOException;

	}

	private interface After {

		void run(HttpServletRequest request, HttpServletResponse response) throws IOException;

	}

}
