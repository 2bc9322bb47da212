package uk.opcc.cspgrants.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a page's kept fragments ({@link RenderedFragments}) as the UTF-8 bytes they were
 * encoded to when they were kept, instead of encoding hundreds of kilobytes of text again
 * on every request. Only a page whose handler took a kept fragment is touched: its text
 * is gathered while the template is rendered (a few kilobytes around the fragment), and
 * when the page is complete the text and the kept bytes go out in order, with their
 * length. The bytes are exactly what encoding the fragment would give; a fragment the
 * template writes in pieces is simply encoded as usual.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class KeptFragmentsFilter extends OncePerRequestFilter {

	private static final String KEPT = KeptFragmentsFilter.class.getName() + ".kept";

	/** Notes that this request's page takes {@code html}, whose UTF-8 bytes are kept. */
	static void taken(ServletRequest request, String html, byte[] utf8) {
		@SuppressWarnings("unchecked")
		Map<String, byte[]> kept = (Map<String, byte[]>) request.getAttribute(KEPT);
		if (kept == null) {
			kept = new IdentityHashMap<>();
			request.setAttribute(KEPT, kept);
		}
		kept.put(html, utf8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		KeptFragmentsResponse page = new KeptFragmentsResponse(request, response);
		chain.doFilter(request, page);
		page.send();
	}

	private static final class KeptFragmentsResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private PageText text;

		private PrintWriter writer;

		KeptFragmentsResponse(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer != null) {
				return this.writer;
			}
			@SuppressWarnings("unchecked")
			Map<String, byte[]> kept = (Map<String, byte[]>) this.request.getAttribute(KEPT);
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

		@Override
		public void reset() {
			super.reset();
			if (this.text != null) {
				this.text.clear();
			}
		}

		/** Sends the gathered page, if this page was gathered. */
		void send() throws IOException {
			if (this.text == null) {
				return;
			}
			this.writer.flush();
			List<byte[]> parts = this.text.parts();
			long length = 0;
			for (byte[] part : parts) {
				length += part.length;
			}
			if (!isCommitted()) {
				setContentLengthLong(length);
			}
			ServletOutputStream out = super.getOutputStream();
			for (byte[] part : parts) {
				out.write(part);
			}
			out.flush();
		}

	}

	/**
	 * A page's text as it is written: ordinary text gathered, each kept fragment written
	 * whole kept as its bytes.
	 */
	private static final class PageText extends Writer {

		private final Map<String, byte[]> kept;

		private final List<Object> parts = new ArrayList<>();

		private StringBuilder current = new StringBuilder(8192);

		PageText(Map<String, byte[]> kept) {
			this.kept = kept;
		}

		@Override
		public void write(String text, int offset, int length) {
			byte[] bytes = (offset == 0 && length == text.length()) ? this.kept.get(text) : null;
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

		List<byte[]> parts() {
			List<byte[]> bytes = new ArrayList<>(this.parts.size() + 1);
			for (Object part : this.parts) {
				bytes.add((part instanceof byte[] kept) ? kept : part.toString().getBytes(StandardCharsets.UTF_8));
			}
			bytes.add(this.current.toString().getBytes(StandardCharsets.UTF_8));
			return bytes;
		}

	}

}
