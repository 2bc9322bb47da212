package uk.opcc.cspgrants.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant's journey from a round's public page to an application with two tasks
 * saved, every page checked by axe-core at desktop and phone widths (WCAG 2.2 AA, reflow
 * at 320 px): the round's page, signing in by the demo's link straight to the start page,
 * the task list, each task's page, refused organisation and budget pages, and the home
 * page listing the application. On 1993-94 with a round opened in SQL.
 */
class ApplyingAccessibilityTest extends JourneyTest {

	private static final String ADDRESS = "applying@applicants.example";

	@Autowired
	JdbcTemplate database;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.database, FinancialYear.parse("1993-94"));
		this.fixture.openRound("ACCESS-1993", Instant.now().plus(Duration.ofDays(30)));
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.removeApplicants(this.database, "email = '" + ADDRESS + "'");
	}

	@Test
	void anApplicationsPagesMeetWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		check("/public/rounds/ACCESS-1993", axe, problems);
		follow("Start or continue an application");
		type("email", ADDRESS);
		press("Send me a sign-in link");
		follow("Sign in with the link that was sent");
		press("Continue");
		assertThat(page()).contains("Start an application", "£500.00 to £5,000.00");
		checkThisPage("the start page", axe, problems);
		press("Start your application");
		assertThat(page()).contains("You have completed 0 of 5 sections.");
		checkThisPage("the task list", axe, problems);
		follow("Your organisation");
		checkThisPage("your organisation", axe, problems);
		press("Save and continue");
		assertThat(page()).contains("There is a problem", "Enter the name of your organisation");
		checkThisPage("a refused organisation", axe, problems);
		type("name", "Westcotes Street Pastors");
		this.browser.findElement(By.id("type")).click();
		type("address", "Westcotes, Leicester");
		press("Save and continue");
		assertThat(page()).contains("You have completed 1 of 5 sections.");
		follow("Funding and budget");
		checkThisPage("funding and budget", axe, problems);
		type("amount", "2500");
		type("item-1", "Radios");
		type("amount-1", "1000");
		press("Save and continue");
		assertThat(page()).contains("The budget lines add up to £1,000.00");
		checkThisPage("a budget that does not add up", axe, problems);
		for (String task : new String[] { "Contact details", "Your project", "Outcomes" }) {
			open("/apply");
			follow(this.browser.findElement(By.cssSelector("#applications a")).getText());
			follow(task);
			checkThisPage(task, axe, problems);
		}
		open("/apply");
		assertThat(page()).contains("1 of 5 sections completed");
		checkThisPage("the home page with an application", axe, problems);
		assertThat(problems).isEmpty();
	}

}
