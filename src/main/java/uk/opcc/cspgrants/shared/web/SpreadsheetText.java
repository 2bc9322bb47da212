package uk.opcc.cspgrants.shared.web;

/**
 * Text for a CSV or spreadsheet cell that a spreadsheet will never run as a formula: a
 * value starting with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage
 * return) gets a leading apostrophe.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String safe(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

}
