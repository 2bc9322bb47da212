package uk.opcc.cspgrants.rounds.applying;

/** A document's file to download: its name, its type and its bytes. */
public record DocumentFile(String fileName, DocumentType type, byte[] content) {
}
