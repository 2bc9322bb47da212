package uk.opcc.cspgrants.journeys;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.ReviewerFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Themed reviewers' pages in a browser, every page checked by axe-core at desktop and
 * phone widths (WCAG 2.2 AA, reflow at 320 px): an officer puts two reviewers on a closed
 * round (the reviewers page, refused and with reviewers), assigns them (the assignments
 * page); a reviewer sees their reviews, the conflict question refused, then declares no
 * conflict, reads the application, scores it (refused, then checked), submits the scores
 * and opens their sessions; the officer ranks, moderates (a note, scores returned), marks
 * the round assessed, records the panel, takes the round to it and records its
 * recommendation, puts the round to a decision (refused without the year's award
 * schedule, then drafted); once the Commissioner supports it, the applicant signs in and
 * reads the outcome. On 1988-89 with a round and an eligible application written in SQL.
 */
class ReviewingAccessibilityTest extends JourneyTest {

	/** The form that returns Bob's scores, on an application's scores page. */
	private static final String BOBS = "//details[summary[contains(., 'Return these scores to Bob Brown')]]";

	@Autowired
	JdbcTemplate database;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	private long application;

	@Autowired
	DecisionManagement decisions;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.database, FinancialYear.parse("1988-89"));
		long round = this.fixture.openRound("REVIEWS-1988", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(this.database);
		long id = this.fixture.submittedApplication(round, applicant, 1, "Westcotes Street Pastors", "1123456",
				new BigDecimal("2500.00"));
		this.fixture.eligible(id);
		this.application = id;
		this.database.update(
				"update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() " + "where id = ?",
				round);
		ReviewerFixture.make(this.database, "ann.journey", "Ann Adams");
		ReviewerFixture.make(this.database, "bob.journey", "Bob Brown");
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.database);
		ReviewerFixture.remove(this.database, "ann.journey");
		ReviewerFixture.remove(this.database, "bob.journey");
	}

	@Test
	void reviewersPagesMeetWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		signIn("officer");
		check("/rounds/REVIEWS-1988/reviewers", axe, problems);
		press("Add the reviewer");
		assertThat(page()).contains("Choose a reviewer from the list");
		checkThisPage("a refused reviewer", axe, problems);
		choose("userId", "Ann Adams");
		press("Add the reviewer");
		choose("userId", "Bob Brown");
		press("Add the reviewer");
		checkThisPage("the round's reviewers", axe, problems);
		follow("Who reviews which application");
		checkThisPage("the assignments before assigning", axe, problems);
		press("Assign reviewers");
		assertThat(page()).contains("2 assignments made");
		checkThisPage("the assignments", axe, problems);
		signOut();
		signIn("ann.journey");
		assertThat(page()).contains("Your reviews", "REVIEWS-1988-001");
		checkThisPage("a reviewer's reviews", axe, problems);
		follow("REVIEWS-1988-001");
		checkThisPage("the conflict of interest question", axe, problems);
		press("Continue");
		assertThat(page()).contains("Select whether you have a conflict of interest");
		checkThisPage("a refused declaration", axe, problems);
		this.browser.findElement(By.id("conflict")).click();
		press("Continue");
		assertThat(page()).contains("You declared no conflict", "Westcotes Street Pastors");
		checkThisPage("the application to review", axe, problems);
		follow("Score the application");
		checkThisPage("scoring", axe, problems);
		press("Continue");
		assertThat(page()).contains("Choose a score for “Need”", "Give the reason for your score for “Need”");
		checkThisPage("refused scores", axe, problems);
		this.browser.findElement(By.id("score-1-4")).click();
		type("reason-1", "Clear local evidence of need");
		press("Continue");
		assertThat(page()).contains("your score is 80.00 out of 100");
		checkThisPage("check your scores", axe, problems);
		press("Submit your scores");
		assertThat(page()).contains("Your scores for REVIEWS-1988-001 have been submitted", "Scores submitted");
		checkThisPage("reviews with scores submitted", axe, problems);
		follow("Sessions");
		assertThat(heading()).isEqualTo("Your sessions");
		assertThat(page()).contains("You have 1 session", "This browser");
		checkThisPage("a reviewer's sessions", axe, problems);
		signOut();

		submitted("bob.journey", 2);
		signIn("officer");
		check("/rounds/REVIEWS-1988/ranking", axe, problems);
		assertThat(page()).contains("1 eligible application; 1 above the line", "1 flagged for moderation");
		follow("REVIEWS-1988-001");
		assertThat(page()).contains("60.00 (the average of 2 reviews)", "40.00 points between");
		checkThisPage("an application's scores", axe, problems);
		press("Add the note");
		assertThat(page()).contains("Enter the note");
		checkThisPage("a refused note", axe, problems);
		type("note", "Ann and Bob read the need differently");
		press("Add the note");
		this.browser.findElement(By.xpath(BOBS + "/summary")).click();
		clickAndWaitForNextPage(By.xpath(BOBS + "//button"));
		assertThat(page()).contains("Say why the scores go back");
		checkThisPage("refused returned scores", axe, problems);
		WebElement reason = this.browser.findElement(By.xpath(BOBS + "//textarea"));
		reason.clear();
		reason.sendKeys("Your reason reads as a 4: please look again");
		clickAndWaitForNextPage(By.xpath(BOBS + "//button"));
		assertThat(page()).contains("The scores have been returned to their reviewer");
		check("/rounds/REVIEWS-1988/assessed", axe, problems);
		assertThat(page()).contains("1 review is still being scored");
		submitted("bob.journey", 4);
		check("/rounds/REVIEWS-1988/assessed", axe, problems);
		press("Mark the round assessed");
		assertThat(page()).contains("was marked assessed on", "Marked assessed by Olu Officer");
		checkThisPage("the ranking once assessed", axe, problems);

		check("/rounds/REVIEWS-1988/panel", axe, problems);
		press("Add the member");
		assertThat(page()).contains("Enter the member's name");
		checkThisPage("a refused panel member", axe, problems);
		type("name", "Sam Chair");
		type("organisation", "OPCC");
		this.browser.findElement(By.id("chair")).click();
		press("Add the member");
		follow("Take the round to the panel");
		checkThisPage("taking the round to the panel", axe, problems);
		press("Take the round to the panel");
		assertThat(page()).contains("Enter the date the panel meets");
		checkThisPage("a refused panel date", axe, problems);
		type("meets", "20");
		type("meets-month", "8");
		type("meets-year", "1988");
		press("Take the round to the panel");
		assertThat(page()).contains("The panel meets on 20 August 1988");
		checkThisPage("the panel's paper", axe, problems);
		follow("REVIEWS-1988-001");
		checkThisPage("a recommendation to record", axe, problems);
		press("Record the recommendation");
		assertThat(page()).contains("Choose what the panel recommends");
		checkThisPage("a refused recommendation", axe, problems);
		this.browser.findElement(By.id("outcome")).click();
		type("reason", "Strong scores on need");
		type("feedback", "A clear case, well evidenced");
		press("Record the recommendation");
		assertThat(page()).contains("1 of 1 recommendations recorded: 1 to fund, £2,500.00");
		checkThisPage("the panel's paper with a recommendation", axe, problems);

		follow("Put the round to a decision");
		assertThat(page()).contains("There is no award schedule for 1988-89");
		checkThisPage("a round not ready for a decision", axe, problems);
		this.database.update("insert into award_schedule (financial_year, title, created_at, updated_at) "
				+ "values (1988, 'Partner funding 1988-89', now(), now())");
		check("/rounds/REVIEWS-1988/decision", axe, problems);
		assertThat(page()).contains("1 application, £2,500.00 of the budget of £100,000.00");
		press("Draft the decision record");
		assertThat(page()).contains("The grant round REVIEWS-1988 is in decision record");
		checkThisPage("the round's decision record", axe, problems);
		String reference = this.database.queryForObject(
				"select decision_reference from grant_round where reference = 'REVIEWS-1988'", String.class);
		LocalDate today = LocalDate.now(Dates.UK);
		this.decisions.consult(reference, "Fran Finance", today, Principals.of("finance", this.database));
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null,
				EnumSet.noneOf(Section.class), today, Principals.of("monitoring", this.database));
		signOut();
		signIn("commissioner");
		open("/decisions/" + reference);
		follow("Decide this record");
		assertThat(page()).contains("Supported makes 1 grant totalling £2,500.00 from the grant round");
		checkThisPage("the Commissioner deciding the round's record", axe, problems);
		this.browser.findElement(By.xpath("//label[normalize-space()='Supported']")).click();
		press("Decide " + reference);
		assertThat(page()).contains(reference + " is decided: Supported",
				"1 grant totalling £2,500.00 was made from the grant round");
		signOut();
		signIn("officer");
		check("/rounds/REVIEWS-1988/panel", axe, problems);
		assertThat(page()).contains("Decided by " + reference);
		signOut();

		open("/apply/sign-in");
		type("email", ApplicantFixture.EMAIL);
		press("Send me a sign-in link");
		follow("Sign in with the link that was sent");
		press("Continue");
		check("/apply/applications/" + this.application, axe, problems);
		assertThat(page()).contains("Your application has been successful", "£2,500.00", "A clear case, well evidenced",
				"decision record " + reference);
		assertThat(problems).isEmpty();
	}

	/** The reviewer's scores of the round's one application, submitted in SQL. */
	private void submitted(String reviewer, int score) {
		long id = this.database.queryForObject("select r.id from review_assignment r join app_user u "
				+ "on u.id = r.reviewer_id where u.username = ?", Long.class, reviewer);
		this.database.update("update review_assignment set status = 'DECLARED', declared_at = now() "
				+ "where id = ? and status = 'ASSIGNED'", id);
		this.database.update("insert into review_score (assignment_id, round_id, position, score, reason) "
				+ "select id, round_id, 1, ?, 'Scored in SQL' from review_assignment where id = ? "
				+ "on conflict (assignment_id, position) do update set score = excluded.score", score, id);
		this.database.update("update review_assignment set status = 'SUBMITTED', submitted_at = now() where id = ?",
				id);
	}

}
