package uk.opcc.cspgrants.journeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.TestDatabaseConfiguration;

/**
 * The base of the browser journeys: the whole application on a random port with the test
 * PostgreSQL and the demo data, and a real Chromium. A failing journey leaves a
 * screenshot and the page's HTML under {@code target/journeys/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
abstract class JourneyTest {

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@RegisterExtension
	final TestWatcher evidence = new TestWatcher() {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			keepEvidence(
					context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
			closeBrowser();
		}

		@Override
		public void testSuccessful(ExtensionContext context) {
			closeBrowser();
		}

		@Override
		public void testAborted(ExtensionContext context, Throwable cause) {
			closeBrowser();
		}

	};

	@BeforeEach
	void openBrowser(TestInfo test) throws IOException {
		Browser.requireInstalled();
		this.browser = Browser.start();
	}

	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
			this.browser = null;
		}
	}

	void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	void signIn(String username) {
		open("/login");
		type("username", username);
		type("password", SignIn.DEMO_PASSWORD);
		press("Sign in");
	}

	void signOut() {
		press("Sign out");
	}

	void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	void choose(String id, String visibleText) {
		new Select(this.browser.findElement(By.id(id))).selectByVisibleText(visibleText);
	}

	void press(String buttonText) {
		clickAndWaitForNextPage(By.xpath("//button[normalize-space()='" + buttonText + "']"));
	}

	void follow(String linkText) {
		clickAndWaitForNextPage(By.partialLinkText(linkText));
	}

	/**
	 * Every button and link in the application leads to a new page (there is no script),
	 * so a click waits until the old page has gone and the new one has loaded; otherwise
	 * the next look at the page can catch the old one as it is being replaced.
	 */
	void clickAndWaitForNextPage(By target) {
		WebElement oldPage = this.browser.findElement(By.tagName("html"));
		this.browser.findElement(target).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.stalenessOf(oldPage));
		wait.until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	String page() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

	String heading() {
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	/** Fetches a URL outside the browser, e.g. to check a download. */
	HttpResponse<byte[]> fetch(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

	private void keepEvidence(String name) {
		if (this.browser == null) {
			return;
		}
		try {
			Path folder = Files.createDirectories(Path.of("target", "journeys"));
			Files.write(folder.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
			Files.writeString(folder.resolve(name + ".html"), this.browser.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ignored) {
			// the evidence is a help, not the result
		}
	}

	/** axe-core's script, for {@link #check} and {@link #checkThisPage}. */
	protected static String axe() throws IOException {
		return new org.springframework.core.io.ClassPathResource("axe/axe.min.js")
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * Opens a page and runs axe-core on it at both widths (serious or critical violations
	 * of WCAG 2.2 AA, and reflow at 320 px), adding what it finds to {@code problems}.
	 */
	protected void check(String path, String axe, List<String> problems) {
		open(path);
		checkThisPage(path, axe, problems);
	}

	/** The page as it is, at both widths; it is left at the wide one. */
	protected void checkThisPage(String path, String axe, List<String> problems) {
		Reflow.width(this.browser, Reflow.DESKTOP);
		runAxe(path, axe, problems);
		Reflow.width(this.browser, Reflow.PHONE);
		runAxe(path + " at " + Reflow.PHONE + " px", axe, problems);
		Reflow.check(this.browser).forEach((problem) -> problems.add(path + " at " + Reflow.PHONE + " px: " + problem));
		Reflow.width(this.browser, Reflow.DESKTOP);
	}

	@SuppressWarnings("unchecked")
	private void runAxe(String path, String axe, List<String> problems) {
		this.browser.executeScript(axe);
		Object result = this.browser.executeAsyncScript(
				"const done = arguments[arguments.length - 1];" + "axe.run(document, { runOnly: { type: 'tag', values: "
						+ "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })"
						+ ".then(r => done({ passes: r.passes.length, violations: r.violations"
						+ ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
						+ ".map(v => ({ id: v.id, impact: v.impact, help: v.help,"
						+ " targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })) }))"
						+ ".catch(e => done({ passes: 0, violations: [{ id: 'axe-error', impact: 'critical',"
						+ " help: String(e), targets: [] }] }));");
		Map<String, Object> outcome = (Map<String, Object>) result;
		if (((Number) outcome.get("passes")).intValue() == 0) {
			problems.add(path + ": axe checked nothing");
		}
		for (Map<String, Object> violation : (List<Map<String, Object>>) outcome.get("violations")) {
			problems.add(path + ": " + violation.get("impact") + " " + violation.get("id") + " ("
					+ violation.get("help") + ") at " + violation.get("targets"));
		}
	}

}
