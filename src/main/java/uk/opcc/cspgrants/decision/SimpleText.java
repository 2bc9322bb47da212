package uk.opcc.cspgrants.decision;

import org.springframework.web.util.HtmlUtils;

/**
 * The simple formatting decision records allow, turned into safe HTML: paragraphs
 * separated by a blank line, lists of lines starting with "- ", and **bold**. Everything
 * else is escaped, so no script and no raw HTML survive.
 */
public final class SimpleText {

	private SimpleText() {
	}

	public static String toHtml(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		StringBuilder html = new StringBuilder();
		for (String block : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
			String[] lines = block.split("\n");
			boolean list = true;
			for (String line : lines) {
				list &= line.strip().startsWith("- ");
			}
			if (list) {
				html.append("<ul>");
				for (String line : lines) {
					html.append("<li>").append(inline(line.strip().substring(2))).append("</li>");
				}
				html.append("</ul>");
			}
			else {
				html.append("<p>");
				for (int i = 0; i < lines.length; i++) {
					html.append((i > 0) ? "<br/>" : "").append(inline(lines[i].strip()));
				}
				html.append("</p>");
			}
		}
		return html.toString();
	}

	private static String inline(String text) {
		String escaped = HtmlUtils.htmlEscapeDecimal(text);
		return escaped.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
	}

}
