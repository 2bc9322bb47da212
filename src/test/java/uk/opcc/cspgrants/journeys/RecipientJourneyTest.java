package uk.opcc.cspgrants.journeys;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.RecipientFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recipient's contact and an officer in Chromium: Rita Recipient of Voluntary Action
 * Testshire signs in, finds the returns waiting on her home page, fills in the Q4 return
 * of her Drug Intervention Programme grant (£52,880.00), checks it and submits it; she
 * cannot open another recipient's return, and sees where she is signed in. An officer
 * sends it back for correction, Rita corrects it, and the officer accepts it from its
 * check page; the year end then shows the grant's underspend. The grants of
 * {@link RecipientFixture} are made in 2022-23 and removed.
 */
class RecipientJourneyTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	@Test
	void aRecipientSubmitsAReturnAndAnOfficerReturnsThenAcceptsIt() {
		RecipientFixture.Made made = RecipientFixture.make(this.database, 2022, "EXE0031-22");
		RecipientFixture.contact(this.database, RecipientFixture.CONTACT, RecipientFixture.CONTACT_NAME,
				made.organisationId());
		try {
			signIn(RecipientFixture.CONTACT);
			assertThat(heading()).isEqualTo("Rita Recipient: your work");
			assertThat(page()).contains("8 returns for your grants to complete and submit");
			follow("Drug Intervention Programme: Q4 2022-23");
			assertThat(heading()).contains("Voluntary Action Testshire");
			type("spendToDate", "50,500.00");
			type("outcomes", "312 people in treatment");
			press("Continue to submit");
			assertThat(page()).contains("£50,500.00 of £52,880.00");
			press("Submit the return");
			assertThat(page()).contains("has been submitted", "Submitted");
			open("/monitoring/organisations/" + made.otherGrantId() + "/Q4");
			assertThat(page()).doesNotContain("Youth diversion");
			open("/monitoring");
			assertThat(page()).doesNotContain("Returns for 20");
			follow("Sessions");
			assertThat(page()).contains("Your sessions", "You have 1 session", "This browser");
			signOutFrom("/");

			signIn("officer");
			assertThat(page()).contains("1 return for grants to organisations submitted and waiting for you to accept");
			follow("Voluntary Action Testshire, Drug Intervention Programme: Q4 2022-23");
			follow("Return for correction");
			type("reason", "Include the March invoices");
			press("Return for correction");
			assertThat(page()).contains("is now returned for correction");
			signOutFrom("/");

			signIn(RecipientFixture.CONTACT);
			follow("Drug Intervention Programme: Q4 2022-23 (returned for correction)");
			assertThat(page()).contains("Include the March invoices");
			type("spendToDate", "51,000.00");
			press("Continue to submit");
			press("Submit the return");
			signOutFrom("/");

			signIn("officer");
			follow("Voluntary Action Testshire, Drug Intervention Programme: Q4 2022-23");
			follow("Accept the return");
			assertThat(heading()).isEqualTo("Accept the return");
			press("Accept the return");
			assertThat(page()).contains("is now accepted", "Olu Officer");
			open("/underspend?year=2022-23");
			// 52,880.00 - 51,000.00
			assertThat(page()).contains("Grants to other recipients", "£1,880.00");
		}
		finally {
			RecipientFixture.remove(this.database, made);
		}
	}

	private void signOutFrom(String path) {
		open(path);
		signOut();
	}

}
