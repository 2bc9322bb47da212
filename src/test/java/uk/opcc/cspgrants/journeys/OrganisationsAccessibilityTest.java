package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (WCAG 2.2 AA, serious and critical) and reflow at 320 px on every organisation
 * page: the list, adding one, a refused form, the similar-name check page, an
 * organisation's page, changing it, and its lead authority page with a refusal. The
 * organisations are made here as "Test Org ..." and removed afterwards.
 */
class OrganisationsAccessibilityTest extends JourneyTest {

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
	void theOrganisationPagesHaveNoSeriousOrCriticalAccessibilityViolations() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		long council = organisation("Test Org City Council", "LOCAL_AUTHORITY", "GB-LAE-ZZQ");
		long other = organisation("Test Org Other Council", "LOCAL_AUTHORITY", "360G-opcc-leics-org-test-org-other");
		long rutland = this.database.queryForObject("select id from partnership where code = 'RUT'", Long.class);
		this.keptLeads = this.database.queryForList(
				"select partnership_id, organisation_id from partnership_lead_authority where partnership_id = ?",
				rutland);
		this.database.update("delete from partnership_lead_authority where partnership_id = ?", rutland);
		this.database.update("insert into partnership_lead_authority (partnership_id, organisation_id) values (?, ?)",
				rutland, council);

		signIn("officer");
		for (String path : List.of("/organisations", "/organisations?type=LOCAL_AUTHORITY&search=test+org",
				"/organisations/new", "/organisations/" + council, "/organisations/" + council + "/edit",
				"/organisations/" + other + "/lead-authority")) {
			check(path, axe, problems);
		}

		open("/organisations/new");
		type("name", "Test Org");
		type("charityNumber", "12");
		press("Add organisation");
		assertThat(page()).contains("There is a problem");
		checkThisPage("a refused new organisation", axe, problems);

		open("/organisations/new");
		type("name", "The Test Org City Council");
		this.browser.findElement(By.xpath("//label[normalize-space()='Local authority']")).click();
		press("Add organisation");
		assertThat(heading()).isEqualTo("There is already an organisation called Test Org City Council");
		checkThisPage("the similar-name check page", axe, problems);

		open("/organisations/" + other + "/lead-authority");
		this.browser.findElement(By.xpath("//label[normalize-space()='Rutland']")).click();
		press("Save");
		assertThat(page()).contains("Rutland is led by Test Org City Council");
		checkThisPage("a refused lead authority", axe, problems);

		assertThat(problems).as("accessibility problems on the organisation pages").isEmpty();
	}

	private long organisation(String name, String type, String identifier) {
		return this.database.queryForObject(
				"insert into organisation (name, type, identifier, local_authority_code, "
						+ "created_at, updated_at) values (?, ?, ?, ?, now(), now()) returning id",
				Long.class, name, type, identifier, identifier.startsWith("GB-LAE-") ? identifier.substring(7) : null);
	}

}
