package uk.opcc.cspgrants.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer sets up 2012-13's commissioning as EXE 0025/13 set up 2013-14's: adds the
 * 2013 Police and Crime Plan with its three themes, "All themes" and "Discretionary",
 * adopts it for the year, enters the three funding streams and sees the commissioning
 * budget of £3,249,023.00 (£2,954,029.00 before the reserve); then reduces the reserve,
 * first by more than it holds (refused on the amount), then by £4,994.00, through the
 * check page, and sees the new total. What the journey adds is removed after it.
 */
class StreamsJourneyTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	@AfterEach
	void removeWhatTheJourneyAdded() {
		this.database.update("delete from commissioning_year where financial_year = 2012");
		this.database.update("delete from plan_theme where plan_id in "
				+ "(select id from police_crime_plan where name = 'Police and Crime Plan 2013-17 (journey)')");
		this.database.update("delete from police_crime_plan where name = 'Police and Crime Plan 2013-17 (journey)'");
		this.database.update("delete from funding_stream_change where stream_id in "
				+ "(select id from funding_stream where financial_year = 2012)");
		this.database.update("delete from funding_stream where financial_year = 2012");
	}

	@Test
	void anOfficerSetsUpTheYearsPlanAndStreamsAndReducesTheReserve() {
		signIn("officer");
		open("/commissioning/plans");
		follow("Add a plan");
		type("name", "Police and Crime Plan 2013-17 (journey)");
		type("publishedOn", "31");
		type("publishedOn-month", "3");
		type("publishedOn-year", "2013");
		type("priorities", "Reoffending and Offending\nMaking our Communities and Neighbourhoods Safer\n"
				+ "Protecting the Vulnerable");
		this.browser.findElement(By.id("allThemes")).click();
		this.browser.findElement(By.id("discretionary")).click();
		press("Add the plan");
		assertThat(page()).contains("Police and Crime Plan 2013-17 (journey) has been added with 5 themes",
				"Published on 31 March 2013", "Protecting the Vulnerable", "All themes", "Discretionary");

		open("/commissioning/2012-13/streams");
		assertThat(page()).contains("There are no funding streams for 2012-13 yet");
		follow("Adopt a plan for 2012-13");
		this.browser.findElement(By.xpath("//label[normalize-space()='Police and Crime Plan 2013-17 (journey)']"))
			.click();
		press("Adopt the plan");
		assertThat(page()).contains("2012-13 now commissions against Police and Crime Plan 2013-17 (journey)");

		addStream("PCC Community Safety Grant", "Home Office", "kind", "£1,649,000");
		addStream("Former Police Force Partnership funding", "Leicestershire Police", "kind-FORCE", "1,305,029");
		addStream("Use of Budget Equalisation Reserve", "Police and Crime Commissioner", "kind-RESERVE", "294994");
		open("/commissioning/2012-13/streams");
		assertThat(this.browser.findElement(By.id("sub-total")).getText()).isEqualTo("£2,954,029.00");
		assertThat(this.browser.findElement(By.id("total")).getText()).isEqualTo("£3,249,023.00");

		follow("Use of Budget Equalisation Reserve");
		follow("Top up or reduce");
		this.browser.findElement(By.id("direction-REDUCE")).click();
		type("amount", "300,000");
		type("reason", "Less of the reserve is needed this year");
		press("Continue");
		assertThat(this.browser.findElement(By.className("govuk-error-summary")).getText())
			.contains("The stream has £294,994.00: it cannot be reduced by £300,000.00");
		assertThat(this.browser.findElement(By.id("reason")).getAttribute("value"))
			.isEqualTo("Less of the reserve is needed this year");
		type("amount", "4,994");
		press("Continue");
		assertThat(heading()).isEqualTo("Check the change before you make it");
		assertThat(this.browser.findElement(By.id("after")).getText()).isEqualTo("£290,000.00");
		press("Reduce the stream");
		assertThat(page()).contains(
				"Use of Budget Equalisation Reserve has been reduced by £4,994.00: it is now " + "£290,000.00",
				"Reduce by £4,994.00", "Less of the reserve is needed this year");
		follow("Back to the funding streams");
		assertThat(this.browser.findElement(By.id("total")).getText()).isEqualTo("£3,244,029.00");
	}

	private void addStream(String name, String funder, String kindId, String amount) {
		open("/commissioning/2012-13/streams");
		follow("Add a funding stream");
		type("name", name);
		type("funder", funder);
		this.browser.findElement(By.id(kindId)).click();
		type("amount", amount);
		press("Add the stream");
		assertThat(page()).contains(name + " (");
	}

}
