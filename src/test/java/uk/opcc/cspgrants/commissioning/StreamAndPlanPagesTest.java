package uk.opcc.cspgrants.commissioning;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funding stream and plan pages and API on the shared demo database, in 2010-11 (a
 * year no other test commissions in); everything a test adds is removed after it.
 */
@IntegrationTest
class StreamAndPlanPagesTest {

	private static final String YEAR = "2010-11";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeWhatTheTestAdded() {
		this.jdbc.update("update award_schedule set status = 'DRAFT', decision_reference = null "
				+ "where financial_year = 2010");
		this.jdbc.update("delete from award_line_period where line_id in (select l.id from award_line l "
				+ "join award_schedule s on s.id = l.schedule_id where s.financial_year = 2010)");
		this.jdbc.update("update award_line set replaces_line_id = null where schedule_id in "
				+ "(select id from award_schedule where financial_year = 2010)");
		this.jdbc.update(
				"delete from award_line where schedule_id in (select id from award_schedule where financial_year = 2010)");
		this.jdbc.update("delete from award_schedule where financial_year = 2010");
		this.jdbc.update("delete from commissioning_year where financial_year = 2010");
		this.jdbc.update("delete from plan_theme where plan_id in (select id from police_crime_plan "
				+ "where name like 'Pages test plan%')");
		this.jdbc.update("delete from police_crime_plan where name like 'Pages test plan%'");
		this.jdbc.update("delete from funding_stream_change where stream_id in "
				+ "(select id from funding_stream where financial_year = 2010)");
		this.jdbc.update("delete from formula_run_stream where stream_id in "
				+ "(select id from funding_stream where financial_year = 2010)");
		this.jdbc.update("delete from funding_stream where financial_year = 2010");
		this.jdbc.update("delete from organisation where identifier = '360G-opcc-leics-org-pages-test'");
	}

	@Test
	void theThreeStreamsOfTheDecisionRecordAreTheYearsCommissioningBudget() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		addStream(officer, "PCC Community Safety Grant", "Home Office", "GRANT", "£1,649,000");
		addStream(officer, "Former Police Force Partnership funding", "Leicestershire Police", "FORCE", "1305029");
		addStream(officer, "Use of Budget Equalisation Reserve", "Police and Crime Commissioner", "RESERVE",
				"294,994.00");
		this.mvc.perform(get("/commissioning/" + YEAR + "/streams").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"sub-total\">£2,954,029.00<"),
					containsString("<strong>£3,249,023.00</strong>"),
					containsString("Use of Budget Equalisation Reserve"),
					containsString("id=\"unallocated\">£3,249,023.00<"))));
		this.mvc
			.perform(get("/api/v1/commissioning/" + YEAR + "/streams").with(httpBasic("finance", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subTotal").value("2954029.00"))
			.andExpect(jsonPath("$.total").value("3249023.00"))
			.andExpect(jsonPath("$.rows[2].stream.kind").value("RESERVE"));
		this.mvc
			.perform(post("/commissioning/" + YEAR + "/streams").session(officer)
				.with(csrf())
				.param("name", "pcc community safety grant")
				.param("funder", "Home Office")
				.param("kind", "GRANT")
				.param("amount", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(
					"2010-11 already has a funding stream called " + "PCC Community Safety Grant (£1,649,000.00)")));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where entity_type = 'FundingStream' "
				+ "and action = 'CREATE' and after_json ->> 'year' = '2010-11'", Long.class))
			.isEqualTo(3);
	}

	@Test
	void aNewStreamThatCannotBeSavedIsShownAgainWithEachMessageOnItsFieldAndWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/commissioning/" + YEAR + "/streams").session(SignIn.as(this.mvc, "finance"))
				.with(csrf())
				.param("name", "Typed name")
				.param("funder", "")
				.param("kind", "GRANT")
				.param("amount", "12.345"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#funder\""), containsString("href=\"#amount\""),
					containsString("value=\"Typed name\""), containsString("value=\"12.345\""))));
		assertThat(
				this.jdbc.queryForObject("select count(*) from funding_stream where financial_year = 2010", Long.class))
			.isZero();
	}

	@Test
	void aReductionBelowTheCountedLinesIsRefusedAndOneWithinThemIsCheckedThenMadeOnce() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long stream = addStream(officer, "Community Safety Fund", "Home Office", "GRANT", "100000");
		long plan = plan(officer, "Pages test plan A", "Protecting the Vulnerable\nReoffending and Offending");
		long theme = theme(plan, 1);
		long schedule = schedule();
		long organisation = organisation();
		// replaced line (not counted) 15,000 + 15,000; its replacement 20,000 + 20,000;
		// another line 10,000: allocated by hand = 40,000 + 10,000 = 50,000
		long replaced = line(schedule, 1, organisation, stream, theme, null, "15000", "15000");
		line(schedule, 2, organisation, stream, theme, replaced, "20000", "20000");
		line(schedule, 3, organisation, stream, theme, null, "10000", "0");

		this.mvc
			.perform(post("/commissioning/" + YEAR + "/streams/" + stream + "/change/check").session(officer)
				.with(csrf())
				.param("direction", "REDUCE")
				.param("amount", "50,000.01")
				.param("reason", "Home Office in-year cut")
				.param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#amount\""),
					containsString("less than the £50,000.00 already allocated from it (award lines £50,000.00 and "
							+ "formula pots £0.00). Reduce it by £50,000.00 or less"),
					containsString("value=\"50,000.01\""), containsString("Home Office in-year cut"))));
		this.mvc
			.perform(post("/commissioning/" + YEAR + "/streams/" + stream + "/change/check").session(officer)
				.with(csrf())
				.param("direction", "REDUCE")
				.param("amount", "50000")
				.param("reason", "Home Office in-year cut")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Check the change before you make it"),
					containsString("id=\"after\">£50,000.00<"), containsString("Reduce the stream"))));
		assertThat(amount(stream)).as("the check page changes nothing").isEqualTo("100000.00");

		this.mvc
			.perform(post("/commissioning/" + YEAR + "/streams/" + stream + "/change").session(officer)
				.with(csrf())
				.param("direction", "REDUCE")
				.param("amount", "50000")
				.param("reason", "Home Office in-year cut")
				.param("version", "0"))
			.andExpect(status().isFound());
		assertThat(amount(stream)).isEqualTo("50000.00");
		this.mvc.perform(get("/commissioning/" + YEAR + "/streams/" + stream).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Reduce by £50,000.00"),
					containsString("Home Office in-year cut"), containsString("id=\"unallocated\">£0.00<"))));
		this.mvc
			.perform(post("/commissioning/" + YEAR + "/streams/" + stream + "/change").session(officer)
				.with(csrf())
				.param("direction", "TOP_UP")
				.param("amount", "1")
				.param("reason", "Stale page")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Community Safety Fund was changed by Olu Officer on"),
					containsString("reduce by £50,000.00: Home Office in-year cut"), containsString("Stale page"))));
		assertThat(amount(stream)).isEqualTo("50000.00");
		assertThat(this.jdbc.queryForList("select action from audit_event where entity_type = 'FundingStream' "
				+ "and entity_id = ? and action <> 'CREATE'", String.class, String.valueOf(stream)))
			.containsExactly("REDUCE");
	}

	@Test
	void aThemeAnAwardLinksToKeepsItsNameAndTheYearKeepsItsPlan() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long first = plan(officer, "Pages test plan 2013",
				"Reoffending and Offending\nMaking our Communities and Neighbourhoods Safer\nProtecting the Vulnerable");
		assertThat(this.jdbc.queryForList(
				"select name || ':' || kind from plan_theme where plan_id = ? order by position", String.class, first))
			.containsExactly("Reoffending and Offending:THEME", "Making our Communities and Neighbourhoods Safer:THEME",
					"Protecting the Vulnerable:THEME", "All themes:ALL", "Discretionary:DISCRETIONARY");
		this.mvc
			.perform(post("/commissioning/" + YEAR + "/plan").session(officer)
				.with(csrf())
				.param("planId", String.valueOf(first)))
			.andExpect(status().isFound());
		long stream = addStream(officer, "Community Safety Fund", "Home Office", "GRANT", "100000");
		long used = theme(first, 3);
		line(schedule(), 1, organisation(), stream, used, null, "1000", "0");

		this.mvc
			.perform(post("/commissioning/plans/" + first + "/themes/rename").session(officer)
				.with(csrf())
				.param("themeId", String.valueOf(used))
				.param("themeName", "Vulnerable people")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("Protecting the Vulnerable is linked to 1 award line and keeps its name"),
						containsString("value=\"Vulnerable people\""))));
		this.mvc
			.perform(post("/commissioning/plans/" + first + "/themes/rename").session(officer)
				.with(csrf())
				.param("themeId", String.valueOf(theme(first, 1)))
				.param("themeName", "Reducing Reoffending")
				.param("version", "0"))
			.andExpect(status().isFound());
		assertThatThrownBy(() -> this.jdbc.update("update plan_theme set name = 'Renamed in SQL' where id = ?", used))
			.as("the database keeps the rule too")
			.hasMessageContaining("is linked to award lines and cannot be renamed");

		long later = plan(officer, "Pages test plan 2017", "Safer communities");
		this.mvc
			.perform(post("/commissioning/" + YEAR + "/plan").session(officer)
				.with(csrf())
				.param("planId", String.valueOf(later))
				.param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(
					"2010-11&#39;s 1 award line links to the themes of Pages test plan 2013, so the year keeps that plan")));
		this.mvc.perform(get("/commissioning/plans/" + first).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Keeps its name: awards link to it"),
					containsString("Reducing Reoffending"), not(containsString("Renamed in SQL")))));
		this.mvc
			.perform(get("/api/v1/commissioning/" + YEAR + "/plan").with(httpBasic("monitoring", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.planName").value("Pages test plan 2013"));
	}

	private long addStream(MockHttpSession session, String name, String funder, String kind, String amount)
			throws Exception {
		MvcResult result = this.mvc
			.perform(post("/commissioning/" + YEAR + "/streams").session(session)
				.with(csrf())
				.param("name", name)
				.param("funder", funder)
				.param("kind", kind)
				.param("amount", amount))
			.andExpect(status().isFound())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long plan(MockHttpSession session, String name, String priorities) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/commissioning/plans").session(session)
				.with(csrf())
				.param("name", name)
				.param("priorities", priorities)
				.param("allThemes", "true")
				.param("discretionary", "true")
				.param("publishedOn.day", "31")
				.param("publishedOn.month", "3")
				.param("publishedOn.year", "2013"))
			.andExpect(status().isFound())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long theme(long plan, int position) {
		return this.jdbc.queryForObject("select id from plan_theme where plan_id = ? and position = ?", Long.class,
				plan, position);
	}

	private long schedule() {
		List<Long> existing = this.jdbc.queryForList("select id from award_schedule where financial_year = 2010",
				Long.class);
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		return this.jdbc.queryForObject("insert into award_schedule (financial_year, title, created_at, updated_at) "
				+ "values (2010, 'Pages test', now(), now()) returning id", Long.class);
	}

	private long organisation() {
		List<Long> existing = this.jdbc.queryForList(
				"select id from organisation where identifier = '360G-opcc-leics-org-pages-test'", Long.class);
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		return this.jdbc.queryForObject("insert into organisation (name, type, identifier, created_at, updated_at) "
				+ "values ('Pages Test Charity', 'CHARITY', '360G-opcc-leics-org-pages-test', now(), now()) returning id",
				Long.class);
	}

	private long line(long schedule, int position, long organisation, long stream, long theme, Long replaces,
			String firstHalf, String secondHalf) {
		long line = this.jdbc.queryForObject(
				"insert into award_line (schedule_id, position, organisation_id, initiative, status, stream_id, "
						+ "theme_id, route, replaces_line_id, created_at, created_by) "
						+ "values (?, ?, ?, 'Initiative', 'COMMITTED', ?, ?, 'DIRECT', ?, now(), 'test') returning id",
				Long.class, schedule, position, organisation, stream, theme, replaces);
		this.jdbc.update(
				"insert into award_line_period (line_id, position, starts_on, ends_on, amount) values "
						+ "(?, 1, date '2010-04-01', date '2010-09-30', ?::numeric), "
						+ "(?, 2, date '2010-10-01', date '2011-03-31', ?::numeric)",
				line, firstHalf, line, secondHalf);
		return line;
	}

	private String amount(long stream) {
		return this.jdbc.queryForObject("select amount::text from funding_stream where id = ?", String.class, stream);
	}

}
