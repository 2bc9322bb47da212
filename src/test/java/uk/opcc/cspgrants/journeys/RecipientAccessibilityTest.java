package uk.opcc.cspgrants.journeys;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.RecipientFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core and reflow on every page of recipients' returns, as a recipient's contact and
 * as an officer: the list ("Your returns" and every grant's), a return's form, a refused
 * form, the check page, the officer's accept and return-for-correction check pages, a
 * refused return for correction, the home page of a recipient contact, the user page with
 * the organisation link and the year end with its section for other recipients. The
 * grants of {@link RecipientFixture} are made in 2022-23 and removed again.
 */
class RecipientAccessibilityTest extends JourneyTest {

	@Autowired
	JdbcTemplate database;

	@Test
	void recipientsReturnsPagesHaveNoSeriousOrCriticalAccessibilityViolations() throws Exception {
		String axe = axe();
		List<String> problems = new ArrayList<>();
		RecipientFixture.Made made = RecipientFixture.make(this.database, 2022, "EXE0031-22");
		RecipientFixture.contact(this.database, RecipientFixture.CONTACT, RecipientFixture.CONTACT_NAME,
				made.organisationId());
		String q1 = "/monitoring/organisations/" + made.grantId() + "/Q1";
		try {
			signIn(RecipientFixture.CONTACT);
			check("/", axe, problems);
			check("/monitoring/organisations?year=2022-23", axe, problems);
			check(q1, axe, problems);
			type("spendToDate", "lots");
			press("Save draft");
			checkThisPage("a refused return for a grant to an organisation", axe, problems);
			type("spendToDate", "12,000.00");
			type("outcomes", "85 people in treatment");
			press("Continue to submit");
			checkThisPage("the check page of a return for a grant to an organisation", axe, problems);
			press("Submit the return");
			checkThisPage("a submitted return for a grant to an organisation", axe, problems);
			signOut();

			signIn("admin");
			check("/monitoring/organisations?year=2022-23", axe, problems);
			check(q1, axe, problems);
			check(q1 + "/accept", axe, problems);
			check(q1 + "/return-for-correction", axe, problems);
			press("Return for correction");
			checkThisPage("a refused return for correction", axe, problems);
			check("/underspend?year=2022-23", axe, problems);
			long contact = this.database.queryForObject("select id from app_user where username = ?", Long.class,
					RecipientFixture.CONTACT);
			check("/admin/users/" + contact, axe, problems);
			check("/admin/users/new", axe, problems);
		}
		finally {
			RecipientFixture.remove(this.database, made);
		}
		assertThat(problems).isEmpty();
	}

}
