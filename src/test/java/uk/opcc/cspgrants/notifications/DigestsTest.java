package uk.opcc.cspgrants.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily summary: one new message per person listing what waited for their summary,
 * those messages marked as in it; once per person per day however often it runs.
 */
@IntegrationTest
class DigestsTest {

	/** 8am in London on Monday 3 March 2031 (GMT). */
	private static final Instant EIGHT_AM = Instant.parse("2031-03-03T08:00:00Z");

	@Autowired
	Digests digests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageRows rows;

	@AfterEach
	void removeMessages() {
		new NotificationRows(this.jdbc).removeAll("2031-03-03");
	}

	@Test
	void eachPersonGetsOneSummaryListingTheirWaitingMessagesWhichAreMarkedAsInIt() {
		NotificationRows rows = new NotificationRows(this.jdbc);
		long first = rows.insert("digest-1", "finance", "Formula run 3 is waiting for your approval", "EMAIL",
				"WAITING", true, EIGHT_AM.minus(20, ChronoUnit.HOURS));
		long second = rows.insert("digest-2", "finance", "Redistribution 2 is waiting for your approval", "EMAIL",
				"WAITING", true, EIGHT_AM.minus(2, ChronoUnit.HOURS));
		long alone = rows.insert("alone", "finance", "The Q2 payment to Leicester is due", "EMAIL", "WAITING", false,
				EIGHT_AM.minus(1, ChronoUnit.HOURS));

		this.digests.composeDigests(EIGHT_AM);

		Map<String, Object> digest = this.jdbc.queryForMap("select * from notification where message_key = "
				+ "'daily-digest:finance:2031-03-03' and username = 'finance'");
		assertThat(digest).containsEntry("template", "daily-digest")
			.containsEntry("channel", "EMAIL")
			.containsEntry("status", "WAITING")
			.containsEntry("digest", false)
			.containsEntry("email", "finance@example.org")
			.containsEntry("recipient_name", "Fran Finance")
			.containsEntry("subject", "CSP Grants: your summary of 2 new messages")
			.containsEntry("attempts", 0);
		assertThat(((java.sql.Timestamp) digest.get("next_attempt_at")).toInstant()).isEqualTo(EIGHT_AM);
		assertThat((String) digest.get("body")).isEqualTo("Here is your summary of 2 new messages from CSP Grants.\n\n"
				+ "* Formula run 3 is waiting for your approval: http://localhost:8080/monitoring/returns/2024-25/Q2/LEI\n"
				+ "* Redistribution 2 is waiting for your approval: http://localhost:8080/monitoring/returns/2024-25/Q2/LEI"
				+ "\n\nYou get one summary email each working day because you chose it. To get an email for each "
				+ "message instead, change how we tell you under Your messages.");
		assertThat(digest).containsEntry("link", "/notifications");
		assertThat(this.rows.linkWords("daily-digest", (String) digest.get("personalisation").toString()))
			.as("the words of its link, from digest.properties")
			.isEqualTo("See all your messages");
		long digestId = ((Number) digest.get("id")).longValue();
		for (long included : new long[] { first, second }) {
			assertThat(this.jdbc.queryForMap("select status, digest_id from notification where id = ?", included))
				.containsEntry("status", "IN_DIGEST")
				.containsEntry("digest_id", digestId);
		}
		assertThat(this.jdbc.queryForObject("select status from notification where id = ?", String.class, alone))
			.as("a message not for the summary is left to the sender")
			.isEqualTo("WAITING");
	}

	@Test
	void aSecondRunTheSameDayWritesNoSecondSummaryAndLeavesNewMessagesForTomorrow() {
		NotificationRows rows = new NotificationRows(this.jdbc);
		rows.insert("early", "commissioner", "EXE0002-24 is waiting for your decision", "EMAIL", "WAITING", true,
				EIGHT_AM.minus(3, ChronoUnit.HOURS));
		this.digests.composeDigests(EIGHT_AM);
		long later = rows.insert("later", "commissioner", "EXE0003-24 is waiting for your decision", "EMAIL", "WAITING",
				true, EIGHT_AM.plus(1, ChronoUnit.HOURS));

		this.digests.composeDigests(EIGHT_AM.plus(2, ChronoUnit.HOURS));

		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where username = 'commissioner' "
						+ "and template = 'daily-digest' and message_key like 'daily-digest:%:2031-03-03'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select status from notification where id = ?", String.class, later))
			.isEqualTo("WAITING");
	}

	@Test
	void aPersonWithNoAddressLeftHasTheirSummaryKeptInTheApplication() {
		new NotificationRows(this.jdbc).insert("no-address", "monitoring",
				"EXE0002-24 is waiting for your publication decision", "APP", "WAITING", true, EIGHT_AM);
		this.digests.composeDigests(EIGHT_AM);
		assertThat(this.jdbc.queryForMap("select channel, status from notification where message_key = "
				+ "'daily-digest:monitoring:2031-03-03'"))
			.containsEntry("channel", "APP")
			.containsEntry("status", "KEPT");
	}

}
