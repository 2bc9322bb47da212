package uk.opcc.cspgrants.rounds.applying;

/**
 * An uploaded file that passed the checks.
 *
 * @param fileName its name, without any folder, control characters, or more than 200
 * characters, ending as its type does
 * @param type what its bytes are
 * @param size how many bytes
 * @param sha256 the SHA-256 of its bytes, in lower-case hexadecimal
 */
public record CheckedDocument(String fileName, DocumentType type, int size, String sha256) {
}
