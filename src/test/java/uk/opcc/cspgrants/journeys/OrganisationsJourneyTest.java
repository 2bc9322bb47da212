package uk.opcc.cspgrants.journeys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer records a council and a charity in Chromium: the identifier each is
 * published under, the warning when a name is spelled like one already recorded, the lead
 * authority of a CSP, and a change of contact; finance then finds the charity by its
 * number but cannot change it.
 */
class OrganisationsJourneyTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	private List<Map<String, Object>> keptLeads = List.of();

	@AfterEach
	void removeTheTestOrganisations() {
		this.database.update("delete from partnership_lead_authority where organisation_id in "
				+ "(select id from organisation where name ilike '%test org%')");
		this.keptLeads.forEach((row) -> this.database.update(
				"insert into partnership_lead_authority (partnership_id, organisation_id) values (?, ?)",
				row.get("partnership_id"), row.get("organisation_id")));
		this.database.update("delete from organisation where name ilike '%test org%'");
	}

	@Test
	void anOfficerRecordsACouncilAndACharityAndFinanceFindsThem() {
		long melton = this.database.queryForObject("select id from partnership where code = 'MEL'", Long.class);
		this.keptLeads = this.database.queryForList(
				"select partnership_id, organisation_id from partnership_lead_authority where partnership_id = ?",
				melton);
		this.database.update("delete from partnership_lead_authority where partnership_id = ?", melton);

		signIn("officer");
		follow("Organisations");
		assertThat(heading()).isEqualTo("Organisations");
		follow("Add an organisation");
		type("name", "Test Org Borough Council");
		clickLabel("Local authority");
		type("localAuthorityCode", "zzm");
		press("Add organisation");
		assertThat(heading()).isEqualTo("Test Org Borough Council");
		assertThat(page()).contains("Test Org Borough Council has been added with the identifier GB-LAE-ZZM");

		clickAndWaitForNextPage(By.xpath("//a[contains(@href, '/lead-authority')]"));
		clickLabel("Melton");
		press("Save");
		assertThat(page()).contains("Test Org Borough Council is the lead authority of Melton");

		follow("Back to organisations");
		follow("Add an organisation");
		type("name", "Test Org Youth Trust");
		clickLabel("Charity");
		type("charityNumber", "1099 301");
		press("Add organisation");
		assertThat(page()).contains("Test Org Youth Trust has been added with the identifier GB-CHC-1099301");

		follow("Back to organisations");
		follow("Add an organisation");
		type("name", "The Test Org Youth Trust Ltd");
		clickLabel("Charity");
		press("Add organisation");
		assertThat(heading()).isEqualTo("There is already an organisation called Test Org Youth Trust");
		follow("Go to Test Org Youth Trust");
		assertThat(heading()).isEqualTo("Test Org Youth Trust");

		clickAndWaitForNextPage(By.xpath("//a[@role='button' and contains(@href, '/edit')]"));
		type("contactName", "Sam Smith");
		type("contactEmail", "sam@example");
		press("Save changes");
		assertThat(page()).contains("Enter an email address in the correct format");
		type("contactEmail", "sam@example.org");
		press("Save changes");
		assertThat(page()).contains("The changes to Test Org Youth Trust have been saved", "sam@example.org");
		assertThat(this.database.queryForObject("select count(*) from organisation where name ilike '%test org youth%'",
				Long.class))
			.isEqualTo(1);

		signOut();
		signIn("finance");
		follow("Organisations");
		type("search", "1099301");
		press("Search");
		assertThat(page()).contains("1 organisation", "GB-CHC-1099301").doesNotContain("Add an organisation");
		follow("Test Org Youth Trust");
		assertThat(page()).contains("Sam Smith");
		assertThat(this.browser
			.findElements(By.xpath("//a[contains(@href, '/edit') or contains(@href, '/lead-authority')]")))
			.as("finance cannot change an organisation")
			.isEmpty();
	}

	private void clickLabel(String text) {
		this.browser.findElement(By.xpath("//label[normalize-space()='" + text + "']")).click();
	}

}
