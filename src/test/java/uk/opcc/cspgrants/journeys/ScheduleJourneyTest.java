package uk.opcc.cspgrants.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.ScheduleFixture;
import uk.opcc.cspgrants.shared.FinancialYear;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer commissions 2006-07 in Chromium: opens the schedule from the year's page,
 * adds Leicester City's DIP line, is refused a line beyond the reserve with the figures,
 * raises the tolerance, adds it, and removes a line after its check page.
 */
class ScheduleJourneyTest extends JourneyTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2006-07");

	@Autowired
	JdbcTemplate database;

	private ScheduleFixture fixture;

	@BeforeEach
	void year() {
		this.fixture = new ScheduleFixture(this.database, YEAR, "1649000", "1305029", "294994");
	}

	@AfterEach
	void remove() {
		this.fixture.remove();
	}

	@Test
	void anOfficerOpensTheScheduleAddsLinesWithinTheStreamsAndRemovesOne() {
		signIn("officer");
		open("/");
		follow("Commissioning");
		assertThat(page()).contains("Go to a financial year");
		open("/commissioning/2006-07");
		follow("Open the award schedule");
		press("Open the schedule");
		assertThat(page()).contains("The 2006-07 award schedule has been opened");

		follow("Add a line");
		choose("organisationId", "Leicester City Council 2006-07 (GB-LAE-LCE200607)");
		type("initiative", "Drug Intervention Programme (DIP)");
		type("firstHalf", "215,478");
		choose("streamId", "PCC Community Safety Grant (£1,649,000.00)");
		choose("themeId", "Reoffending and Offending");
		this.browser.findElement(org.openqa.selenium.By.id("route")).click();
		press("Add the line");
		assertThat(page()).contains("has been added").contains("£215,478.00");

		follow("Add a line");
		choose("organisationId", "Catch22 2006-07 (GB-CHC-1124127200607)");
		type("initiative", "Community Action Against Crime");
		type("secondHalf", "300000");
		choose("streamId", "Use of Budget Equalisation Reserve (£294,994.00)");
		choose("themeId", "Reoffending and Offending");
		this.browser.findElement(org.openqa.selenium.By.id("route")).click();
		press("Add the line");
		assertThat(page()).contains("This would allocate £300,000.00 from Use of Budget Equalisation Reserve")
			.contains("£5,006.00 too much");

		open("/commissioning/2006-07/schedule/tolerance");
		type("tolerancePercent", "2");
		press("Save the tolerance");
		assertThat(page()).contains("The tolerance is now 2% of the year's streams");
		follow("Add a line");
		choose("organisationId", "Catch22 2006-07 (GB-CHC-1124127200607)");
		type("initiative", "Community Action Against Crime");
		type("secondHalf", "300000");
		choose("streamId", "Use of Budget Equalisation Reserve (£294,994.00)");
		choose("themeId", "Reoffending and Offending");
		this.browser.findElement(org.openqa.selenium.By.id("route")).click();
		press("Add the line");
		// 215,478 + 300,000 = 515,478; 3,249,023 - 515,478 = 2,733,545
		assertThat(page()).contains("£515,478.00").contains("£2,733,545.00");

		long dip = this.database.queryForObject("select l.id from award_line l join award_schedule s on "
				+ "s.id = l.schedule_id where s.financial_year = 2006 and l.initiative = 'Drug Intervention Programme (DIP)'",
				Long.class);
		open("/commissioning/2006-07/schedule/lines/" + dip + "/remove");
		assertThat(page()).contains("Remove this line?");
		press("Remove the line");
		// only the 300,000 is left: 3,249,023 - 300,000 (the removed amount stays in the
		// history)
		assertThat(page()).contains("has been removed").contains("£2,949,023.00");
	}

}
