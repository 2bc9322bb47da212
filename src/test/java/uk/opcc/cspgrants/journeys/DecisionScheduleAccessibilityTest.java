package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.DecidedScheduleFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core and reflow on every page of putting the award schedule to a decision and of
 * grants to other recipients: the check page and its refusal, a draft record with the
 * schedule attached, the grants schedule's section, a grant's page, the payments page's
 * section, and finance's "record payment" page and its refusal. The schedule of 2064-65,
 * a draft record of it and two of its grants are written straight into the shared
 * database and removed afterwards (nothing here is decided, so everything can be).
 */
class DecisionScheduleAccessibilityTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	@Test
	void theDecisionAndGrantPagesHaveNoSeriousOrCriticalViolations() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		List<Long> organisationsBefore = this.database.queryForList("select id from organisation", Long.class);
		long schedule = DecidedScheduleFixture.insert(this.database, 2064);
		try {
			this.database.update("insert into decision_record (reference, reference_year, sequence, title, "
					+ "decision_date, summary, recommendations, attachment_type, attachment_ref, status, created_at, "
					+ "created_by) values ('EXE0001-64', 2064, 1, 'Police and Crime Commissioner Partner Funding 2064-65', "
					+ "date '2064-08-27', 'Summary', 'Recommendations', 'AWARD_SCHEDULE', ?, 'DRAFT', now(), 'officer')",
					String.valueOf(schedule));
			long dip = grant(schedule, 2, "215478.00");
			long icsb = grant(schedule, 10, "77500.00");
			long payment = this.database
				.queryForObject("select min(id) from organisation_grant_payment where grant_id = ?", Long.class, icsb);

			signIn("officer");
			check("/commissioning/2064-65/schedule/decision", axe, problems);
			this.browser.executeScript("document.querySelector('input[name=version]').value = '99'");
			// the draft record written above holds the schedule as a record sent back
			press("Attach the schedule again");
			assertThat(page()).contains("There is a problem", "changed by someone else");
			checkThisPage("/commissioning/2064-65/schedule/decision refused", axe, problems);
			check("/decisions/EXE0001-64", axe, problems);
			assertThat(page()).contains("Total Leicester City Council");
			signOut();

			signIn("finance");
			check("/grants?year=2064-65", axe, problems);
			assertThat(page()).contains("Grants to other recipients", "£292,978.00");
			check("/grants/2064-65/organisations/" + dip, axe, problems);
			check("/monitoring/payments?year=2064-65", axe, problems);
			assertThat(page()).contains("Payments to other recipients");
			check("/monitoring/payments/organisations/" + payment, axe, problems);
			press("Record as paid");
			assertThat(page()).contains("There is a problem", "Enter the date the payment was made");
			assertThat(this.browser.findElements(By.cssSelector(".govuk-error-message"))).hasSize(2);
			checkThisPage("/monitoring/payments/organisations/" + payment + " refused", axe, problems);
		}
		finally {
			this.database.update("delete from organisation_grant_payment where grant_id in "
					+ "(select id from organisation_grant where financial_year = 2064)");
			this.database.update("delete from organisation_grant where financial_year = 2064");
			this.database.update("delete from decision_record where reference = 'EXE0001-64'");
			DecidedScheduleFixture.remove(this.database, 2064, organisationsBefore);
		}
		assertThat(problems).as("accessibility violations").isEmpty();
	}

	private long grant(long schedule, int position, String amount) {
		long grant = this.database.queryForObject("insert into organisation_grant (organisation_id, financial_year, "
				+ "award_line_id, initiative, amount, stream_id, theme_id, route, in_kind, decision_reference, "
				+ "created_at) select l.organisation_id, 2064, l.id, l.initiative, ?::numeric, l.stream_id, l.theme_id, "
				+ "l.route, l.in_kind, 'EXE0001-64', now() from award_line l where l.schedule_id = ? and l.position = ? "
				+ "returning id", Long.class, amount, schedule, position);
		this.database.update("insert into organisation_grant_payment (grant_id, starts_on, ends_on, amount) "
				+ "select ?, p.starts_on, p.ends_on, p.amount from award_line_period p join award_line l on "
				+ "l.id = p.line_id where l.schedule_id = ? and l.position = ?", grant, schedule, position);
		return grant;
	}

}
