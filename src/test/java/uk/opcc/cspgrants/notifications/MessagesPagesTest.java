package uk.opcc.cspgrants.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person's messages: only theirs, newest first, 25 a page, "New" until opened; opening
 * one marks it read once; someone else's is not found; "Mark all as read"; the home
 * page's count.
 */
@IntegrationTest
class MessagesPagesTest {

	private static final Instant MORNING = Instant.parse("2031-03-03T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeMessages() {
		new NotificationRows(this.jdbc).removeAll("2031-03-03");
	}

	@Test
	void aPersonSeesTheirOwnMessagesNewestFirstWithTheUnreadOnesMarkedNew() throws Exception {
		long before = unread("officer");
		NotificationRows rows = new NotificationRows(this.jdbc);
		rows.insert("older", "officer", "The Q1 return of Leicester is due in 3 working days", "APP", "KEPT", false,
				MORNING.minus(2, ChronoUnit.DAYS));
		long newer = rows.insert("newer", "officer", "The Q2 return of Charnwood is overdue", "EMAIL", "SENT", false,
				MORNING);
		rows.insert("not-theirs", "finance", "Formula run 3 is waiting for your approval", "APP", "KEPT", false,
				MORNING);
		rows.insert("cancelled", "officer", "The Q3 return of Melton is due today", "EMAIL", "CANCELLED", false,
				MORNING);

		String page = page("officer", "/notifications");
		assertThat(page).contains("You have " + (before + 2) + " new messages.")
			.contains("Mark all as read")
			.contains("3 March 2031 at 8:00am")
			.doesNotContain("Formula run 3 is waiting for your approval")
			.doesNotContain("The Q3 return of Melton is due today");
		assertThat(page.indexOf("The Q2 return of Charnwood is overdue"))
			.isLessThan(page.indexOf("The Q1 return of Leicester is due in 3 working days"));
		assertThat(page).contains("By email and here").contains("Here only");
		assertThat(page("officer", "/")).contains("You have " + (before + 2) + " new messages")
			.contains("href=\"/notifications/" + newer + "\"");

		String message = page("officer", "/notifications/" + newer);
		assertThat(message).contains("The Q2 return of Charnwood is overdue")
			.contains("Dear Olu Officer,")
			.contains(">Open the return</a>")
			.contains("href=\"/monitoring/returns/2024-25/Q2/LEI\"");
		Instant firstRead = readAt(newer);
		assertThat(firstRead).isNotNull();
		page("officer", "/notifications/" + newer);
		assertThat(readAt(newer)).as("read once: opening it again changes nothing").isEqualTo(firstRead);
		assertThat(page("officer", "/notifications")).contains("You have " + (before + 1) + " new message");
	}

	@Test
	void someoneElsesMessageIsNotFoundAndStaysUnread() throws Exception {
		long theirs = new NotificationRows(this.jdbc).insert("finance-only", "finance",
				"Formula run 3 is waiting for your approval", "APP", "KEPT", false, MORNING);
		this.mvc.perform(get("/notifications/" + theirs).with(user(Principals.of("officer", this.jdbc))))
			.andExpect(status().isNotFound());
		assertThat(readAt(theirs)).isNull();
	}

	@Test
	void markAllAsReadMarksOnlyThePersonsMessages() throws Exception {
		NotificationRows rows = new NotificationRows(this.jdbc);
		long one = rows.insert("one", "commissioner", "EXE0002-24 is waiting for your decision", "APP", "KEPT", false,
				MORNING);
		long two = rows.insert("two", "commissioner", "EXE0003-24 is waiting for your decision", "APP", "KEPT", false,
				MORNING);
		long other = rows.insert("other", "monitoring", "EXE0002-24 is waiting for your publication decision", "APP",
				"KEPT", false, MORNING);
		this.mvc.perform(post("/notifications/read").with(csrf()).with(user(Principals.of("commissioner", this.jdbc))))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(readAt(one)).isNotNull();
		assertThat(readAt(two)).isNotNull();
		assertThat(readAt(other)).isNull();
		assertThat(page("commissioner", "/notifications")).contains("You have no new messages.")
			.doesNotContain("Mark all as read");
	}

	@Test
	void messagesComeTwentyFiveAPageWithGovukPagination() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from notification where username = 'leicester.csp' "
				+ "and status <> 'CANCELLED' and template <> 'daily-digest'", Long.class);
		NotificationRows rows = new NotificationRows(this.jdbc);
		for (int i = 1; i <= 27; i++) {
			rows.insert("page-" + i, "leicester.csp", "Message number " + i + " for Leicester", "APP", "KEPT", false,
					MORNING.plus(i, ChronoUnit.MINUTES));
		}
		String first = page("leicester.csp", "/notifications");
		assertThat(first).contains((before + 27) + " messages")
			.contains("Message number 27 for Leicester")
			.contains("Message number 3 for Leicester")
			.doesNotContain("Message number 2 for Leicester")
			.contains("govuk-pagination")
			.contains("aria-label=\"Page 2\"");
		String second = page("leicester.csp", "/notifications?page=2");
		assertThat(second).contains("Message number 2 for Leicester")
			.contains("Message number 1 for Leicester")
			.doesNotContain("Message number 3 for Leicester")
			.contains("rel=\"prev\"");
	}

	private String page(String username, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(Principals.of(username, this.jdbc))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Unread messages a person has already, whoever wrote them (demo data, other tests).
	 */
	private long unread(String username) {
		return this.jdbc.queryForObject("select count(*) from notification where username = ? and read_at is null "
				+ "and status <> 'CANCELLED' and template <> 'daily-digest'", Long.class, username);
	}

	private Instant readAt(long id) {
		java.sql.Timestamp read = this.jdbc.queryForObject("select read_at from notification where id = ?",
				java.sql.Timestamp.class, id);
		return (read != null) ? read.toInstant() : null;
	}

}
