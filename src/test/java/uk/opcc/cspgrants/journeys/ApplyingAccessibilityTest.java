package uk.opcc.cspgrants.journeys;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.TestDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant's journey from a round's public page to an application with two tasks
 * saved, every page checked by axe-core at desktop and phone widths (WCAG 2.2 AA, reflow
 * at 320 px): the round's page, signing in by the demo's link straight to the start page,
 * the task list, each task's page, refused organisation and budget pages, the supporting
 * documents page empty, refused and with three files, the page asking before one is
 * removed, the home page listing the application, checking the answers, the receipt, the
 * submitted application, the officers' list and view of it, and the officer's eligibility
 * question, refused, and its check page; and a CSP's business case's partnership page,
 * refused and saved, and its answers. On 1993-94 with rounds opened in SQL.
 */
class ApplyingAccessibilityTest extends JourneyTest {

	private static final String ADDRESS = "applying@applicants.example";

	@Autowired
	JdbcTemplate database;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@TempDir
	Path folder;

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
		assertThat(page()).contains("You have completed 0 of 6 sections.");
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
		assertThat(page()).contains("You have completed 1 of 6 sections.");
		follow("Funding and budget");
		checkThisPage("funding and budget", axe, problems);
		type("amount", "2500");
		type("item-1", "Radios");
		type("amount-1", "1000");
		press("Save and continue");
		assertThat(page()).contains("The budget lines add up to £1,000.00");
		checkThisPage("a budget that does not add up", axe, problems);
		type("amount-1", "2500");
		press("Save and continue");
		open("/apply");
		assertThat(page()).contains("2 of 6 sections completed");
		checkThisPage("the home page with an application", axe, problems);
		follow(this.browser.findElement(By.cssSelector("#applications a")).getText());
		follow("Contact details");
		checkThisPage("contact details", axe, problems);
		type("name", "Sam Smith");
		type("email", "sam@westcotes.example");
		press("Save and continue");
		follow("Your project");
		checkThisPage("your project", axe, problems);
		type("title", "Night patrols");
		type("summary", "Volunteers on Friday nights");
		this.browser.findElement(By.id("themeId")).click();
		type("starts", "1");
		type("starts-month", "12");
		type("starts-year", "2026");
		type("ends", "31");
		type("ends-month", "3");
		type("ends-year", "2027");
		press("Save and continue");
		follow("Outcomes");
		checkThisPage("outcomes", axe, problems);
		type("outcomes", "Fewer call-outs on Friday nights");
		press("Save and continue");
		assertThat(page()).contains("You have completed 5 of 6 sections.");
		follow("Supporting documents");
		checkThisPage("supporting documents", axe, problems);
		press("Upload file");
		assertThat(page()).contains("There is a problem", "Select what the document is", "Select a file");
		checkThisPage("a refused upload", axe, problems);
		String[] kinds = { "kind", "kind-ACCOUNTS", "kind-SAFEGUARDING_POLICY" };
		for (int i = 0; i < kinds.length; i++) {
			this.browser.findElement(By.id(kinds[i])).click();
			this.browser.findElement(By.id("file"))
				.sendKeys(
						TestDocuments.pdfFile(this.folder, TestDocuments.REQUIRED[i][1], "Westcotes " + i).toString());
			press("Upload file");
			assertThat(page()).contains("“" + TestDocuments.REQUIRED[i][1] + "” has been uploaded");
		}
		checkThisPage("supporting documents uploaded", axe, problems);
		clickAndWaitForNextPage(By.xpath("//a[contains(@href, '/remove')]"));
		assertThat(page()).contains("Are you sure you want to remove constitution.pdf?");
		checkThisPage("remove a document", axe, problems);
		this.browser.findElement(By.id("remove-no")).click();
		press("Continue");
		follow("Return to your application");
		assertThat(page()).contains("You have completed 6 of 6 sections.");
		follow("Check your answers and submit");
		checkThisPage("check your answers", axe, problems);
		press("Submit your application");
		assertThat(page()).contains("Application submitted", "ACCESS-1993-001");
		checkThisPage("application submitted", axe, problems);
		follow("See your application");
		checkThisPage("a submitted application", axe, problems);
		open("/apply");
		signOut();
		signIn("officer");
		check("/rounds/ACCESS-1993/applications", axe, problems);
		check("/rounds/ACCESS-1993/applications/ACCESS-1993-001", axe, problems);
		follow("Decide");
		checkThisPage("is the application eligible", axe, problems);
		press("Continue");
		assertThat(page()).contains("Select whether the application is eligible");
		checkThisPage("a refused eligibility decision", axe, problems);
		this.browser.findElement(By.id("eligible")).click();
		press("Continue");
		checkThisPage("check the eligibility decision", axe, problems);
		press("Record the decision");
		assertThat(page()).contains("ACCESS-1993-001 has been found eligible");
		follow("Record");
		checkThisPage("due diligence", axe, problems);
		press("Save the due diligence");
		assertThat(page()).contains("Select yes or no", "Select the overall risk");
		checkThisPage("refused due diligence", axe, problems);
		for (String question : new String[] { "registrationConfirmed", "accountsSatisfactory",
				"safeguardingSatisfactory", "bankAccountVerified", "interestsChecked", "risk" }) {
			this.browser.findElement(By.id(question)).click();
		}
		press("Save the due diligence");
		assertThat(page()).contains("The due diligence on ACCESS-1993-001 has been saved");
		checkThisPage("an application with its eligibility and due diligence", axe, problems);
		assertThat(problems).isEmpty();
	}

	/**
	 * A CSP's manager starting a business case: the task list whose first task is the
	 * partnership, the partnership page, refused and saved, and the answers naming the
	 * partnership and the lead authority paid.
	 */
	@Test
	void aBusinessCasesPartnershipPagesMeetWcag22AaAtBothWidths() throws Exception {
		this.fixture.openRound("CASES-1993", Instant.now().plus(Duration.ofDays(30)), false, "CSP_BUSINESS_CASE");
		String axe = axe();
		List<String> problems = new ArrayList<>();
		open("/public/rounds/CASES-1993");
		follow("Start or continue an application");
		type("email", ADDRESS);
		press("Send me a sign-in link");
		follow("Sign in with the link that was sent");
		press("Continue");
		press("Start your application");
		assertThat(page()).contains("You have completed 0 of 6 sections.", "Your partnership");
		String application = this.browser.getCurrentUrl();
		follow("Your partnership");
		assertThat(page()).contains("Which partnership is the business case from?", "Lead authority: ");
		checkThisPage("your partnership", axe, problems);
		press("Save and continue");
		assertThat(page()).contains("There is a problem", "Select the partnership the business case comes from");
		checkThisPage("a refused partnership", axe, problems);
		this.browser.findElement(By.id("partnershipId")).click();
		press("Save and continue");
		assertThat(page()).contains("“Your partnership” has been saved", "You have completed 1 of 6 sections.");
		open(application.substring(application.indexOf("/apply/")) + "/check");
		assertThat(page()).contains("Community Safety Partnership", "Lead authority (paid the grant)");
		checkThisPage("check the answers of a business case", axe, problems);
		assertThat(problems).isEmpty();
	}

}
