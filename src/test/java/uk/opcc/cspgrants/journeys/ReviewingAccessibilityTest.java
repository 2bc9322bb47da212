package uk.opcc.cspgrants.journeys;

import java.math.BigDecimal;
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
import uk.opcc.cspgrants.support.ReviewerFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Themed reviewers' pages in a browser, every page checked by axe-core at desktop and
 * phone widths (WCAG 2.2 AA, reflow at 320 px): an officer puts two reviewers on a closed
 * round (the reviewers page, refused and with reviewers), assigns them (the assignments
 * page); a reviewer sees their reviews, the conflict question refused, then declares no
 * conflict, reads the application, scores it (refused, then checked) and submits the
 * scores. On 1988-89 with a round and an eligible application written in SQL.
 */
class ReviewingAccessibilityTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.database, FinancialYear.parse("1988-89"));
		long round = this.fixture.openRound("REVIEWS-1988", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(this.database);
		long id = this.fixture.submittedApplication(round, applicant, 1, "Westcotes Street Pastors", "1123456",
				new BigDecimal("2500.00"));
		this.fixture.eligible(id);
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
		assertThat(problems).isEmpty();
	}

}
