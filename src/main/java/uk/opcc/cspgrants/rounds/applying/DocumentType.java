package uk.opcc.cspgrants.rounds.applying;

import java.util.List;

/**
 * The kinds of file an applicant may upload, each known by its first bytes (and for a
 * zip-based office file, by what the zip holds), never by what the browser says it is.
 */
public enum DocumentType {

	PDF("application/pdf", "PDF", "pdf"), DOC("application/msword", "Word", "doc"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", "docx"),
	XLS("application/vnd.ms-excel", "Excel", "xls"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", "xlsx"),
	ODT("application/vnd.oasis.opendocument.text", "OpenDocument text", "odt"),
	ODS("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet", "ods"),
	PNG("image/png", "PNG image", "png"), JPEG("image/jpeg", "JPEG image", "jpg", "jpeg");

	private final String contentType;

	private final String label;

	private final List<String> extensions;

	DocumentType(String contentType, String label, String... extensions) {
		this.contentType = contentType;
		this.label = label;
		this.extensions = List.of(extensions);
	}

	public String contentType() {
		return this.contentType;
	}

	public String label() {
		return this.label;
	}

	/** The endings a file of this type may have, the usual one first. */
	public List<String> extensions() {
		return this.extensions;
	}

	/** The type of a recorded content type. */
	public static DocumentType ofContentType(String contentType) {
		for (DocumentType type : values()) {
			if (type.contentType.equals(contentType)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Not a document type: " + contentType);
	}

}
