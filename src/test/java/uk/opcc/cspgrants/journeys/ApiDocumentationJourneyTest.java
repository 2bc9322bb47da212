package uk.opcc.cspgrants.journeys;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documentation (Swagger UI) in Chromium under its Content-Security-Policy (no
 * script but the service's own files): it draws every operation, and a signed-in officer
 * can open one and see its responses.
 */
class ApiDocumentationJourneyTest extends JourneyTest {

	@Test
	void theApiDocumentationDrawsItsOperationsUnderItsContentSecurityPolicy() {
		signIn("officer");
		open("/swagger-ui/index.html");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary")));
		assertThat(page()).contains("/api/v1/partnerships");
		this.browser.findElements(By.cssSelector(".opblock-summary"))
			.stream()
			.filter(summary -> summary.getText().contains("/api/v1/partnerships"))
			.findFirst()
			.orElseThrow()
			.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".responses-wrapper")));
		assertThat(this.browser.findElement(By.cssSelector(".responses-wrapper")).getText()).contains("200");
	}

}
