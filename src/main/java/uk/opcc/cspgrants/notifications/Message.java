package uk.opcc.cspgrants.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One message as its recipient reads it.
 *
 * @param id its number
 * @param subject the subject line
 * @param body the whole text, plain, paragraphs between blank lines
 * @param link the one action it leads to, or {@code null}
 * @param linkWords the words of the link its template gives ("Open the return"), or
 * {@code null}
 * @param channel {@code EMAIL} or {@code APP}
 * @param status as stored
 * @param createdAt when it was written
 * @param sentAt when it was e-mailed, or {@code null}
 * @param readAt when its recipient first opened it here, or {@code null}
 */
public record Message(long id, String subject, String body, String link, String linkWords, String channel,
		String status, Instant createdAt, Instant sentAt, Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

	/** Whether it was (or will be) e-mailed as well as kept here. */
	public boolean byEmail() {
		return "EMAIL".equals(this.channel);
	}

	/**
	 * The text in paragraphs, each a list of lines; the line that holds the link, if any,
	 * is left out ({@link #linkText()} says it).
	 */
	public List<List<String>> paragraphs() {
		List<List<String>> paragraphs = new ArrayList<>();
		for (String paragraph : this.body.strip().split("\\R\\s*\\R")) {
			List<String> lines = Arrays.stream(paragraph.split("\\R"))
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !holdsLink(line))
				.toList();
			if (!lines.isEmpty()) {
				paragraphs.add(lines);
			}
		}
		return paragraphs;
	}

	/**
	 * The words of the link: its template's, or else the body's line that holds it, less
	 * the address ("Open the return"), or else words of our own.
	 */
	public String linkText() {
		if (this.link == null) {
			return null;
		}
		if (this.linkWords != null && !this.linkWords.isBlank()) {
			return this.linkWords;
		}
		for (String line : this.body.split("\\R")) {
			if (holdsLink(line.strip())) {
				String text = line.strip();
				// the address may be written whole (https://...) around a stored path
				int address = text.lastIndexOf(' ', text.indexOf(this.link)) + 1;
				String words = text.substring(0, address).strip();
				words = words.endsWith(":") ? words.substring(0, words.length() - 1).strip() : words;
				if (!words.isEmpty()) {
					return words;
				}
			}
		}
		return "Open the page this message is about";
	}

	private boolean holdsLink(String line) {
		return this.link != null && !this.link.isBlank() && line.contains(this.link);
	}

}
