package uk.opcc.cspgrants.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail and a record's history say what happened in sentences with people's
 * names; the codes and JSON as stored are only in the folded detail of the audit trail.
 */
@IntegrationTest
class AuditPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theAuditTrailOfTheDemoDataIsInSentences() throws Exception {
		String run = this.jdbc.queryForObject("select entity_id from audit_event where action = 'APPROVE' "
				+ "and entity_type = 'FormulaRun' and actor = 'finance' and after_json ->> 'year' = '2024-25' "
				+ "and (after_json ->> 'pot')::numeric = 97905.00 order by id limit 1", String.class);
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		String page = this.mvc
			.perform(get("/admin/audit").param("entityType", "FormulaRun").param("entityId", run).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Fran Finance approved formula run " + run + " for 2024-25",
				"Status: Draft → Approved", "Approved by: none → Fran Finance", "<option value=\"FormulaRun\" selected",
				">Formula run</option>", ">Fran Finance</option>", "The record as stored");
		String shown = withoutDetails(page);
		assertThat(shown).doesNotContain("CREATE", "APPROVE", "ADD_LINE", "{\"", ">finance<", ">officer<");

		String everything = withoutDetails(this.mvc.perform(get("/admin/audit").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(everything).doesNotContain("CREATE", "ADD_LINE", "{\"", "Grant 1");
	}

	@Test
	void aDateThatIsNoDateIsRefusedOnItsFieldWithWhatWasTyped() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		String page = this.mvc
			.perform(get("/admin/audit").param("from.day", "31")
				.param("from.month", "2")
				.param("from.year", "2024")
				.param("to.day", "1")
				.param("to.month", "")
				.param("to.year", "2024")
				.session(admin))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem", "href=\"#from\">The first day must be a real date",
				"href=\"#to\">The last day must include a month", "govuk-form-group--error",
				"name=\"from.day\" type=\"text\"", "value=\"31\"");
	}

	@Test
	void theDatesFilterTheTrailToTheDaysChosen() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		String page = this.mvc
			.perform(get("/admin/audit").param("from.day", "1")
				.param("from.month", "1")
				.param("from.year", "2020")
				.param("to.day", "31")
				.param("to.month", "12")
				.param("to.year", "2020")
				.session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("No entries match these filters.", "value=\"2020\"");
	}

	/** The page without its folded details, where the record as stored is. */
	private static String withoutDetails(String page) {
		return page.replaceAll("(?s)<details.*?</details>", "");
	}

}
