package uk.opcc.cspgrants.shared.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file in a response: CSV, Excel or PDF, to save or to open in the browser. */
public final class Downloads {

	public static final String CSV = "text/csv;charset=UTF-8";

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Downloads() {
	}

	/** A file to save, e.g. a CSV or Excel table. */
	public static ResponseEntity<byte[]> attachment(byte[] body, String type, String filename) {
		return response(body, type, ContentDisposition.attachment().filename(filename).build());
	}

	/**
	 * A file someone uploaded, to save and never to show in the browser: its name, which
	 * may hold any character, sent encoded (RFC 6266 {@code filename*}).
	 */
	public static ResponseEntity<byte[]> uploaded(byte[] body, String type, String filename) {
		return response(body, type,
				ContentDisposition.attachment().filename(filename, java.nio.charset.StandardCharsets.UTF_8).build());
	}

	/** A file the browser may show, e.g. a PDF. */
	public static ResponseEntity<byte[]> inline(byte[] body, String type, String filename) {
		return response(body, type, ContentDisposition.inline().filename(filename).build());
	}

	private static ResponseEntity<byte[]> response(byte[] body, String type, ContentDisposition disposition) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(body);
	}

}
