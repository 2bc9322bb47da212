package uk.opcc.cspgrants.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large upload over a slow connection: the page says how much has been sent, its button
 * is disabled until the server answers, and the answer then replaces the page as a normal
 * send would. (Without script the same form is sent by the browser as before.) Any form
 * that POSTs is sent once, however often its button is pressed.
 */
class UploadJourneyTest extends JourneyTest {

	@Test
	void aLargeUploadShowsItsProgressAndItsButtonIsDisabledWhileItIsSent() throws Exception {
		Path file = Files.createTempDirectory("police-uk").resolve("2023-06-unreadable-street.csv");
		// 12 MB of rows that are refused: a load is all or nothing, so nothing is loaded
		Files.writeString(file,
				"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
						+ "LSOA name,Crime type,Last outcome category,Context\n"
						+ ("x".repeat(999) + "\n").repeat(12 * 1024 * 1024 / 1000));
		signIn("officer");
		open("/indicators/import");
		// about 3 MB a second up: the file takes some seconds to send
		this.browser.executeCdpCommand("Network.enable", Map.of());
		this.browser.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", 3 * 1024 * 1024));
		this.browser.findElement(By.id("files")).sendKeys(file.toString());
		WebElement oldPage = this.browser.findElement(By.tagName("html"));
		WebElement button = this.browser.findElement(By.xpath("//button[normalize-space()='Load crime files']"));
		button.click();

		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		WebElement status = this.browser.findElement(By.cssSelector("form[action$='police-uk'] [role='status']"));
		wait.until((driver) -> status.getText().matches("Sending: [1-9][0-9]?% of 12 MB"));
		assertThat(button.isEnabled()).isFalse();
		assertThat(button.getAttribute("aria-disabled")).isEqualTo("true");

		wait.until(ExpectedConditions.stalenessOf(oldPage));
		assertThat(heading()).isEqualTo("Nothing was loaded");
		assertThat(this.browser.getTitle()).isNotBlank();
		assertThat(page()).contains("2023-06-unreadable-street.csv");
		// the answer to the POST keeps the form's address: reloading shows the form, it
		// does not send again
		assertThat(this.browser.getCurrentUrl()).endsWith("/indicators/import");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aFormIsSentOnceHoweverOftenItsButtonIsPressed() {
		signIn("officer");
		open("/partnership-groups/new");
		// press, then (before the answer can arrive) press again and submit by script; a
		// listener on the window sees each submit and whether the page's script stopped
		// it
		List<Object> seen = (List<Object>) this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const form = document.querySelector('main form[method="post"]');
				const button = form.querySelector('button');
				const stopped = [];
				window.addEventListener('submit', (event) => stopped.push(event.defaultPrevented));
				button.click();
				setTimeout(() => {
				  button.click();
				  form.requestSubmit();
				  done([stopped, button.disabled, button.getAttribute('aria-disabled')]);
				}, 0);""");
		// the first press is sent; the button is then disabled, so the second press does
		// nothing, and the submit by script is stopped
		assertThat((List<Object>) seen.get(0)).containsExactly(false, true);
		assertThat(seen.get(1)).isEqualTo(true);
		assertThat(seen.get(2)).isEqualTo("true");
	}

}
