package uk.opcc.cspgrants.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statuses of the outbox in words, in the order the administrator's page lists them,
 * with the word each is asked for by in a page's address.
 */
enum OutboxStatusWords {

	WAITING("waiting", "Waiting to be sent", "blue"), SENT("sent", "Sent", "green"), FAILED("failed", "Failed", "red"),
	KEPT("kept", "Kept in the application", "grey"), CANCELLED("cancelled", "Cancelled", "grey"),
	IN_DIGEST("in-digest", "In a daily summary", "purple");

	private final String param;

	private final String words;

	private final String colour;

	OutboxStatusWords(String param, String words, String colour) {
		this.param = param;
		this.words = words;
		this.colour = colour;
	}

	public String param() {
		return this.param;
	}

	public String words() {
		return this.words;
	}

	/** The GOV.UK tag's modifier class. */
	public String tagClass() {
		return "govuk-tag--" + this.colour;
	}

	/** The status a page's address asks for, or {@code null} for every status. */
	static OutboxStatusWords fromParam(String param) {
		for (OutboxStatusWords status : values()) {
			if (status.param.equals(param)) {
				return status;
			}
		}
		return null;
	}

	/** The words for a status as stored. */
	static OutboxStatusWords of(String stored) {
		return valueOf(stored);
	}

	/** Every status in words by its address word, in order. */
	static Map<String, String> choices() {
		Map<String, String> choices = new LinkedHashMap<>();
		for (OutboxStatusWords status : values()) {
			choices.put(status.param, status.words);
		}
		return choices;
	}

}
