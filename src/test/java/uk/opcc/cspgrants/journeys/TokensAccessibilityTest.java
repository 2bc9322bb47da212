package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;

import uk.opcc.cspgrants.support.TokenFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer's API tokens in a browser, every page checked by axe-core at desktop and
 * phone widths: the empty list, a refused form, a token made (its secret shown once), the
 * list with it, the page asking before revoking, the list after; then an administrator's
 * list of everyone's tokens and its form for a service account, refused; a service
 * account added (refused first) and a token made for it from its page.
 */
class TokensAccessibilityTest extends JourneyTest {

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@AfterEach
	void remove() {
		TokenFixture.remove(this.owner, "Journey ledger");
	}

	@Test
	void theTokenPagesMeetWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		signIn("officer");
		follow("API tokens");
		assertThat(heading()).isEqualTo("Your API tokens");
		assertThat(page())
			.contains("You have no API tokens. Make one below when a program needs to use the API as you.");
		checkThisPage("your API tokens", axe, problems);
		type("days", "");
		press("Create token");
		assertThat(page()).contains("There is a problem", "Enter what the token is for");
		checkThisPage("a refused token", axe, problems);
		type("name", "Journey ledger");
		type("days", "30");
		this.browser.findElement(By.id("readOnly")).click();
		press("Create token");
		assertThat(heading()).isEqualTo("API token created");
		assertThat(this.browser.findElement(By.id("secret")).getAttribute("value")).matches("cspg_[A-Za-z0-9_-]{43}");
		checkThisPage("a token made", axe, problems);
		follow("Back to the API tokens");
		assertThat(page()).contains("Journey ledger", "Read only", "Active");
		checkThisPage("your API tokens with one", axe, problems);
		follow("Revoke");
		assertThat(heading()).isEqualTo("Revoke the API token “Journey ledger”?");
		checkThisPage("revoke a token", axe, problems);
		press("Revoke the token");
		assertThat(page()).contains("The API token “Journey ledger” has been revoked", "Revoked");
		checkThisPage("a token revoked", axe, problems);
		// where they are signed in: this browser
		follow("Sessions");
		assertThat(heading()).isEqualTo("Your sessions");
		// (the other tests sign the demo officer in elsewhere too)
		assertThat(page()).contains("Chrome on Linux This browser", "with a password");
		checkThisPage("your sessions", axe, problems);
		signOut();
		signIn("admin");
		check("/admin/tokens", axe, problems);
		press("Create token");
		assertThat(page())
			.contains("Choose the account the token acts as: a member of staff, a CSP manager or a service account");
		checkThisPage("a refused token for a service account", axe, problems);
		// a service account for the finance ledger, then its token
		check("/admin/users", axe, problems);
		follow("Add a service account");
		assertThat(heading()).isEqualTo("Add a service account");
		checkThisPage("add a service account", axe, problems);
		press("Add service account");
		assertThat(page()).contains("There is a problem", "Enter what the account is for, such as Finance ledger",
				"Choose at least one role");
		checkThisPage("a refused service account", axe, problems);
		type("username", "journey.ledger");
		type("displayName", "Journey ledger");
		this.browser.findElement(By.id("role-FINANCE")).click();
		press("Add service account");
		assertThat(heading()).isEqualTo("journey.ledger");
		assertThat(page()).contains("Service account journey.ledger has been added", "never signs in")
			.doesNotContain("Reset password");
		checkThisPage("a service account", axe, problems);
		follow("Make an API token for it");
		assertThat(this.browser.findElement(By.cssSelector("#userId option[selected]")).getText())
			.isEqualTo("Journey ledger (journey.ledger)");
		type("name", "Journey ledger");
		press("Create token");
		assertThat(heading()).isEqualTo("API token created");
		assertThat(problems).isEmpty();
	}

}
