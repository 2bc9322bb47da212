package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core run in the browser on the main pages: no violation of impact serious or
 * critical against WCAG 2.2 AA. Each violation found is printed with its selectors. Every
 * page is checked twice in the same browser: at 1366 px wide (a laptop) and at 320 px
 * wide (a small phone, and 1280 px zoomed to 400%: WCAG 2.2 reflow, 1.4.10), where it
 * must also fit without scrolling sideways and keep its inputs usable ({@link Reflow}).
 */
class AccessibilityJourneyTest extends JourneyTest {

	private static final List<String> PUBLIC_PAGES = List.of("/login", "/login?error", "/login?missing=password",
			"/login?locked", "/login?ended", "/login?timedOut", "/login?signedOutElsewhere",
			"/apply/sign-in?signedOutElsewhere", "/how-the-formula-works", "/public/decisions",
			"/public/decisions/EXE0001-24", "/public/allocations/2024-25", "/public/allocations/2024-25/LEI",
			"/public/allocations/2024-25/scenario", "/public/published-splits", "/public/published-splits/1");

	private static final List<String> OFFICER_PAGES = List.of("/", "/partnerships", "/partnerships/new",
			"/partnerships/CHA", "/partnership-groups", "/partnership-groups/new", "/partnership-groups/1",
			"/partnership-groups/1/edit", "/partnership-groups/1/archive", "/allocations/runs/2",
			"/indicators?year=2023-24", "/indicators/import", "/indicators/2023-24/LEI/crime-sources",
			"/indicators/harm-weights", "/allocations", "/allocations/runs/new", "/allocations/runs/1",
			"/allocations/runs/1/explain/LEI", "/allocations/runs/1/scenario", "/allocations/runs/1/sensitivity",
			"/grants?year=2024-25", "/grants/2024-25/LEI", "/monitoring?year=2024-25",
			"/monitoring/returns/2024-25/Q2/LEI", "/monitoring/payments?year=2024-25", "/monitoring/reports/2024-25/Q2",
			"/decisions", "/decisions/new", "/decisions/EXE0001-24", "/underspend?year=2024-25", "/redistributions",
			"/redistributions/new", "/allocations/check", "/allocations/check/1");

	@Test
	void theMainPagesHaveNoSeriousOrCriticalAccessibilityViolations() throws Exception {
		String axe = new ClassPathResource("axe/axe.min.js")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		// the public start page, at / for visitors and at /public for everyone
		check("/", axe, problems);
		check("/public", axe, problems);
		for (String path : PUBLIC_PAGES) {
			check(path, axe, problems);
		}
		signIn("admin");
		for (String path : OFFICER_PAGES) {
			check(path, axe, problems);
		}
		check("/admin/users", axe, problems);
		check("/admin/audit", axe, problems);
		// a payment hold on Rutland's payments (its 2024-25 Q1 return never came),
		// removed
		// again at once so that no other test meets it: the release page, a refused
		// release, and the payments and monitoring pages that show the hold
		long hold = this.database.queryForObject("insert into payment_hold (partnership_id, financial_year, quarter, "
				+ "placed_on, reason) select id, 2024, 'Q1', date '2024-08-20', 'The April to June 2024 return was "
				+ "due on 30 July 2024 and was 15 working days overdue' from partnership where code = 'RUT' returning id",
				Long.class);
		try {
			check("/monitoring/holds/" + hold + "/release", axe, problems);
			press("Release the hold");
			checkThisPage("a refused release of a payment hold", axe, problems);
			check("/monitoring/payments?year=2024-25", axe, problems);
			check("/monitoring?year=2024-25", axe, problems);
		}
		finally {
			this.database.update("delete from payment_hold where id = ?", hold);
		}
		// pages that refuse a change: the error summary and the messages on the fields
		open("/grants/2024-25/LEI");
		type("allocation", "12.345");
		press("Save");
		checkThisPage("a refused grant", axe, problems);
		open("/monitoring/returns/2024-25/Q2/LEI");
		type("reason", "");
		press("Return for correction");
		checkThisPage("a refused step of a return", axe, problems);
		java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("police-uk").resolve("empty-street.csv");
		java.nio.file.Files.writeString(empty, "");
		open("/indicators/import");
		this.browser.findElement(org.openqa.selenium.By.id("files")).sendKeys(empty.toString());
		press("Load crime files");
		checkThisPage("a refused police.uk load", axe, problems);
		open("/allocations/check");
		type("table", "Gotham £1");
		press("Check");
		checkThisPage("a refused check of a published split", axe, problems);
		open("/partnership-groups/new");
		type("name", "");
		press("Make the group");
		checkThisPage("a refused partnership group", axe, problems);
		check("/admin/audit?from.day=31&from.month=2&from.year=2024&to.day=1&to.year=2024", axe, problems);
		open("/indicators/import");
		this.browser.findElement(org.openqa.selenium.By.id("files"))
			.sendKeys(new ClassPathResource("police-uk/2023-04-leicestershire-street.csv").getFile().getAbsolutePath());
		press("Load crime files");
		checkThisPage("the result of a police.uk load", axe, problems);
		open("/monitoring/returns/2024-25/Q3/CHA");
		type("plannedAllocation", "13,000");
		type("cumulativeSpend", "9,000");
		press("Continue to submit");
		checkThisPage("the check page of a return", axe, problems);
		signOut();
		signIn("finance");
		check("/monitoring/payments?year=2024-25", axe, problems);
		open("/monitoring/payments/2024-25/LEI?quarter=Q1");
		checkThisPage("a payment's page", axe, problems);
		type("reference", "");
		type("paidOn", "31");
		type("paidOn-month", "2");
		press("Record as paid");
		checkThisPage("a refused payment", axe, problems);
		// as if the grant had gone while the page was open (Charnwood has no grant in
		// 2009-10): the payment-gone page, with what was typed
		this.browser.executeScript("document.getElementById('main-form').action = '/monitoring/payments/2009-10/CHA'");
		type("reference", "BACS-GONE-1");
		type("paidOn", "3");
		type("paidOn-month", "8");
		type("paidOn-year", "2009");
		press("Record as paid");
		assertThat(heading()).isEqualTo("The payment is no longer there");
		assertThat(page()).contains("There is no grant to CHA in 2009-10: nothing was recorded", "BACS-GONE-1",
				"3 August 2009");
		checkThisPage("a payment whose grant went", axe, problems);
		signOut();
		signIn("leicester.csp");
		check("/monitoring/returns", axe, problems);
		check("/monitoring/returns/2024-25/Q2/LEI", axe, problems);
		check("/monitoring/returns/2024-25/Q3/LEI", axe, problems);
		check("/monitoring/payments", axe, problems);
		// the Monitoring Officer's refused publication decision, the Commissioner's check
		// page,
		// a refused decision and its confirmation
		uk.opcc.cspgrants.decision.AwaitingRecords records = new uk.opcc.cspgrants.decision.AwaitingRecords(
				this.decisionRecords, this.formulaRuns, this.database);
		String consulted = records.consulted("2063-64", "Accessibility of the publication decision");
		String awaiting = records.awaitingTheCommissioner("2064-65", "Accessibility of the decision");
		signOut();
		signIn("monitoring");
		open("/decisions/" + consulted);
		this.browser.findElement(org.openqa.selenium.By.cssSelector("label[for='record-part_redacted']")).click();
		press("Record the publication decision");
		checkThisPage("a refused publication decision", axe, problems);
		signOut();
		signIn("commissioner");
		check("/decisions/" + awaiting + "/decide", axe, problems);
		press("Decide " + awaiting);
		checkThisPage("a refused decision", axe, problems);
		this.browser.findElement(org.openqa.selenium.By.cssSelector("label[for='decision']")).click();
		press("Decide " + awaiting);
		checkThisPage("a decision's confirmation", axe, problems);
		// the home page of every other role, each with what waits for them
		for (String username : List.of("officer", "finance", "monitoring", "commissioner", "leicester.csp")) {
			signOut();
			signIn(username);
			checkThisPage("the home page of " + username, axe, problems);
		}
		problems.forEach(System.out::println);
		assertThat(problems).isEmpty();
	}

	/**
	 * The check pages before approving a run and closing a year, and the refused run and
	 * redistribution forms.
	 */
	@Test
	void theApprovalCheckPagesAndRefusedAllocationFormsHaveNoSeriousOrCriticalViolations() throws Exception {
		String axe = new ClassPathResource("axe/axe.min.js")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		signIn("officer");
		open("/redistributions/new");
		press("Save the proposal");
		checkThisPage("a refused redistribution proposal", axe, problems);
		open("/allocations/runs/new");
		type("note", "x".repeat(1001));
		press("Run the formula");
		checkThisPage("a refused run note", axe, problems);
		signOut();
		signIn("finance");
		check("/allocations/runs/2/approve", axe, problems);
		open("/underspend?year=2024-25");
		press("Continue");
		checkThisPage("a refused close of a year", axe, problems);
		type("missingReason", "The Q4 returns are late");
		press("Continue");
		checkThisPage("the check page before closing a year", axe, problems);
		problems.forEach(System.out::println);
		assertThat(problems).isEmpty();
	}

	/**
	 * A person's messages, one message, their settings and a refused save of them; the
	 * administrator's page of messages, a failed message and the confirmation after
	 * sending it again.
	 */
	@Test
	void theMessagesPagesHaveNoSeriousOrCriticalViolations() throws Exception {
		String axe = new ClassPathResource("axe/axe.min.js")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		String insert = "insert into notification (message_key, template, username, recipient_name, email, channel, "
				+ "subject, body, link, status, attempts, last_error, next_attempt_at, created_at) values "
				+ "(?, 'return-overdue', 'admin', 'Ada Admin', ?, ?, ?, ?, '/monitoring/returns/2024-25/Q2/LEI', ?, ?, ?, "
				+ "'2031-03-03 08:00+00', '2031-03-03 08:00+00') returning id";
		long kept = this.database.queryForObject(insert, Long.class, "accessibility:kept", null, "APP",
				"The July to September 2024 return of Leicester is overdue",
				"Dear Ada Admin,\n\nThe return was due on 30 October 2024.\n\nOpen the return: "
						+ "/monitoring/returns/2024-25/Q2/LEI",
				"KEPT", 0, null);
		long failed = this.database.queryForObject(insert, Long.class, "accessibility:failed", "ada@example.org",
				"EMAIL", "The July to September 2024 return of Charnwood is overdue", "Dear Ada Admin,", "FAILED", 5,
				"Connection refused by the mail server");
		try {
			signIn("admin");
			check("/notifications", axe, problems);
			check("/notifications/" + kept, axe, problems);
			check("/notifications/settings", axe, problems);
			this.browser.executeScript(
					"document.querySelectorAll('input[name=dailyDigest]').forEach(radio => radio.checked = false)");
			press("Save your choices");
			checkThisPage("a refused choice of how we tell you", axe, problems);
			check("/admin/notifications", axe, problems);
			check("/admin/notifications?status=failed", axe, problems);
			check("/admin/notifications/" + failed, axe, problems);
			press("Send again");
			checkThisPage("the confirmation after sending a message again", axe, problems);
		}
		finally {
			this.database.update("delete from notification where message_key like 'accessibility:%'");
		}
		problems.forEach(System.out::println);
		assertThat(problems).isEmpty();
	}

	/**
	 * The administrator's bank holidays page, a refused upload and the check page of a
	 * newer file (not confirmed: the shipped file stays in force).
	 */
	@Test
	void theBankHolidaysPagesHaveNoSeriousOrCriticalViolations() throws Exception {
		String axe = new ClassPathResource("axe/axe.min.js")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		signIn("admin");
		check("/admin/bank-holidays", axe, problems);
		java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("bank-holidays");
		java.nio.file.Path notJson = folder.resolve("bank-holidays.csv");
		java.nio.file.Files.writeString(notJson, "date,title");
		this.browser.findElement(org.openqa.selenium.By.id("file")).sendKeys(notJson.toString());
		press("Check the file");
		checkThisPage("a refused bank holidays file", axe, problems);
		java.nio.file.Path newer = folder.resolve("bank-holidays.json");
		java.nio.file.Files.writeString(newer,
				new ClassPathResource("bank-holidays.json").getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
					.replace("\"2028-12-26\"", "\"2028-12-29\""));
		this.browser.findElement(org.openqa.selenium.By.id("file")).sendKeys(newer.toString());
		press("Check the file");
		checkThisPage("the check page of a newer bank holidays file", axe, problems);
		this.bankHolidayFiles.update("delete from bank_holiday_file where confirmed_at is null");
		problems.forEach(System.out::println);
		assertThat(problems).isEmpty();
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate bankHolidayFiles;

	@org.springframework.beans.factory.annotation.Autowired
	uk.opcc.cspgrants.decision.DecisionManagement decisionRecords;

	@org.springframework.beans.factory.annotation.Autowired
	uk.opcc.cspgrants.allocation.RunManagement formulaRuns;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate database;

}
