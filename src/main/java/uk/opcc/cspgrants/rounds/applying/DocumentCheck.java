package uk.opcc.cspgrants.rounds.applying;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Checks an uploaded file before it is kept: something was chosen, it is not empty, it is
 * at most 10 MiB, and its bytes are a PDF, Word, Excel, OpenDocument, PNG or JPEG file,
 * found from its first bytes (and, for a zip-based office file, from the names in the
 * zip's central directory, read without unpacking anything). A name that ends as another
 * type is refused, so that what is kept is what its name says; the name loses any folder
 * and control characters. Messages are the GOV.UK file upload pattern's.
 */
public final class DocumentCheck {

	/** The largest file kept: 10 MiB. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	static final String ACCEPTED = "a PDF, Word, Excel, OpenDocument, PNG or JPEG file";

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final byte[] OLE2 = { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
			(byte) 0xe1 };

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final int MAX_NAME = 200;

	private DocumentCheck() {
	}

	/** Checks a file as uploaded, or refuses it with a message for the file field. */
	public static CheckedDocument check(String offeredName, byte[] content) {
		String name = fileName(offeredName);
		if (name == null && (content == null || content.length == 0)) {
			throw refused("Select a file");
		}
		if (content == null || content.length == 0) {
			throw refused("The selected file is empty");
		}
		if (content.length > MAX_BYTES) {
			throw refused("The selected file must be smaller than 10MB");
		}
		String extension = extension(name);
		DocumentType type = sniff(content, extension)
			.orElseThrow(() -> refused("The selected file must be " + ACCEPTED));
		if (name == null) {
			name = "document." + type.extensions().get(0);
		}
		else if (extension.isEmpty()) {
			name = shortened(name + "." + type.extensions().get(0));
		}
		else if (!type.extensions().contains(extension)) {
			throw refused("The selected file is " + article(type.label()) + " file but its name ends ." + extension
					+ ": rename it to end ." + type.extensions().get(0) + " and upload it again");
		}
		return new CheckedDocument(name, type, content.length, sha256(content));
	}

	/** What a file's bytes are, if one of the accepted types. */
	static Optional<DocumentType> sniff(byte[] content, String extension) {
		if (startsWith(content, PDF)) {
			return Optional.of(DocumentType.PDF);
		}
		if (startsWith(content, PNG)) {
			return Optional.of(DocumentType.PNG);
		}
		if (startsWith(content, JPEG)) {
			return Optional.of(DocumentType.JPEG);
		}
		if (startsWith(content, OLE2)) {
			// an old Office file says what it is only deep inside: its name decides
			return switch (extension) {
				case "doc" -> Optional.of(DocumentType.DOC);
				case "xls" -> Optional.of(DocumentType.XLS);
				default -> Optional.empty();
			};
		}
		if (startsWith(content, ZIP)) {
			return zipBased(content);
		}
		return Optional.empty();
	}

	/**
	 * An OpenDocument file starts with its stored "mimetype" entry; an Office Open XML
	 * file has "[Content_Types].xml" and its part folder ("word/", "xl/") in its central
	 * directory.
	 */
	private static Optional<DocumentType> zipBased(byte[] content) {
		String mimetype = openDocumentMimetype(content);
		if ("application/vnd.oasis.opendocument.text".equals(mimetype)) {
			return Optional.of(DocumentType.ODT);
		}
		if ("application/vnd.oasis.opendocument.spreadsheet".equals(mimetype)) {
			return Optional.of(DocumentType.ODS);
		}
		List<String> names = zipEntryNames(content);
		if (!names.contains("[Content_Types].xml")) {
			return Optional.empty();
		}
		if (names.stream().anyMatch(entry -> entry.startsWith("word/"))) {
			return Optional.of(DocumentType.DOCX);
		}
		if (names.stream().anyMatch(entry -> entry.startsWith("xl/"))) {
			return Optional.of(DocumentType.XLSX);
		}
		return Optional.empty();
	}

	/** The stored "mimetype" first entry of an OpenDocument file, or null. */
	private static String openDocumentMimetype(byte[] b) {
		if (b.length < 38) {
			return null;
		}
		int method = le16(b, 8);
		long size = le32(b, 22);
		int nameLength = le16(b, 26);
		int extraLength = le16(b, 28);
		int start = 30 + nameLength + extraLength;
		if (method != 0 || nameLength != 8 || size > 100 || start + size > b.length
				|| !"mimetype".equals(new String(b, 30, 8, StandardCharsets.US_ASCII))) {
			return null;
		}
		return new String(b, start, (int) size, StandardCharsets.US_ASCII);
	}

	/**
	 * The names in a zip's central directory, found from its end record; none when the
	 * zip is not well formed.
	 */
	static List<String> zipEntryNames(byte[] b) {
		int end = -1;
		for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
			if (le32(b, i) == 0x06054b50L) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			return List.of();
		}
		int count = le16(b, end + 10);
		long offset = le32(b, end + 16);
		List<String> names = new ArrayList<>();
		long at = offset;
		for (int n = 0; n < count; n++) {
			if (at < 0 || at + 46 > b.length || le32(b, (int) at) != 0x02014b50L) {
				return List.of();
			}
			int p = (int) at;
			int nameLength = le16(b, p + 28);
			if (p + 46 + nameLength > b.length) {
				return List.of();
			}
			names.add(new String(b, p + 46, nameLength, StandardCharsets.UTF_8));
			at = p + 46L + nameLength + le16(b, p + 30) + le16(b, p + 32);
		}
		return names;
	}

	/**
	 * A file's name as kept: the part after any folder, without control characters,
	 * trimmed, at most 200 characters (its ending kept); null when nothing is left.
	 */
	static String fileName(String offered) {
		if (offered == null) {
			return null;
		}
		String name = offered.substring(Math.max(offered.lastIndexOf('/'), offered.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "")
			.strip();
		return name.isEmpty() ? null : shortened(name);
	}

	private static String shortened(String name) {
		if (name.length() <= MAX_NAME) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String ending = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
		return name.substring(0, MAX_NAME - ending.length()) + ending;
	}

	private static String extension(String name) {
		if (name == null) {
			return "";
		}
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	private static String article(String label) {
		return ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static int le16(byte[] b, int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
	}

	private static long le32(byte[] b, int at) {
		return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static ValidationException refused(String message) {
		return new ValidationException("file", message);
	}

}
