package uk.opcc.cspgrants.shared.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * A kept fragment's HTML as it is sent, made once when it is kept: its UTF-8 bytes, and
 * the same compressed as DEFLATE blocks that stand on their own (no reference to anything
 * before them, no final block), so that {@link KeptFragmentsFilter} can put them between
 * a page's own compressed parts in a gzip response. A page's own text has no blocks made
 * in advance ({@code deflated} is {@code null}).
 */
record KeptBytes(byte[] utf8, byte[] deflated) {

	/**
	 * One compressor per request thread, reset before each use: making one allocates and
	 * clears a few hundred kilobytes of native memory, twice for every compressed page.
	 */
	private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal
		.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

	static KeptBytes of(String html) {
		byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
		return new KeptBytes(utf8, deflate(utf8, false));
	}

	/** A page's own text: compressed, if at all, when the page is sent. */
	static KeptBytes uncompressed(String text) {
		return new KeptBytes(text.getBytes(StandardCharsets.UTF_8), null);
	}

	/**
	 * {@code bytes} compressed with a fresh dictionary: ending on a byte boundary with no
	 * final block (a sync flush), or with the final block when {@code last}.
	 */
	static byte[] deflate(byte[] bytes, boolean last) {
		Deflater deflater = DEFLATERS.get();
		deflater.reset();
		try {
			deflater.setInput(bytes);
			if (last) {
				deflater.finish();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
			byte[] buffer = new byte[16384];
			int flush = last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
			boolean done = false;
			while (!done) {
				int length = deflater.deflate(buffer, 0, buffer.length, flush);
				out.write(buffer, 0, length);
				done = last ? deflater.finished() : (length < buffer.length && deflater.needsInput());
			}
			return out.toByteArray();
		}
		finally {
			// let go of the input until the next use
			deflater.reset();
		}
	}

}
