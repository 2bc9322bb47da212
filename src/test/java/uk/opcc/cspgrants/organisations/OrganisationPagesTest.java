package uk.opcc.cspgrants.organisations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation pages on the shared test database, as an officer and as finance.
 * Organisations made here are called "Test Org ..." and removed afterwards, with the
 * grants of financial year 1999-00 made to show one on a page.
 */
@IntegrationTest
class OrganisationPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeWhatWasMade() {
		this.jdbc.update("delete from organisation_grant_payment where grant_id in "
				+ "(select id from organisation_grant where financial_year = 1999)");
		this.jdbc.update("delete from organisation_grant where financial_year = 1999");
		this.jdbc.update("update award_schedule set status = 'DRAFT', decision_reference = null "
				+ "where financial_year = 1999");
		this.jdbc.update("delete from award_line where schedule_id in "
				+ "(select id from award_schedule where financial_year = 1999)");
		this.jdbc.update("delete from award_schedule where financial_year = 1999");
		this.jdbc.update("delete from plan_theme where plan_id in "
				+ "(select id from police_crime_plan where name = 'Test Org plan')");
		this.jdbc.update("delete from police_crime_plan where name = 'Test Org plan'");
		this.jdbc.update("delete from funding_stream where financial_year = 1999");
		this.jdbc.update("delete from partnership_lead_authority where organisation_id in "
				+ "(select id from organisation where name ilike '%test org%')");
		this.jdbc.update("delete from organisation where name ilike '%test org%'");
	}

	@Test
	void anOfficerAddsACharityAfterCorrectingTheMistakesShownInTheErrorSummary() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/organisations/new").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Add an organisation"),
					containsString("Community interest company"), containsString("GB-LAE-"))));
		this.mvc
			.perform(form(post("/organisations"), officer).param("name", "Test Org Youth Trust")
				.param("charityNumber", "12")
				.param("contactEmail", "not an address")
				.param("address", "1 Main Street"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("href=\"#type\">Choose what kind of organisation it is"),
					containsString("href=\"#charityNumber\">Enter the charity number as 6 to 8 digits"),
					containsString("href=\"#contactEmail\">Enter an email address in the correct format"),
					containsString("value=\"Test Org Youth Trust\""), containsString(">1 Main Street</textarea>"))));
		assertThat(count("Test Org Youth Trust")).isZero();

		this.mvc
			.perform(form(post("/organisations"), officer).param("name", "Test Org Youth Trust")
				.param("type", "CHARITY")
				.param("charityNumber", "1099101")
				.param("contactName", "Sam Smith")
				.param("postcode", "le1 6ab"))
			.andExpect(redirectedUrlPattern("/organisations/*"))
			.andExpect(flash().attribute("success",
					"Test Org Youth Trust has been added with the identifier GB-CHC-1099101"));
		long id = id("Test Org Youth Trust");
		this.mvc.perform(get("/organisations/" + id).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("GB-CHC-1099101"), containsString("LE1 6AB"),
					containsString("Sam Smith"), containsString("No grants have been made to this organisation"),
					containsString("History"), containsString("Change"))));
	}

	@Test
	void aSecondCharityWithTheSameNumberIsRefusedOnTheFieldNamingTheFirst() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		add(officer, "Test Org Street Pastors", "CHARITY", "1099102");
		this.mvc
			.perform(form(post("/organisations"), officer).param("name", "Test Org Pastors of the Street")
				.param("type", "CHARITY")
				.param("charityNumber", "1099102"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString(
					"href=\"#charityNumber\">The charity number 1099102 is already recorded as Test Org Street Pastors"),
					containsString("value=\"Test Org Pastors of the Street\""))));
		assertThat(count("Test Org Pastors of the Street")).isZero();
	}

	@Test
	void aNameLikeAnotherAsksWhetherItIsTheSameOrganisation() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		add(officer, "The Test Org Project", "OTHER", null);
		long first = id("The Test Org Project");
		this.mvc
			.perform(form(post("/organisations"), officer).param("name", "Test Org Project (The)")
				.param("type", "CHARITY")
				.param("contactName", "Jo Bloggs"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("There is already an organisation called <span>The Test Org Project</span>"),
							containsString(
									"href=\"/organisations/" + first + "\">Go to <span>The Test Org Project</span>"),
							containsString("360G-opcc-leics-org-test-org-project"),
							containsString("type=\"hidden\" name=\"contactName\" value=\"Jo Bloggs\""),
							containsString("It is a different organisation: add it"))));
		assertThat(count("Test Org Project (The)")).isZero();

		this.mvc
			.perform(form(post("/organisations"), officer).param("name", "Test Org Project (The)")
				.param("type", "CHARITY")
				.param("contactName", "Jo Bloggs")
				.param("backToForm", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Add an organisation"),
					containsString("value=\"Test Org Project (The)\""), containsString("value=\"Jo Bloggs\""))));

		this.mvc
			.perform(form(post("/organisations"), officer).param("name", "Test Org Project (The)")
				.param("type", "CHARITY")
				.param("despiteSimilarName", "true"))
			.andExpect(flash().attribute("success",
					"Test Org Project (The) has been added with the identifier 360G-opcc-leics-org-test-org-project-2"));
	}

	@Test
	void renamingToANameLikeAnothersAsksFirst() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		add(officer, "Test Org Warning Zone Ltd", "CHARITY", null);
		add(officer, "Test Org Safety Centre", "CHARITY", null);
		long id = id("Test Org Safety Centre");
		this.mvc
			.perform(form(post("/organisations/" + id), officer).param("name", "Test Org Warning Zone")
				.param("type", "CHARITY")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("There is already an organisation called <span>Test Org Warning Zone Ltd</span>"),
					containsString("action=\"/organisations/" + id + "\""),
					containsString("It is a different organisation: save the changes"))));
		this.mvc
			.perform(form(post("/organisations/" + id), officer).param("name", "Test Org Warning Zone")
				.param("type", "CHARITY")
				.param("version", "0")
				.param("backToForm", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Change <span>Test Org Safety Centre</span>"),
					containsString("value=\"Test Org Warning Zone\""))));
		this.mvc
			.perform(form(post("/organisations/" + id), officer).param("name", "Test Org Warning Zone")
				.param("type", "CHARITY")
				.param("version", "0")
				.param("despiteSimilarName", "true"))
			.andExpect(redirectedUrl("/organisations/" + id));
		assertThat(this.jdbc.queryForObject("select identifier from organisation where id = ?", String.class, id))
			.as("an OPCC identifier does not move with the name")
			.isEqualTo("360G-opcc-leics-org-test-org-safety-centre");
	}

	@Test
	void theSecondOfTwoEditorsIsToldWhoChangedItAndKeepsTheirInput() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		add(admin, "Test Org Food Bank", "CHARITY", null);
		long id = id("Test Org Food Bank");
		this.mvc.perform(get("/organisations/" + id + "/edit").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Change <span>Test Org Food Bank</span>")));
		this.mvc
			.perform(form(post("/organisations/" + id), admin).param("name", "Test Org Food Bank")
				.param("type", "CHARITY")
				.param("contactName", "Ada's contact")
				.param("version", "0"))
			.andExpect(redirectedUrl("/organisations/" + id));
		this.mvc
			.perform(form(post("/organisations/" + id), officer).param("name", "Test Org Food Bank")
				.param("type", "CHARITY")
				.param("contactName", "My own typing")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(
					content().string(allOf(containsString("Ada Admin changed Test Org Food Bank after you opened it"),
							containsString("value=\"My own typing\""), containsString("Ada&#39;s contact"))));
		assertThat(this.jdbc.queryForObject("select contact_name from organisation where id = ?", String.class, id))
			.isEqualTo("Ada's contact");
	}

	@Test
	void theLeadAuthorityOfAPartnershipIsChosenOnItsPageAndOnlyOneOrganisationLeadsIt() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long rutland = this.jdbc.queryForObject("select id from partnership where code = 'RUT'", Long.class);
		var kept = this.jdbc.queryForList(
				"select partnership_id, organisation_id from partnership_lead_authority where partnership_id = ?",
				rutland);
		this.jdbc.update("delete from partnership_lead_authority where partnership_id = ?", rutland);
		try {
			add(officer, "Test Org County Council", "LOCAL_AUTHORITY", null);
			add(officer, "Test Org Other Council", "LOCAL_AUTHORITY", null);
			long council = id("Test Org County Council");
			long other = id("Test Org Other Council");
			this.mvc.perform(get("/organisations/" + council + "/lead-authority").session(officer))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						containsString(
								"Which partnerships is <span>Test Org County Council</span> the lead authority of?"),
						containsString(">Rutland</label>"), containsString(">Hinckley &amp; Bosworth</label>"))));
			this.mvc
				.perform(form(post("/organisations/" + council + "/lead-authority"), officer)
					.param("partnershipIds", String.valueOf(rutland))
					.param("version", "0"))
				.andExpect(redirectedUrl("/organisations/" + council))
				.andExpect(flash().attribute("success", "Test Org County Council is the lead authority of Rutland"));
			this.mvc.perform(get("/organisations/" + other + "/lead-authority").session(officer))
				.andExpect(content().string(containsString("Led by <span>Test Org County Council</span>")));
			this.mvc
				.perform(form(post("/organisations/" + other + "/lead-authority"), officer)
					.param("partnershipIds", String.valueOf(rutland))
					.param("version", "0"))
				.andExpect(status().isConflict())
				.andExpect(content().string(allOf(containsString("There is a problem"),
						containsString("Rutland is led by Test Org County Council"))));
			this.mvc.perform(get("/organisations/" + council).session(officer))
				.andExpect(content().string(allOf(containsString("href=\"/partnerships/RUT\">Rutland</a>"),
						containsString("Lead authority of"))));
			this.mvc.perform(get("/organisations").param("search", "test org county").session(officer))
				.andExpect(content().string(allOf(containsString("1 organisation"), containsString("Rutland"),
						not(containsString("Test Org Other Council")))));
		}
		finally {
			this.jdbc.update("delete from partnership_lead_authority where partnership_id = ?", rutland);
			kept.forEach((row) -> this.jdbc.update(
					"insert into partnership_lead_authority (partnership_id, organisation_id) values (?, ?)",
					row.get("partnership_id"), row.get("organisation_id")));
		}
	}

	@Test
	void theListFiltersByKindAndSearchesNamesAndNumbers() throws Exception {
		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		add(officer, "Test Org Nirvana C.I.C", "CIC", null);
		add(officer, "Test Org Warriors", "CHARITY", "1099103");
		this.mvc.perform(get("/organisations").param("type", "CIC").param("search", "Test Org").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Test Org Nirvana C.I.C"),
					not(containsString("Test Org Warriors")), not(containsString("Add an organisation")))));
		this.mvc.perform(get("/organisations").param("search", "test org nirvana cic").session(finance))
			.andExpect(content().string(containsString("Test Org Nirvana C.I.C")));
		this.mvc.perform(get("/organisations").param("search", "1099 103").session(finance))
			.andExpect(content().string(allOf(containsString("Test Org Warriors"), containsString("GB-CHC-1099103"))));
		this.mvc.perform(get("/organisations").param("search", "Test Org 100% not there").session(finance))
			.andExpect(content().string(containsString("No organisations match.")));
		this.mvc.perform(get("/organisations/" + id("Test Org Warriors")).session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("GB-CHC-1099103"), not(containsString("History")),
					not(containsString("/edit")))));
		this.mvc.perform(get("/organisations/new").session(finance)).andExpect(status().isForbidden());
		this.mvc.perform(get("/organisations/999999999").session(finance)).andExpect(status().isNotFound());
	}

	/**
	 * A grant made to an organisation shows on its page: Living Without Abuse's "Space 4
	 * Me" award of £9,076 in EXE 0025/13, with its payment due, and the force's "Alcohol
	 * Liaison" of £36,600, in kind.
	 */
	@Test
	void itsGrantsAreOnItsPage() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		add(officer, "Test Org Living Without Abuse", "CHARITY", null);
		long id = id("Test Org Living Without Abuse");
		long stream = this.jdbc
			.queryForObject("insert into funding_stream (financial_year, name, funder, kind, amount, "
					+ "created_at, created_by) values (1999, 'PCC Community Safety Grant', 'Home Office', 'GRANT', 1649000, "
					+ "now(), 'officer') returning id", Long.class);
		long plan = this.jdbc
			.queryForObject("insert into police_crime_plan (name) values ('Test Org plan') returning id", Long.class);
		long theme = this.jdbc.queryForObject("insert into plan_theme (plan_id, name, position) "
				+ "values (?, 'Protecting the Vulnerable', 1) returning id", Long.class, plan);
		long schedule = this.jdbc.queryForObject(
				"insert into award_schedule (financial_year, title, "
						+ "created_at, updated_at) values (1999, 'Partner funding', now(), now()) returning id",
				Long.class);
		long paid = grant(id, schedule, 1, "Space 4 Me", "9076.00", stream, theme, false);
		// due, not paid: a payment recorded paid is never removed (V41), and this test
		// removes what it made
		this.jdbc.update("insert into organisation_grant_payment (grant_id, starts_on, ends_on, amount) "
				+ "values (?, date '1999-10-01', date '2000-03-31', 9076.00)", paid);
		grant(id, schedule, 2, "Alcohol Liaison", "36600.00", stream, theme, true);
		this.jdbc.update("update award_schedule set status = 'DECIDED', decision_reference = 'EXE0025-13' where id = ?",
				schedule);

		this.mvc.perform(get("/organisations/" + id).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2 grants, latest year first"), containsString("1999-00"),
					containsString("Space 4 Me"), containsString("£9,076.00"), containsString("Alcohol Liaison"),
					containsString("£36,600.00"), containsString("In kind"),
					containsString("href=\"/decisions/EXE0025-13\""),
					// the total row: 9,076 + 36,600 in kind
					containsString("£45,676.00"))));
	}

	private long grant(long organisation, long schedule, int position, String initiative, String amount, long stream,
			long theme, boolean inKind) {
		long line = this.jdbc.queryForObject(
				"insert into award_line (schedule_id, position, organisation_id, "
						+ "initiative, status, stream_id, theme_id, route, in_kind, created_at, created_by) "
						+ "values (?, ?, ?, ?, 'COMMITTED', ?, ?, 'PCC_GRANT', ?, now(), 'officer') returning id",
				Long.class, schedule, position, organisation, initiative, stream, theme, inKind);
		return this.jdbc.queryForObject("insert into organisation_grant (organisation_id, financial_year, "
				+ "award_line_id, initiative, amount, stream_id, theme_id, route, in_kind, decision_reference, "
				+ "created_at) values (?, 1999, ?, ?, cast(? as numeric), ?, ?, 'PCC_GRANT', ?, 'EXE0025-13', now()) "
				+ "returning id", Long.class, organisation, line, initiative, amount, stream, theme, inKind);
	}

	private void add(MockHttpSession session, String name, String type, String charityNumber) throws Exception {
		MockHttpServletRequestBuilder request = form(post("/organisations"), session).param("name", name)
			.param("type", type);
		if (charityNumber != null) {
			request.param("charityNumber", charityNumber);
		}
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, MockHttpSession session) {
		return request.session(session).with(csrf());
	}

	private long count(String name) {
		return this.jdbc.queryForObject("select count(*) from organisation where name = ?", Long.class, name);
	}

	private long id(String name) {
		return this.jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
	}

}
