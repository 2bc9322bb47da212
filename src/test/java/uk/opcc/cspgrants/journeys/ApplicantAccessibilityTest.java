package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.ApplicantFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant's way in, checked by axe-core at desktop and phone widths (WCAG 2.2 AA,
 * reflow at 320 px) as they go: the sign-in page, refused with no address, the "check
 * your email" page (in the demo with no mail service, showing the link), the page the
 * link opens, their home page, the page of a link already used, and signed out.
 */
class ApplicantAccessibilityTest extends JourneyTest {

	private static final String ADDRESS = "accessible@applicants.example";

	@Autowired
	JdbcTemplate database;

	@AfterEach
	void remove() {
		ApplicantFixture.removeApplicants(this.database, "email = '" + ADDRESS + "'");
	}

	@Test
	void theApplicantsPagesMeetWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		check("/apply/sign-in", axe, problems);
		check("/apply/sign-in/sent", axe, problems);
		open("/apply/sign-in");
		press("Send me a sign-in link");
		assertThat(page()).contains("Enter your email address");
		checkThisPage("a refused address", axe, problems);
		type("email", ADDRESS);
		press("Send me a sign-in link");
		assertThat(page()).contains("Check your email", "Demo only");
		checkThisPage("check your email, with the demo's link", axe, problems);
		String link = this.browser.findElement(By.id("demo-sign-in-link")).getAttribute("href");
		follow("Sign in with the link that was sent");
		assertThat(page()).contains("Continue");
		checkThisPage("the page a link opens", axe, problems);
		press("Continue");
		assertThat(page()).contains("You are signed in as", ADDRESS);
		checkThisPage("the applicant's home page", axe, problems);
		this.browser.get(link);
		assertThat(page()).contains("This link has already been used");
		checkThisPage("a link already used", axe, problems);
		open("/apply/link/" + "A".repeat(43));
		checkThisPage("a link that is not one", axe, problems);
		open("/apply");
		follow("Sessions");
		assertThat(page()).contains("Your sessions", "You have 1 session", "with a sign-in link");
		checkThisPage("an applicant's sessions", axe, problems);
		check("/account/confirm", axe, problems);
		assertThat(page()).contains("ask for a new sign-in link");
		signOut();
		assertThat(page()).contains("You have signed out");
		checkThisPage("signed out", axe, problems);
		assertThat(problems).isEmpty();
	}

}
