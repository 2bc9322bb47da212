package uk.opcc.cspgrants.journeys;

import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.DecidedScheduleFixture;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The award schedule of 2019-20 from its draft to a payment, in Chromium: an officer
 * checks the decision record it will be and drafts it; finance and the Monitoring Officer
 * sign it (through the service, as their own journeys are tested elsewhere); the
 * Commissioner sees what Supported makes and decides it; finance finds a grant to another
 * recipient, is refused a payment without its date and reference, and records it. Like
 * the other journeys, it leaves its year (2019-20, which nothing else uses) in the shared
 * database.
 */
class DecisionScheduleJourneyTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	@Autowired
	DecisionManagement decisions;

	@Test
	void anOfficerPutsTheScheduleToTheCommissionerAndFinancePaysAGrantItMade() {
		DecidedScheduleFixture.insert(this.database, 2019);
		signIn("officer");
		open("/commissioning/2019-20/schedule/decision");
		assertThat(heading()).isEqualTo("Put the award schedule to a decision");
		assertThat(page()).contains("9 committed lines become grants to 3 recipients, totalling £616,056.00",
				"Total Leicester City Council");
		press("Draft the decision record");
		assertThat(page()).contains("The award schedule 2019-20 is attached to decision record",
				"Police and Crime Commissioner Partner Funding 2019-20", "Total Leicester City Council");
		String reference = this.database
			.queryForObject("select decision_reference from award_schedule where financial_year = 2019", String.class);
		signOut();

		LocalDate today = LocalDate.now(Dates.UK);
		this.decisions.consult(reference, "Fran Finance", today, Principals.of("finance", this.database));
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null,
				EnumSet.noneOf(Section.class), today, Principals.of("monitoring", this.database));

		signIn("commissioner");
		open("/decisions/" + reference);
		follow("Decide this record");
		assertThat(page()).contains("Supported makes 9 grants to organisations totalling £616,056.00");
		this.browser.findElement(By.xpath("//label[normalize-space()='Supported']")).click();
		press("Decide " + reference);
		assertThat(heading()).isEqualTo(reference + " is decided: Supported");
		assertThat(page()).contains("9 grants to organisations totalling £616,056.00 were made");
		signOut();

		signIn("finance");
		open("/grants?year=2019-20");
		assertThat(page()).contains("Grants to other recipients");
		follow("Catch22");
		assertThat(page()).contains("PCC Grant round", "£15,389.00", reference);
		follow("Record payment");
		assertThat(heading()).isEqualTo("Record a payment");
		press("Record as paid");
		assertThat(page()).contains("There is a problem", "Enter the date the payment was made",
				"Enter the payment reference, up to 100 characters");
		type("paidOn", "3");
		type("paidOn-month", "10");
		type("paidOn-year", "2019");
		type("reference", "BACS-2019-1");
		press("Record as paid");
		assertThat(page()).contains("The payment of £15,389.00 to Catch22", "has been recorded as paid",
				"Paid 3 October 2019");
	}

}
