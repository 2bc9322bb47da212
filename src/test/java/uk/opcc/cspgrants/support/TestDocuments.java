package uk.opcc.cspgrants.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small files for tests that upload an application's documents: each a PDF by its first
 * bytes (all the upload checks look at), different for different words, so that each is a
 * different file.
 */
public final class TestDocuments {

	/** The documents a charity, company or group sends: kind and file name. */
	public static final String[][] REQUIRED = { { "GOVERNING_DOCUMENT", "constitution.pdf" },
			{ "ACCOUNTS", "accounts-2025.pdf" }, { "SAFEGUARDING_POLICY", "safeguarding-policy.pdf" } };

	private TestDocuments() {
	}

	/** A one-page PDF saying the words. */
	public static byte[] pdf(String words) {
		String body = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + words
				+ "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
		return body.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** The PDF saying the words, as a file in a folder, for a browser to choose. */
	public static Path pdfFile(Path folder, String name, String words) {
		try {
			return Files.write(folder.resolve(name), pdf(words));
		}
		catch (java.io.IOException failed) {
			throw new java.io.UncheckedIOException(failed);
		}
	}

	/** The bytes of a text as a file that is not an accepted document. */
	public static byte[] text(String words) {
		return words.getBytes(StandardCharsets.UTF_8);
	}

}
