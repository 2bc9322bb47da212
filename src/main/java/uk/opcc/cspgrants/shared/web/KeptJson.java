package uk.opcc.cspgrants.shared.web;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.shared.LeastRecentlyUsed;

/**
 * The large, slow-changing answers of the API (a 300-row quarterly report) written as
 * JSON once and kept, keyed by what they show, as {@link RenderedFragments} keeps a
 * page's tables: the key must change whenever anything in the answer does (the data's
 * version), and the answer must not depend on who asks. Written by the application's own
 * JSON mapper, so the bytes are those it would write on every request (money as text,
 * dates as {@code yyyy-MM-dd}). At most {@code csp-grants.kept-json.max-entries} answers
 * are kept, least recently used going first.
 */
@Component
public class KeptJson {

	private final JsonMapper json;

	private final LeastRecentlyUsed<String, byte[]> kept;

	KeptJson(JsonMapper json, @Value("${csp-grants.kept-json.max-entries:32}") int maxEntries) {
		this.json = json;
		this.kept = new LeastRecentlyUsed<>(maxEntries);
	}

	/** The answer for {@code key}: kept from an earlier request, or written now. */
	public ResponseEntity<byte[]> answer(String key, Supplier<?> body) {
		byte[] bytes = this.kept.get(key, () -> this.json.writeValueAsBytes(body.get()));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes);
	}

}
