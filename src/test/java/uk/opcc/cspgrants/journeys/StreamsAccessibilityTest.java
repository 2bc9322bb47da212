package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core and reflow on every funding stream and plan page, with data on them and with
 * refused forms: no serious or critical violation of WCAG 2.2 AA at 1366 px and 320 px.
 * What the test adds (in 2011-12, and one stream of 2024-25 to offer the demo's approved
 * run) is removed after it.
 */
class StreamsAccessibilityTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	@Test
	void theStreamAndPlanPagesHaveNoSeriousOrCriticalViolations() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		long stream = this.database.queryForObject("insert into funding_stream (financial_year, name, funder, kind, "
				+ "amount, conditions, ring_fenced, created_at, created_by) values (2011, 'PCC Community Safety Grant', "
				+ "'Home Office', 'GRANT', 1649000, 'Spent on the Police and Crime Plan''s priorities', true, now(), "
				+ "'test') returning id", Long.class);
		this.database.update("insert into funding_stream (financial_year, name, funder, kind, amount, created_at, "
				+ "created_by) values (2011, 'Use of Budget Equalisation Reserve', 'Police and Crime Commissioner', "
				+ "'RESERVE', 294994, now(), 'test')");
		this.database.update("insert into funding_stream_change (stream_id, amount_before, amount_after, reason, "
				+ "changed_by, changed_at) values (?, 1650000, 1649000, 'Home Office letter', 'Olu Officer', now())",
				stream);
		long current = this.database.queryForObject("insert into funding_stream (financial_year, name, funder, kind, "
				+ "amount, created_at, created_by) values (2024, 'Accessibility test stream', 'Home Office', 'GRANT', "
				+ "500000, now(), 'test') returning id", Long.class);
		long plan = this.database.queryForObject("insert into police_crime_plan (name, published_on) values "
				+ "('Accessibility test plan', date '2013-03-31') returning id", Long.class);
		this.database.update("insert into plan_theme (plan_id, name, kind, position) values "
				+ "(?, 'Reoffending and Offending', 'THEME', 1), (?, 'All themes', 'ALL', 2)", plan, plan);
		try {
			signIn("officer");
			check("/commissioning/2011-12/streams", axe, problems);
			check("/commissioning/2011-12/streams/" + stream, axe, problems);
			check("/commissioning/2011-12/streams/new", axe, problems);
			press("Add the stream");
			checkThisPage("a refused new stream", axe, problems);
			check("/commissioning/2011-12/streams/" + stream + "/change", axe, problems);
			press("Continue");
			checkThisPage("a refused change of a stream", axe, problems);
			this.browser.findElement(By.id("direction-REDUCE")).click();
			type("amount", "1,000");
			type("reason", "In-year reduction");
			press("Continue");
			assertThat(heading()).isEqualTo("Check the change before you make it");
			checkThisPage("the check page of a change", axe, problems);
			check("/commissioning/2024-25/streams/" + current + "/runs", axe, problems);
			press("Link the run");
			checkThisPage("a refused link of a formula run", axe, problems);
			check("/commissioning/plans", axe, problems);
			check("/commissioning/plans/" + plan, axe, problems);
			type("themeName", "");
			press("Add the theme");
			checkThisPage("a refused new theme", axe, problems);
			check("/commissioning/plans/new", axe, problems);
			press("Add the plan");
			checkThisPage("a refused new plan", axe, problems);
			check("/commissioning/2011-12/plan", axe, problems);
			press("Adopt the plan");
			checkThisPage("a refused adoption of a plan", axe, problems);
		}
		finally {
			this.database.update("delete from commissioning_year where financial_year = 2011");
			this.database.update("delete from plan_theme where plan_id = ?", plan);
			this.database.update("delete from police_crime_plan where id = ?", plan);
			this.database.update("delete from formula_run_stream where stream_id = ?", current);
			this.database.update("delete from funding_stream_change where stream_id in "
					+ "(select id from funding_stream where financial_year = 2011 or id = ?)", current);
			this.database.update("delete from funding_stream where financial_year = 2011 or id = ?", current);
		}
		assertThat(problems).isEmpty();
	}

}
