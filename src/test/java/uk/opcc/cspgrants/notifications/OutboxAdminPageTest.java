package uk.opcc.cspgrants.notifications;

import java.time.Instant;

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
 * The administrator's page of messages: counts by status, filters, a failed message's
 * attempts and error, and "Send again" once, audited.
 */
@IntegrationTest
class OutboxAdminPageTest {

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
	void theAdministratorSeesCountsByStatusAndFiltersByStatusAndRecipient() throws Exception {
		long failedBefore = count("FAILED");
		NotificationRows rows = new NotificationRows(this.jdbc);
		rows.insert("failed", "officer", "The Q2 return of Charnwood is overdue", "EMAIL", "FAILED", false, MORNING);
		rows.insert("sent", "officer", "The Q1 return of Leicester is due in 3 working days", "EMAIL", "SENT", false,
				MORNING);
		rows.insert("kept", "finance", "Formula run 3 is waiting for your approval", "APP", "KEPT", false, MORNING);

		String all = page("/admin/notifications");
		assertThat(all).contains("Messages by status")
			.containsPattern("status=failed\">Failed</a></th>\\s*<td[^>]*>" + (failedBefore + 1) + "</td>")
			.containsAnyOf("No email service is set up", "Email is sent through")
			.contains("The Q2 return of Charnwood is overdue")
			.contains("Formula run 3 is waiting for your approval")
			.contains("After 5 attempts: Connection refused by the mail server")
			.contains("app-table-scroll");
		String failedForOlu = page("/admin/notifications?status=failed&recipient=officer");
		assertThat(failedForOlu).contains("The Q2 return of Charnwood is overdue")
			.doesNotContain("The Q1 return of Leicester is due in 3 working days")
			.doesNotContain("Formula run 3 is waiting for your approval");
		assertThat(page("/admin/notifications?status=kept")).contains("Formula run 3 is waiting for your approval")
			.doesNotContain("The Q2 return of Charnwood is overdue");
	}

	@Test
	void aFailedMessageIsSentAgainOnceAndTheSecondClickIsAClash() throws Exception {
		long id = new NotificationRows(this.jdbc).insert("again", "officer", "The Q2 return of Charnwood is overdue",
				"EMAIL", "FAILED", false, MORNING);
		String message = page("/admin/notifications/" + id);
		assertThat(message).contains("Connection refused by the mail server")
			.contains("Send again")
			.contains("officer@example.org")
			.contains("Open the return");

		sendAgain(id, 0).andExpect(redirectedUrl("/admin/notifications/" + id + "/sent-again"));
		assertThat(this.jdbc.queryForMap("select status, attempts, version from notification where id = ?", id))
			.containsEntry("status", "WAITING")
			.containsEntry("attempts", 0)
			.containsEntry("version", 1L);
		assertThat(page("/admin/notifications/" + id + "/sent-again")).contains("The message will be sent again")
			.contains("“The Q2 return of Charnwood is overdue” to Olu Officer");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'Notification' "
						+ "and entity_id = ? and action = 'SEND_AGAIN' and actor = 'admin'",
				Integer.class, String.valueOf(id)))
			.isEqualTo(1);

		String clash = sendAgain(id, 0).andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(clash).contains("There is a problem")
			.contains("This message is no longer failed: it is now waiting to be sent")
			.doesNotContain(">Send again</button>");
		assertThat(page("/admin/audit?entityType=Notification"))
			.contains("Ada Admin sent again the message “The Q2 return of Charnwood is overdue” to Olu Officer");
	}

	@Test
	void aMessageThatDoesNotExistIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/notifications/999999999").with(user(Principals.of("admin", this.jdbc))))
			.andExpect(status().isNotFound());
		sendAgain(999999999L, 0).andExpect(status().isNotFound());
	}

	private long count(String status) {
		return this.jdbc.queryForObject("select count(*) from notification where status = ?", Long.class, status);
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(user(Principals.of("admin", this.jdbc))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private org.springframework.test.web.servlet.ResultActions sendAgain(long id, long version) throws Exception {
		return this.mvc.perform(post("/admin/notifications/" + id + "/send-again").with(csrf())
			.with(user(Principals.of("admin", this.jdbc)))
			.param("version", String.valueOf(version)));
	}

}
