package uk.opcc.cspgrants.journeys;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.monitoring.ReturnView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

import static org.assertj.core.api.Assertions.assertThat;

/** What each role does, by clicking, in a real browser. */
class UserJourneysTest extends JourneyTest {

	@Test
	void anOfficerAddsAPartnershipAfterCorrectingAMistakeShownInTheErrorSummary() {
		signIn("officer");
		follow("Partnerships");
		follow("Add a partnership");
		type("name", "Warwick District");
		type("code", "W");
		type("leadAuthority", "Warwick District Council");
		press("Add partnership");

		WebElement summary = this.browser.findElement(By.className("govuk-error-summary"));
		assertThat(summary.getText()).contains("There is a problem",
				"The short code must be 2 to 12 letters or digits, like CHA");
		summary.findElement(By.linkText("The short code must be 2 to 12 letters or digits, like CHA")).click();
		assertThat(this.browser.switchTo().activeElement().getAttribute("id")).isEqualTo("code");

		type("code", "WDC");
		press("Add partnership");
		assertThat(page()).contains("Warwick District has been added", "Warwick District Council");
		archiveAgain();
	}

	@Test
	void anOfficerLoadsPoliceUkFilesRunsTheFormulaAndFinanceApprovesIt() throws Exception {
		signIn("officer");
		follow("Indicators");
		follow("Load data");
		// April 2023 again, verbatim: reloading a month replaces it with the same counts
		this.browser.findElement(By.id("files"))
			.sendKeys(
					Path.of(getClass().getResource("/police-uk/2023-04-leicestershire-street.csv").toURI()).toString());
		press("Load crime files");
		assertThat(heading()).isEqualTo("Data loaded");
		assertThat(page()).contains("2023-04", "Leicestershire Police", "What changed for each partnership");

		// The same file again with an empty one beside it: the empty file is refused by
		// name in the error summary and nothing is loaded
		Path empty = java.nio.file.Files.createTempDirectory("police-uk").resolve("2023-05-empty-street.csv");
		java.nio.file.Files.writeString(empty, "");
		follow("Back to loading data");
		this.browser.findElement(By.id("files"))
			.sendKeys(Path.of(getClass().getResource("/police-uk/2023-04-leicestershire-street.csv").toURI()) + "\n"
					+ empty);
		press("Load crime files");
		assertThat(this.browser.findElement(By.className("govuk-error-summary")).getText())
			.contains("2023-05-empty-street.csv is empty");
		assertThat(heading()).isEqualTo("Nothing was loaded");

		follow("Allocations");
		follow("Run a formula");
		choose("year", "2020-21");
		type("pot", "£12,000");
		choose("windowEnd", "2023-24");
		press("Run the formula");
		assertThat(heading()).contains("Formula run").contains("Draft");
		assertThat(page()).contains("£12,000.00", "A finance user who did not make this run approves it");
		String run = this.browser.getCurrentUrl();
		signOut();

		signIn("finance");
		this.browser.get(run);
		follow("Approve this run");
		assertThat(heading()).startsWith("Approve formula run").endsWith("?");
		assertThat(page()).contains("No run is approved for 2020-21 yet", "£12,000.00", "Olu Officer");
		String id = run.substring(run.lastIndexOf('/') + 1);
		press("Yes, approve formula run " + id);
		assertThat(page()).contains(
				"Formula run " + id + " has been approved: £12,000.00 is now the annual allocation " + "for 2020-21.");
		assertThat(heading()).contains("Approved");
	}

	@Test
	void financeFindsARunWaitingForThemOnTheirHomePageAndOpensIt() {
		signIn("finance");
		assertThat(heading()).isEqualTo("Fran Finance: your work");
		assertThat(page()).contains("waiting for your approval", "Annual allocation for 2024-25: £80,000.00 (run 2)");
		clickAndWaitForNextPage(By.cssSelector("main a[href^='/allocations/runs/']"));
		assertThat(heading()).contains("Formula run").contains("Draft");
		assertThat(page()).contains("Pot £80,000.00", "Approve this run");
	}

	@Test
	void anOfficerMakesAGroupAndRunsTheFormulaOverIt() {
		signIn("officer");
		follow("Partnerships");
		follow("Partnership groups");
		follow("Make a group");
		type("name", "Journey districts");
		press("Make the group");

		WebElement summary = this.browser.findElement(By.className("govuk-error-summary"));
		assertThat(summary.getText()).contains("Choose at least one partnership for the group");
		summary.findElement(By.linkText("Choose at least one partnership for the group")).click();
		assertThat(this.browser.switchTo().activeElement().getAttribute("name")).isEqualTo("members");
		assertThat(this.browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Journey districts");

		clickLabel("Charnwood");
		clickLabel("Melton");
		press("Make the group");
		assertThat(page()).contains("The group Journey districts has been made", "2 active partnerships", "Charnwood",
				"Melton");

		follow("Allocations");
		follow("Run a formula");
		choose("year", "2021-22");
		type("pot", "£5,000");
		choose("windowEnd", "2023-24");
		clickLabel("Journey districts (2)");
		press("Run the formula");
		assertThat(heading()).contains("Formula run").contains("Draft");
		assertThat(page()).contains("Partnerships covered", "Journey districts (2)", "Charnwood", "Melton", "£5,000.00")
			.doesNotContain("Blaby");
	}

	/**
	 * Picks a year on a page that opens on the latest year with grants: the picker is
	 * there only when more than one year has grants.
	 */
	private void showYear(String year) {
		if (!this.browser.findElements(By.id("year")).isEmpty()) {
			choose("year", year);
			press("Show");
		}
		assertThat(heading()).contains(year);
	}

	private void clickLabel(String text) {
		this.browser.findElement(By.xpath("//label[normalize-space()='" + text + "']")).click();
	}

	@Test
	void anOfficerDiscardsADraftRunOnlyAfterConfirming() {
		signIn("officer");
		follow("Allocations");
		follow("Run a formula");
		choose("year", "2025-26");
		type("pot", "£100");
		choose("windowEnd", "2023-24");
		press("Run the formula");
		String run = this.browser.getCurrentUrl();
		follow("Discard this draft");
		assertThat(heading()).startsWith("Discard draft formula run");
		assertThat(page()).contains("This cannot be undone");
		follow("No, keep it");
		assertThat(this.browser.getCurrentUrl()).isEqualTo(run);
		follow("Discard this draft");
		press("Yes, discard this draft");
		assertThat(page()).contains("has been discarded");
	}

	@Test
	void anOfficerEntersSubmitsAndAcceptsAQ2ReturnAndOpensTheQuarterlyReport() {
		signIn("officer");
		follow("Returns");
		showYear("2024-25");
		clickAndWaitForNextPage(By.xpath("//a[.//span[contains(., 'Q2 return of Charnwood')]]"));
		type("plannedAllocation", "13,000");
		type("cumulativeSpend", "6,500.50");
		type("activities[0].title", "Night-time economy patrols");
		type("activities[0].planned", "13000");
		type("activities[0].spend", "6500.50");
		press("Save draft");
		assertThat(page()).contains("saved as a draft");
		press("Continue to submit");
		assertThat(heading()).isEqualTo("Check the return before you submit it");
		press("Submit the return");
		assertThat(heading()).contains("Q2 return submitted");
		follow("View the return");
		assertThat(page()).contains("Olu Officer submitted the Q2 return on behalf of Charnwood");
		press("Accept the return");
		assertThat(page()).contains("is now accepted");

		follow("Back to the returns");
		follow("Q2");
		assertThat(heading()).contains("Quarterly report 2024-25, Q2");
		assertThat(this.browser.findElement(By.id("table-1")).getText()).contains("Charnwood", "£13,000");
		assertThat(this.browser.findElement(By.id("table-2")).getText()).contains("£6,501",
				"Q2 report has not been received, Q1 figures have therefore been used for Q2");
	}

	/**
	 * Two officers on one return: the second to save is told someone else changed it,
	 * sees what was saved, keeps what they typed, and saves it knowingly.
	 */
	@Test
	void anOfficerWhoseReturnWasChangedMeanwhileIsToldAndKeepsWhatTheyTyped() {
		signIn("officer");
		open("/monitoring/returns/2024-25/Q3/HAR");
		type("plannedAllocation", "5,000");
		type("cumulativeSpend", "1,500");
		press("Save draft");
		assertThat(page()).contains("saved as a draft");

		ReturnView saved = this.returns.get(FinancialYear.parse("2024-25"), Quarter.Q3, "HAR", null);
		this.returns.save(FinancialYear.parse("2024-25"), Quarter.Q3, "HAR", new ReturnDetails(Money.of("6000"),
				Money.of("1600"), List.of(), "Saved by a colleague", null, saved.version()));

		type("cumulativeSpend", "1,700");
		type("comments", "Checked with the partnership on Monday");
		press("Save draft");
		assertThat(page()).contains("There is a problem", "changed by someone else", "£6,000.00");
		assertThat(this.browser.findElement(By.id("comments")).getAttribute("value"))
			.isEqualTo("Checked with the partnership on Monday");
		assertThat(this.browser.findElement(By.id("cumulativeSpend")).getAttribute("value")).isEqualTo("1,700");

		press("Save draft");
		assertThat(page()).contains("saved as a draft");
		assertThat(this.returns.get(FinancialYear.parse("2024-25"), Quarter.Q3, "HAR", null).details().comments())
			.isEqualTo("Checked with the partnership on Monday");
	}

	@Autowired
	ReturnManagement returns;

	/**
	 * Leicester's CSP manager opens their Q4 return from "Your returns", types figures,
	 * changes one, submits through the check page (which shows the changed figure), and
	 * an officer accepts it.
	 */
	@Test
	void aCspManagerSubmitsTheirOwnReturnThroughTheCheckPageAndAnOfficerAcceptsIt() {
		signIn("leicester.csp");
		follow("Your returns");
		showYear("2024-25");
		clickAndWaitForNextPage(By.xpath("//a[.//span[contains(., 'Q4 return of Leicester')]]"));
		type("plannedAllocation", "41,000");
		type("cumulativeSpend", "35,000");
		type("comments", "Typed by the manager");
		press("Save draft");
		assertThat(page()).contains("saved as a draft");
		type("cumulativeSpend", "36,250.75");
		press("Continue to submit");
		assertThat(heading()).isEqualTo("Check the return before you submit it");
		assertThat(this.browser.findElement(By.id("figures")).getText()).contains("£36,250.75", "Typed by the manager")
			.doesNotContain("£35,000.00");
		clickAndWaitForNextPage(By.cssSelector("#figures a[href$='#plannedAllocation']"));
		assertThat(this.browser.findElement(By.id("cumulativeSpend")).getAttribute("value")).isEqualTo("36250.75");
		press("Continue to submit");
		press("Submit the return");
		assertThat(heading()).contains("Q4 return submitted");
		follow("Back to your returns");
		assertThat(page()).contains("Received").doesNotContain("Charnwood");
		signOut();

		signIn("officer");
		open("/monitoring/returns/2024-25/Q4/LEI");
		assertThat(page()).contains("Lee Leicester submitted the Q4 return", "£36,250.75");
		press("Accept the return");
		assertThat(page()).contains("is now accepted");
	}

	@Test
	void aCspManagerSeesTheirOwnAllocationAndExplanationAndIsRefusedAnothers() {
		signIn("leicester.csp");
		follow("Your allocations");
		follow("How your 2024-25 allocation was worked out");
		assertThat(heading()).startsWith("Leicester: £");
		assertThat(page()).contains("Step 1: the figures as counted", "Step 2: each indicator", "Population",
				"Crime harm");
		this.browser.get(this.browser.getCurrentUrl().replace("/LEI", "/CHA"));
		assertThat(page()).contains("You do not have access to this page");
	}

	@Test
	void thePublicReadsAPublishedDecisionAndDownloadsItsPdf() throws Exception {
		open("/public/decisions");
		follow("EXE0001-24");
		assertThat(page()).contains("POLICE AND CRIME COMMISSIONER FOR LEICESTERSHIRE DECISION RECORD", "£97,905.00",
				"Supported");
		String pdfLink = this.browser.findElement(By.linkText("Download as PDF")).getAttribute("href");
		HttpResponse<byte[]> pdf = fetch(pdfLink.substring(pdfLink.indexOf("/public")));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	@Test
	void anOfficerChecksExe001924() {
		signIn("officer");
		open("/allocations");
		follow("Check a published split");
		follow("EXE0019-24: 2023-24 underspend for the nine CSPs");
		assertThat(heading()).isEqualTo("EXE0019-24: 2023-24 underspend for the nine CSPs");
		assertThat(page()).contains("Decision record EXE0019-24, 2024-25", "The weights that come closest",
				"£97,905.01", "North West Leicestershire", "£8,230.66", "Largest difference",
				"Why public data cannot reproduce a published split exactly");

		open("/allocations/check");
		type("table", "Leicester £41,602.98\nCharnwood £13,702.99\nBlaby £8,060.72\nHinckley and Bosworth £7,839.07\n"
				+ "North West Leicestershire (SNWL) £8,230.66\nHarborough £5,736.44\nOadby & Wigston £4,982.62\n"
				+ "Melton £4,796.07\nRutland £2,953.46");
		choose("formulaVersionId", "Population 20%, crime per 1,000 40%, crime harm 40%, 1-year window (version 1)");
		press("Check");
		assertThat(page()).contains("The weights that come closest", "Published and Population 20%");
		String name = "EXE0019-24 checked in a journey " + System.nanoTime();
		type("name", name);
		type("source", "Decision record EXE0019-24");
		type("year", "2024-25");
		press("Save the published split");
		assertThat(page()).contains(name + " has been saved", "The weights that come closest");
	}

	@Test
	void aMemberOfThePublicChecksASplit() {
		open("/public/decisions");
		follow("Check a published split");
		follow("EXE0019-24: 2023-24 underspend for the nine CSPs");
		assertThat(page()).contains("The weights that come closest", "£41,602.98");
		follow("Check a published split");
		type("table", "Leicester £40,000\nGotham £5,000\nRutland £3,000");
		press("Check");
		WebElement summary = this.browser.findElement(By.className("govuk-error-summary"));
		assertThat(summary.getText()).contains("Line 2: there is no partnership called Gotham");
		summary.findElement(By.partialLinkText("Line 2: there is no partnership called Gotham")).click();
		assertThat(this.browser.switchTo().activeElement().getAttribute("id")).isEqualTo("table");
		type("table", "Leicester £40,000\nMelton £5,000\nRutland £3,000");
		press("Check");
		assertThat(page()).contains("The weights that come closest", "£48,000.00", "Melton");
	}

	private void archiveAgain() {
		press("Archive");
		assertThat(page()).contains("has been archived");
	}

	@Autowired
	uk.opcc.cspgrants.decision.DecisionManagement decisionRecords;

	@Autowired
	uk.opcc.cspgrants.allocation.RunManagement formulaRuns;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate database;

	@Test
	void theCommissionerDecidesARecordAfterSeeingTheGrantsItWillCreate() {
		uk.opcc.cspgrants.decision.AwaitingRecords records = new uk.opcc.cspgrants.decision.AwaitingRecords(
				this.decisionRecords, this.formulaRuns, this.database);
		String reference = records.awaitingTheCommissioner("2062-63", "Journey funding 2062-63");
		String leicester = records.demoRun().line("LEI").amount().format();
		signIn("commissioner");
		open("/decisions");
		follow(reference + ": Journey funding 2062-63");
		follow("Decide this record");
		assertThat(heading()).isEqualTo("Decide: Journey funding 2062-63");
		assertThat(page()).contains("9 grants will be created for 2062-63, totalling £97,905.00",
				"Leicester 2062-63 " + leicester, "Once decided, the record never changes");
		press("Decide " + reference);
		assertThat(page()).contains("There is a problem", "Choose Supported or Not supported");
		clickLabel("Supported");
		press("Decide " + reference);
		assertThat(heading()).isEqualTo(reference + " is decided: Supported");
		assertThat(page()).contains("9 grants were created for 2062-63 totalling £97,905.00");
		follow("Leicester");
		assertThat(page()).contains("Leicester", leicester);
	}

	@Test
	void aCspManagerReadsAMessageFromTheirHomePageAndChoosesADailySummary() {
		long id = this.database.queryForObject("insert into notification (message_key, about, template, username, "
				+ "recipient_name, channel, subject, body, link, status, next_attempt_at, created_at) values "
				+ "('journey-message:return-due-soon:2024-25:Q3:LEI', 'return:2024-25:Q3:LEI', 'return-due-soon', "
				+ "'leicester.csp', 'Lee Leicester', 'APP', 'Your October to December 2024 return is due in 3 working days', "
				+ "'Your return for October to December 2024 is due on 30 January 2025.\n\nOpen the return: "
				+ "/monitoring/returns/2024-25/Q3/LEI', '/monitoring/returns/2024-25/Q3/LEI', 'KEPT', "
				+ "'2031-03-03 08:00+00', '2031-03-03 08:00+00') returning id", Long.class);
		try {
			signIn("leicester.csp");
			assertThat(page()).contains("new message");
			follow("Your October to December 2024 return is due in 3 working days");
			assertThat(heading()).isEqualTo("Your October to December 2024 return is due in 3 working days");
			assertThat(page()).contains("is due on 30 January 2025", "Open the return");
			follow("Your messages");
			assertThat(page()).contains("Your October to December 2024 return is due in 3 working days");
			follow("Choose how and how often we tell you");
			assertThat(heading()).isEqualTo("How we tell you");
			clickLabel("One summary email each working day at 8am");
			press("Save your choices");
			assertThat(page()).contains("Your choices have been saved");
			assertThat(this.browser.findElement(By.id("dailyDigest-daily")).isSelected()).isTrue();
		}
		finally {
			this.database.update("delete from notification where id = ?", id);
			this.database.update("delete from notification_preference where user_id = "
					+ "(select id from app_user where username = 'leicester.csp')");
		}
	}

}
