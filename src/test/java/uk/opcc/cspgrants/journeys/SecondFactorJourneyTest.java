package uk.opcc.cspgrants.journeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.security.AuthenticatorApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer choosing a second factor in Chromium, every page checked by axe-core at
 * desktop and phone widths: their second factor page, setting up the app (refused, then
 * right), the recovery codes, the code asked for at the next sign-in (refused, then
 * right), an administrator's reset page, and turning it off after the check page.
 */
class SecondFactorJourneyTest extends JourneyTest {

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@AfterEach
	void turnItOff() {
		JdbcTemplate database = new JdbcTemplate(this.owner);
		database
			.update("delete from recovery_code where user_id = (select id from app_user where username = 'manager')");
		database
			.update("delete from second_factor where user_id = (select id from app_user where username = 'manager')");
		database.update("delete from sign_in_attempt where username = 'manager'");
	}

	@Test
	void theSecondFactorPagesMeetWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		signIn("manager");
		follow("Second factor");
		assertThat(heading()).isEqualTo("Second factor");
		assertThat(page()).contains("No, it is your choice");
		checkThisPage("your second factor, off", axe, problems);
		follow("Set up an authenticator app");
		assertThat(heading()).isEqualTo("Set up your authenticator app");
		checkThisPage("setting up the app", axe, problems);
		String secret = this.browser.findElement(By.id("secret")).getAttribute("textContent").replace(" ", "");
		type("code", "123");
		press("Set up");
		assertThat(page()).contains("There is a problem", "The code is not right");
		checkThisPage("a wrong first code", axe, problems);
		type("code", AuthenticatorApp.codeAt(secret, Instant.now()));
		press("Set up");
		assertThat(heading()).isEqualTo("Your authenticator app is set up");
		assertThat(this.browser.findElements(By.cssSelector("#recovery-codes code"))).hasSize(10);
		checkThisPage("the recovery codes", axe, problems);
		signOut();

		signIn("manager");
		assertThat(heading()).isEqualTo("Enter the code from your authenticator app");
		checkThisPage("the code asked for", axe, problems);
		type("code", "000000");
		press("Continue");
		assertThat(page()).contains("There is a problem", "The code is not right");
		checkThisPage("a wrong code", axe, problems);
		type("code", AuthenticatorApp.codeAt(secret, Instant.now().plusSeconds(30)));
		press("Continue");
		follow("Second factor");
		assertThat(page()).contains("10 of 10");
		checkThisPage("your second factor, on", axe, problems);
		follow("Make new recovery codes");
		assertThat(heading()).isEqualTo("Make new recovery codes?");
		checkThisPage("making new recovery codes", axe, problems);
		press("Make new recovery codes");
		assertThat(page()).contains("New recovery codes made", "The codes you had before no longer work");
		checkThisPage("the new recovery codes", axe, problems);
		follow("Second factor");
		follow("Turn the second factor off");
		checkThisPage("turning it off", axe, problems);
		press("Turn it off");
		assertThat(page()).contains("Your second factor is off");
		signOut();

		signIn("admin");
		long manager = new JdbcTemplate(this.owner).queryForObject("select id from app_user where username = 'manager'",
				Long.class);
		check("/admin/users/" + manager + "/second-factor/reset", axe, problems);
		assertThat(page()).contains("Morgan Manager has no second factor set up.");
		assertThat(problems).isEmpty();
	}

}
