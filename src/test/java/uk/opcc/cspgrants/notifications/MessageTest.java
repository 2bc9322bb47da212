package uk.opcc.cspgrants.notifications;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A message's text in paragraphs, and its one link in its own words. */
class MessageTest {

	@Test
	void theLineThatHoldsTheLinkBecomesTheLinksWords() {
		Message message = message(
				"Dear Lee Leicester,\n\nYour return for July to September 2024 is due on "
						+ "30 October 2024.\nIt is 3 working days away.\n\nOpen the return: "
						+ "https://csp-grants.example.org/monitoring/returns/2024-25/Q2/LEI",
				"/monitoring/returns/2024-25/Q2/LEI");
		assertThat(message.paragraphs()).containsExactly(List.of("Dear Lee Leicester,"), List
			.of("Your return for July to September 2024 is due on 30 October 2024.", "It is 3 working days away."));
		assertThat(message.linkText()).isEqualTo("Open the return");
	}

	@Test
	void aLinkTheTextDoesNotMentionGetsWordsOfItsOwnAndNoLinkNone() {
		assertThat(message("Formula run 3 is waiting for your approval.", "/allocations/runs/3").linkText())
			.isEqualTo("Open the page this message is about");
		assertThat(message("Formula run 3 is waiting for your approval.", null).linkText()).isNull();
	}

	@Test
	void theTemplatesWordsForTheLinkComeFirst() {
		Message message = new Message(1, "Subject", "Your return is due.", "/monitoring/returns/2024-25/Q2/LEI",
				"Open the return", "APP", "KEPT", Instant.parse("2024-10-27T08:00:00Z"), null, null);
		assertThat(message.linkText()).isEqualTo("Open the return");
	}

	private static Message message(String body, String link) {
		return new Message(1, "Subject", body, link, null, "APP", "KEPT", Instant.parse("2024-10-27T08:00:00Z"), null,
				null);
	}

}
