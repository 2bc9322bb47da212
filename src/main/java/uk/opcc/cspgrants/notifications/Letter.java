package uk.opcc.cspgrants.notifications;

import org.springframework.stereotype.Component;

/**
 * An e-mail as GOV.UK Notify writes them: plain text, "Dear" and the person's name, the
 * body, the one link as a full address, and a short sign-off naming the office.
 */
@Component
class Letter {

	private final NotificationProperties properties;

	Letter(NotificationProperties properties) {
		this.properties = properties;
	}

	String text(Outgoing message) {
		StringBuilder text = new StringBuilder();
		text.append("Dear ").append(message.name()).append(",\n\n");
		text.append(message.body()).append("\n\n");
		String url = url(message.link());
		if (url != null) {
			if (message.linkWords() != null && !message.linkWords().isBlank()) {
				text.append(message.linkWords()).append(": ");
			}
			text.append(url).append("\n\n");
		}
		text.append("Thank you,\n").append(this.properties.senderName()).append('\n');
		return text.toString();
	}

	/** The full address of a path in the application, or null for no path. */
	String url(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		if (link.startsWith("http://") || link.startsWith("https://")) {
			return link;
		}
		String base = this.properties.baseUrl().replaceAll("/+$", "");
		return base + (link.startsWith("/") ? link : "/" + link);
	}

	String senderName() {
		return this.properties.senderName();
	}

	String from() {
		return this.properties.from();
	}

}
