package uk.opcc.cspgrants.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.spreadsheet.ImportYearRows;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule's import pages in the browser, checked by axe-core at both widths: the
 * upload page, a refused upload, the check page of the seed's table (97 lines, its
 * discrepancies, a form field per line) and a refused confirmation.
 */
class SpreadsheetAccessibilityTest extends JourneyTest {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void year() {
		ImportYearRows.add(this.jdbc);
	}

	@AfterEach
	void clean() {
		ImportYearRows.remove(this.jdbc);
	}

	@Test
	void theImportPagesHaveNoSeriousOrCriticalViolations() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		Path folder = Files.createTempDirectory("schedule");
		Path wrong = folder.resolve("grants.csv");
		Files.writeString(wrong, "Partnership,Allocation\nBlaby,100\n");
		Path seed = folder.resolve("exe-0025-13-schedule.csv");
		Files.write(seed, new ClassPathResource("demo/exe-0025-13-schedule.csv").getContentAsByteArray());

		signIn("officer");
		String path = "/commissioning/" + ImportYearRows.YEAR + "/schedule/import";
		check(path, axe, problems);
		this.browser.findElement(By.id("file")).sendKeys(wrong.toString());
		press("Upload and check");
		assertThat(page()).contains("grants.csv does not have the schedule's columns");
		checkThisPage("a refused upload", axe, problems);

		this.browser.findElement(By.id("file")).sendKeys(seed.toString());
		press("Upload and check");
		assertThat(heading()).isEqualTo("Check the import");
		checkThisPage("the check page of the seed's table", axe, problems);

		type("recipient-0", "");
		press("Import 97 lines");
		assertThat(page()).contains("There is a problem", "Enter the recipient of row 4");
		checkThisPage("a refused confirmation", axe, problems);
		assertThat(problems).isEmpty();
	}

}
