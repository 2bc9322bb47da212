package uk.opcc.cspgrants.rounds.applying;

import java.time.Instant;
import java.util.Locale;

/**
 * A supporting document as listed: what it is, its file's name, type and size, and when
 * it was uploaded.
 */
public record DocumentView(long id, DocumentKind kind, String fileName, DocumentType type, int sizeBytes,
		Instant uploadedAt) {

	/** Its size as people read it: "640 bytes", "12 KB", "1.4 MB". */
	public String size() {
		if (this.sizeBytes < 1024) {
			return this.sizeBytes + " bytes";
		}
		if (this.sizeBytes < 1024 * 1024) {
			return Math.round(this.sizeBytes / 1024.0) + " KB";
		}
		return String.format(Locale.UK, "%.1f MB", this.sizeBytes / (1024.0 * 1024.0));
	}

}
