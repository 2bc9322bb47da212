package uk.opcc.cspgrants.shared.web;

/**
 * Text for a CSV or spreadsheet cell that a spreadsheet will never run as a formula: a
 * value starting with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage
 * return) gets a leading apostrophe. Every free-text cell of every CSV and workbook the
 * service writes goes through {@link #safe}; numbers and dates the service formats itself
 * need not.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String safe(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return risky(text.charAt(0)) ? "'" + text : text;
	}

	/**
	 * The text {@link #safe} was given, read back from a file the service wrote (so that
	 * an export loads again as it was): the apostrophe before a risky first character is
	 * dropped.
	 */
	public static String asTyped(String cell) {
		if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && risky(cell.charAt(1))) {
			return cell.substring(1);
		}
		return cell;
	}

	private static boolean risky(char first) {
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
