package uk.opcc.cspgrants.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a page's kept fragments ({@link RenderedFragments}) as bytes made once when they
 * were kept, instead of encoding (and compressing) hundreds of kilobytes of text again on
 * every request. Only a page whose handler took a kept fragment is touched: its text is
 * gathered while the template is rendered (a few kilobytes around the fragment), and when
 * the page is complete the text and the kept bytes go out in order, with their length.
 * The bytes are exactly what encoding the fragment would give; a fragment the template
 * writes in pieces is simply encoded as usual.
 * <p>
 * When compression is on and the browser accepts gzip, the page goes as one gzip stream
 * made of the page's own text compressed now and the fragment's blocks compressed when it
 * was kept (each part starts afresh, so none refers back into another), with the checksum
 * and length of the whole page; Tomcat leaves a response that is already compressed as it
 * is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class KeptFragmentsFilter extends OncePerRequestFilter {

	private static final String KEPT = KeptFragmentsFilter.class.getName() + ".kept";

	/** ID1, ID2, DEFLATE, no flags, no time, no extra flags, unknown system. */
	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private final boolean compression;

	KeptFragmentsFilter(@Value("${server.compression.enabled:false}") boolean compression) {
		this.compression = compression;
	}

	/** Notes that this request's page takes {@code html}, whose bytes are kept. */
	static void taken(ServletRequest request, String html, KeptBytes bytes) {
		@SuppressWarnings("unchecked")
		Map<String, KeptBytes> kept = (Map<String, KeptBytes>) request.getAttribute(KEPT);
		if (kept == null) {
			kept = new IdentityHashMap<>();
			request.setAttribute(KEPT, kept);
		}
		kept.put(html, bytes);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		KeptFragmentsResponse page = new KeptFragmentsResponse(request, response,
				this.compression && acceptsGzip(request));
		chain.doFilter(request, page);
		page.send();
	}

	/**
	 * Whether {@code Accept-Encoding} accepts gzip: named with a q above 0, or not named
	 * and covered by {@code *} with a q above 0.
	 */
	static boolean acceptsGzip(HttpServletRequest request) {
		Double gzip = null;
		Double any = null;
		Enumeration<String> headers = request.getHeaders("Accept-Encoding");
		while (headers != null && headers.hasMoreElements()) {
			for (String coding : headers.nextElement().split(",")) {
				String[] parameters = coding.split(";");
				String name = parameters[0].trim();
				if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
					gzip = quality(parameters);
				}
				else if (name.equals("*")) {
					any = quality(parameters);
				}
			}
		}
		Double chosen = (gzip != null) ? gzip : any;
		return chosen != null && chosen > 0;
	}

	private static double quality(String[] parameters) {
		for (int i = 1; i < parameters.length; i++) {
			String parameter = parameters[i].trim();
			if (parameter.startsWith("q=")) {
				try {
					return Double.parseDouble(parameter.substring(2).trim());
				}
				catch (NumberFormatException unreadable) {
					return 0;
				}
			}
		}
		return 1;
	}

	private static final class KeptFragmentsResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private final boolean gzip;

		private PageText text;

		private PrintWriter writer;

		KeptFragmentsResponse(HttpServletRequest request, HttpServletResponse response, boolean gzip) {
			super(response);
			this.request = request;
			this.gzip = gzip;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer != null) {
				return this.writer;
			}
			@SuppressWarnings("unchecked")
			Map<String, KeptBytes> kept = (Map<String, KeptBytes>) this.request.getAttribute(KEPT);
			if (kept == null || !StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding())) {
				return super.getWriter();
			}
			this.text = new PageText(kept);
			this.writer = new PrintWriter(this.text);
			return this.writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.text == null) {
				super.flushBuffer();
			}
		}

		@Override
		public void resetBuffer() {
			super.resetBuffer();
			if (this.text != null) {
				this.text.clear();
			}
		}

		/** Forgets the page and the writer given out, as a reset response does. */
		@Override
		public void reset() {
			super.reset();
			forget();
		}

		@Override
		public void sendError(int status) throws IOException {
			forget();
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			forget();
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			forget();
			super.sendRedirect(location);
		}

		/**
		 * Drops what was gathered: an error page or a redirect goes out as Tomcat makes
		 * it, without this page's length or encoding.
		 */
		private void forget() {
			this.text = null;
			this.writer = null;
		}

		/** Sends the gathered page, if this page was gathered. */
		void send() throws IOException {
			if (this.text == null) {
				return;
			}
			this.writer.flush();
			boolean compressed = this.gzip && !isCommitted() && getHeader("Content-Encoding") == null;
			List<byte[]> parts = compressed ? gzipped(this.text.parts()) : plain(this.text.parts());
			long length = 0;
			for (byte[] part : parts) {
				length += part.length;
			}
			if (!isCommitted()) {
				if (compressed) {
					setHeader("Content-Encoding", "gzip");
					addHeader("Vary", "accept-encoding");
				}
				setContentLengthLong(length);
			}
			ServletOutputStream out = super.getOutputStream();
			for (byte[] part : parts) {
				out.write(part);
			}
			out.flush();
		}

	}

	private static List<byte[]> plain(List<KeptBytes> parts) {
		return parts.stream().map(KeptBytes::utf8).toList();
	}

	/**
	 * One gzip member: the header, the page's text compressed now and the kept fragments'
	 * blocks in order (the last part, always the page's own text, ends the stream), then
	 * the CRC-32 and length of the whole page.
	 */
	private static List<byte[]> gzipped(List<KeptBytes> parts) {
		List<byte[]> bytes = new ArrayList<>(parts.size() + 2);
		bytes.add(GZIP_HEADER);
		CRC32 crc = new CRC32();
		long size = 0;
		for (int i = 0; i < parts.size(); i++) {
			KeptBytes part = parts.get(i);
			crc.update(part.utf8());
			size += part.utf8().length;
			bytes.add((part.deflated() != null) ? part.deflated()
					: KeptBytes.deflate(part.utf8(), i == parts.size() - 1));
		}
		bytes.add(ByteBuffer.allocate(8)
			.order(ByteOrder.LITTLE_ENDIAN)
			.putInt((int) crc.getValue())
			.putInt((int) size)
			.array());
		return bytes;
	}

	/**
	 * A page's text as it is written: ordinary text gathered, each kept fragment written
	 * whole kept as its bytes.
	 */
	private static final class PageText extends Writer {

		private final Map<String, KeptBytes> kept;

		private final List<Object> parts = new ArrayList<>();

		private StringBuilder current = new StringBuilder(8192);

		PageText(Map<String, KeptBytes> kept) {
			this.kept = kept;
		}

		@Override
		public void write(String text, int offset, int length) {
			KeptBytes bytes = (offset == 0 && length == text.length()) ? this.kept.get(text) : null;
			if (bytes == null) {
				this.current.append(text, offset, offset + length);
				return;
			}
			this.parts.add(this.current);
			this.parts.add(bytes);
			this.current = new StringBuilder(8192);
		}

		@Override
		public void write(char[] characters, int offset, int length) {
			this.current.append(characters, offset, length);
		}

		@Override
		public void write(int character) {
			this.current.append((char) character);
		}

		@Override
		public void flush() {
			// sent whole when the page is complete
		}

		@Override
		public void close() {
			// sent whole when the page is complete
		}

		void clear() {
			this.parts.clear();
			this.current = new StringBuilder(8192);
		}

		/**
		 * The page in order: kept fragments as they were kept, and its own text as UTF-8
		 * bytes not yet compressed; always ending with its own text (perhaps none).
		 */
		List<KeptBytes> parts() {
			List<KeptBytes> bytes = new ArrayList<>(this.parts.size() + 1);
			for (Object part : this.parts) {
				bytes.add((part instanceof KeptBytes kept) ? kept : KeptBytes.uncompressed(part.toString()));
			}
			bytes.add(KeptBytes.uncompressed(this.current.toString()));
			return bytes;
		}

	}

}
