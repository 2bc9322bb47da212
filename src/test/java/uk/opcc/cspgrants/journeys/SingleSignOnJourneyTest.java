package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.opcc.identityprovider.IdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with the organisation's account in Chromium, through a real OpenID Connect
 * provider running in the test, every page of this service on the way checked by axe-core
 * at desktop and phone widths: the sign-in page offering the organisation's account, the
 * page for someone with no role yet, signing out at both, an administrator's sign-in
 * mappings (empty, refused, added), and the person signing in again with the role the
 * mapping gives.
 */
class SingleSignOnJourneyTest extends JourneyTest {

	private static final IdentityProvider PROVIDER = IdentityProvider.start();

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry properties) {
		for (String argument : PROVIDER.applicationArguments()) {
			String setting = argument.substring(2);
			int equals = setting.indexOf('=');
			properties.add(setting.substring(0, equals), () -> setting.substring(equals + 1));
		}
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.close();
	}

	@BeforeEach
	void registerWithTheProvider() {
		PROVIDER.register(base());
		PROVIDER.person("gita", "gita-password", "Gita Shah", "gita.shah@leics.police.uk",
				List.of("grp-journey-officers"));
	}

	@Test
	void signingInWithTheOrganisationsAccountMeetsWcag22AaAtBothWidths() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		this.browser.get(base() + "/login");
		assertThat(page()).contains("Sign in with your Leicestershire Police account",
				"Or sign in with a username and password");
		checkThisPage("the sign-in page with the organisation's account", axe, problems);

		signInAtTheProvider();
		assertThat(heading()).isEqualTo("You do not have a role yet");
		assertThat(page()).contains("Gita Shah");
		checkThisPage("no role yet", axe, problems);
		press("Sign out");
		assertThat(this.browser.getCurrentUrl()).isEqualTo(base() + "/login?signedOut");
		assertThat(page()).contains("You have signed out");

		this.browser.findElement(By.id("username")).sendKeys("admin");
		this.browser.findElement(By.id("password")).sendKeys(uk.opcc.cspgrants.support.SignIn.DEMO_PASSWORD);
		press("Sign in");
		this.browser.get(base() + "/admin/users");
		follow("Sign-in mappings");
		assertThat(heading()).isEqualTo("Sign-in mappings");
		assertThat(page()).contains("People sign in with: your Leicestershire Police account.");
		checkThisPage("sign-in mappings", axe, problems);
		type("value", "grp-journey-officers");
		press("Add mapping");
		assertThat(page()).contains("There is a problem", "Choose the role this gives");
		checkThisPage("a refused mapping", axe, problems);
		choose("role", "OPCC officer");
		press("Add mapping");
		assertThat(page()).contains(
				"People whose groups carries “grp-journey-officers” will be OPCC officer from their next sign-in");
		checkThisPage("a mapping added", axe, problems);
		press("Sign out");

		signInAtTheProvider();
		assertThat(this.browser.getCurrentUrl()).isEqualTo(base() + "/");
		assertThat(page()).contains("Gita Shah");
		this.browser.get(base() + "/grants");
		assertThat(heading()).isNotBlank();
		assertThat(problems).isEmpty();
	}

	/** The organisation's sign-in, at the provider (a page of another system). */
	private void signInAtTheProvider() {
		this.browser.get(base() + "/login");
		clickAndWaitForNextPage(By.id("provider-organisation"));
		assertThat(this.browser.getCurrentUrl()).startsWith(PROVIDER.issuer() + "/login");
		this.browser.findElement(By.id("username")).sendKeys("gita");
		this.browser.findElement(By.id("password")).sendKeys("gita-password");
		clickAndWaitForNextPage(By.cssSelector("button[type=submit]"));
	}

	/**
	 * The service at 127.0.0.1: a provider accepts a loopback redirect only by address,
	 * never as localhost.
	 */
	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
