package uk.opcc.cspgrants.shared.web;

import java.util.List;

/**
 * One line of a signed-in user's home page: something that waits for them (a count with a
 * link, and the items themselves), or something of theirs worth knowing (their
 * partnership's allocation, an import, a gap in the data).
 *
 * @param order position on the page, lowest first; also orders the sections
 * @param section the heading it is shown under, e.g. {@value #WAITING}
 * @param text the words of the line, e.g. "2 formula runs waiting for your approval"
 * @param href where the line leads, or {@code null}
 * @param links the items themselves, each with its own link; may be empty
 * @param waiting whether it waits for this user to act
 */
public record WorkItem(int order, String section, String text, String href, List<Link> links, boolean waiting) {

	/** The section of what waits for the user to act. */
	public static final String WAITING = "Waiting for you";

	/** The section of the user's own unfinished work. */
	public static final String DRAFTS = "Your drafts";

	/** The section of a CSP manager's own partnership. */
	public static final String PARTNERSHIP = "Your partnership";

	public WorkItem {
		links = List.copyOf(links);
	}

	/** Something waiting for this user, with the items themselves. */
	public static WorkItem waiting(int order, String text, String href, List<Link> links) {
		return new WorkItem(order, WAITING, text, href, links, true);
	}

	/** Something worth knowing, under its own heading. */
	public static WorkItem info(int order, String section, String text, String href) {
		return new WorkItem(order, section, text, href, List.of(), false);
	}

	/** Something worth knowing, under its own heading, with the items themselves. */
	public static WorkItem info(int order, String section, String text, String href, List<Link> links) {
		return new WorkItem(order, section, text, href, links, false);
	}

	/**
	 * A number with its noun: "1 formula run", "2 formula runs".
	 * @param count how many
	 * @param one the noun for one
	 * @param many the noun for several
	 */
	public static String count(long count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

	/**
	 * One item of a line, with its link.
	 *
	 * @param text what it is, in words
	 * @param href where it is
	 */
	public record Link(String text, String href) {
	}

}
