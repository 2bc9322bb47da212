package uk.opcc.cspgrants.indicators;

/**
 * A row an import refused, and why. Any refused row means the whole import loaded
 * nothing.
 *
 * @param file the file's name
 * @param line the line number in the file, counting the header as line 1 (0 for the file
 * as a whole)
 * @param reason what is wrong, in words an officer can act on
 */
public record RefusedRow(String file, long line, String reason) {
}
