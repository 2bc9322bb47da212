package uk.opcc.cspgrants.rounds.deciding;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.Outcome;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.rounds.RoundAtPanel;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSP business-case route: two partnerships made for the test, Testshire (whose lead
 * authority the register links, Testshire District Council at 1 Council Way) and Otherby
 * (whose record names Otherby Borough Council, not in the register). An applicant's
 * business case chooses its partnership, and its lead authority is its organisation; only
 * a business case names a partnership, and one is submitted only once it does. Decided,
 * each award line and grant names the partnership and is paid to the lead authority (the
 * register's, else the one added by name), and a schedule line planned for the round
 * under the partnership's own name is replaced. In 1983-84.
 */
@IntegrationTest
class BusinessCaseRoundTest {

	private static final FinancialYear YEAR = FinancialYear.parse("1983-84");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	DecisionManagement decisions;

	private long testshire;

	private long otherby;

	private long council;

	private RoundFixture fixture;

	private RoundAtPanel atPanel;

	@BeforeEach
	void partnerships() {
		this.testshire = this.jdbc.queryForObject("insert into partnership (name, code, lead_authority) "
				+ "values ('Testshire', 'TSTBC', 'Testshire District Council') returning id", Long.class);
		this.otherby = this.jdbc.queryForObject("insert into partnership (name, code, lead_authority) "
				+ "values ('Otherby', 'OTHBC', 'Otherby Borough Council') returning id", Long.class);
		this.council = this.jdbc.queryForObject(
				"insert into organisation (name, type, identifier, address, postcode, created_at, updated_at) "
						+ "values ('Testshire District Council', 'LOCAL_AUTHORITY', 'GB-LAE-TSTBC', '1 Council Way', "
						+ "'TS1 1AA', now(), now()) returning id",
				Long.class);
		this.jdbc.update("insert into partnership_lead_authority (partnership_id, organisation_id) values (?, ?)",
				this.testshire, this.council);
	}

	@AfterEach
	void remove() {
		if (this.atPanel != null) {
			this.atPanel.remove(this.owner);
		}
		if (this.fixture != null) {
			this.fixture.remove(this.owner);
			ApplicantFixture.remove(this.jdbc);
		}
		JdbcTemplate asOwner = new JdbcTemplate(this.owner);
		asOwner.update("delete from partnership_lead_authority where partnership_id in (?, ?)", this.testshire,
				this.otherby);
		asOwner.update("delete from organisation where name in ('Testshire District Council', 'Council 3', "
				+ "'Testshire Community Safety Partnership')");
		asOwner.update("delete from partnership where id in (?, ?)", this.testshire, this.otherby);
	}

	@Test
	void aBusinessCaseChoosesItsPartnershipAndItsLeadAuthorityIsTheOrganisation() throws Exception {
		this.fixture = new RoundFixture(this.jdbc, YEAR);
		this.fixture.openRound("CSPBC-1983", Instant.now().plus(Duration.ofDays(30)), false, "CSP_BUSINESS_CASE");
		ApplicantFixture.make(this.jdbc);
		RequestPostProcessor applicant = user(Principals.of(ApplicantFixture.USERNAME, this.jdbc));
		MvcResult started = this.mvc
			.perform(post("/apply/rounds/CSPBC-1983/start").with(applicant)
				.with(csrf())
				.param("startKey", UUID.randomUUID().toString()))
			.andExpect(status().isFound())
			.andReturn();
		String page = started.getResponse().getRedirectedUrl();
		this.mvc.perform(get(page).with(applicant))
			.andExpect(content()
				.string(allOf(containsString("Your partnership"), not(containsString(">Your organisation<")))));
		this.mvc.perform(get(page + "/organisation").with(applicant)).andExpect(redirectedUrl(page + "/partnership"));
		this.mvc.perform(get(page + "/partnership").with(applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Which partnership is the business case from?"),
					containsString("Lead authority: Testshire District Council"),
					containsString("Lead authority: Otherby Borough Council"))));

		// nothing chosen: the message on the field
		this.mvc.perform(post(page + "/partnership").with(applicant).with(csrf()).param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Select the partnership the business case comes from"),
					containsString("href=\"#partnershipId\""))));

		// a partnership the register does not link: the council its record names
		this.mvc
			.perform(post(page + "/partnership").with(applicant)
				.with(csrf())
				.param("version", "0")
				.param("partnershipId", String.valueOf(this.otherby)))
			.andExpect(redirectedUrl(page));
		long id = Long.parseLong(page.substring("/apply/applications/".length()));
		assertThat(this.jdbc.queryForMap("select partnership_id, organisation_name, organisation_type, charity_number "
				+ "from application where id = ?", id))
			.containsEntry("partnership_id", this.otherby)
			.containsEntry("organisation_name", "Otherby Borough Council")
			.containsEntry("organisation_type", "LOCAL_AUTHORITY")
			.containsEntry("charity_number", null);

		// changed to one the register links: its organisation, with its address
		this.mvc
			.perform(post(page + "/partnership").with(applicant)
				.with(csrf())
				.param("version", "1")
				.param("partnershipId", String.valueOf(this.testshire)))
			.andExpect(redirectedUrl(page));
		assertThat(this.jdbc.queryForMap(
				"select partnership_id, organisation_name, organisation_address from application where id = ?", id))
			.isEqualTo(Map.of("partnership_id", this.testshire, "organisation_name", "Testshire District Council",
					"organisation_address", "1 Council Way\nTS1 1AA"));
		this.mvc.perform(get(page + "/check").with(applicant))
			.andExpect(content().string(allOf(containsString("Community Safety Partnership"),
					containsString("Testshire"), containsString("Lead authority (paid the grant)"))));

		// the organisation page is not for a business case
		this.mvc
			.perform(post(page + "/organisation").with(applicant)
				.with(csrf())
				.param("version", "2")
				.param("name", "Someone else")
				.param("type", "CHARITY")
				.param("charityNumber", "1123456")
				.param("address", "Leicester"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A business case comes from a Community Safety Partnership")));
		assertThat(this.jdbc.queryForObject("select organisation_name from application where id = ?", String.class, id))
			.isEqualTo("Testshire District Council");

		// the database: a business case is submitted only once it names its partnership
		this.jdbc.update("update application set partnership_id = null where id = ?", id);
		assertThatThrownBy(() -> this.jdbc.update("update application set status = 'SUBMITTED', number = 1, "
				+ "reference = 'CSPBC-1983-001', submitted_at = now(), submitted_by = 'test' where id = ?", id))
			.hasMessageContaining("A business case is submitted only once it names its partnership");
	}

	@Test
	void onlyABusinessCaseNamesAPartnershipAndASubmittedOneKeepsIt() {
		this.fixture = new RoundFixture(this.jdbc, YEAR);
		long round = this.fixture.openRound("PCCG-1983", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(this.jdbc);
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into application (round_id, applicant_user_id, start_key, "
						+ "partnership_id, created_at, updated_at) values (?, ?, gen_random_uuid(), ?, now(), now())",
				round, applicant, this.testshire))
			.hasMessageContaining("Only an application to a CSP business case round names a partnership");
		long cases = this.fixture.openRound("CSPBC-1983", Instant.now().plus(Duration.ofDays(30)), false,
				"CSP_BUSINESS_CASE");
		long submitted = this.fixture.submittedApplication(cases, applicant, 1, "Council 1", null,
				new BigDecimal("1000.00"), this.testshire);
		assertThatThrownBy(() -> this.jdbc.update("update application set partnership_id = ? where id = ?",
				this.otherby, submitted))
			.hasMessageContaining("The partnership of an application that is submitted does not change");
	}

	@Test
	void decidedEachAwardNamesThePartnershipIsPaidToItsLeadAuthorityAndReplacesThePlannedLine() throws Exception {
		this.atPanel = new RoundAtPanel(this.jdbc, YEAR, "CSPBC-1983", true,
				List.of(this.testshire, this.otherby, this.otherby));
		// the schedule planned 001's award under the partnership's own name, for the
		// round
		long named = this.jdbc
			.queryForObject("insert into organisation (name, type, identifier, created_at, updated_at) values "
					+ "('Testshire Community Safety Partnership', 'PUBLIC_BODY', 'GB-OPCC-TSTBC', now(), now()) "
					+ "returning id", Long.class);
		long stream = this.jdbc.queryForObject("select stream_id from grant_round where id = ?", Long.class,
				this.atPanel.round);
		long theme = this.jdbc.queryForObject("select theme_id from round_theme where round_id = ? limit 1", Long.class,
				this.atPanel.round);
		long planned = this.jdbc.queryForObject("insert into award_line (schedule_id, position, organisation_id, "
				+ "partnership_id, initiative, status, stream_id, theme_id, route, round_ref, created_at, created_by) "
				+ "values (?, 1, ?, ?, 'Overall crime', 'NEW_FUNDING_STREAM', ?, ?, 'CSP_BUSINESS_CASE', "
				+ "'CSPBC-1983', now(), 'test') returning id", Long.class, this.atPanel.schedule, named, this.testshire,
				stream, theme);
		this.jdbc.update(
				"insert into award_line_period (line_id, position, starts_on, ends_on, amount) "
						+ "values (?, 1, ?, ?, 40000)",
				planned, java.sql.Date.valueOf(YEAR.startDate()), java.sql.Date.valueOf(YEAR.endDate()));

		RequestPostProcessor officer = user(Principals.of("officer", this.jdbc));
		this.mvc.perform(get("/rounds/CSPBC-1983/decision").with(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("The Community Safety Partnerships (CSP) were requested to submit business cases"),
					containsString("In total 3 business cases were received, of which 3 were found eligible, "
							+ "from 2 partnerships"),
					containsString("2 assessors scored them"),
					containsString("Approve the funding of 2 business cases"),
					containsString("Testshire CSP (paid to Council 1)"),
					containsString("Otherby CSP (paid to Council 3)"))));
		String version = this.jdbc.queryForObject("select version::text from grant_round where id = ?", String.class,
				this.atPanel.round);
		MvcResult drafted = this.mvc
			.perform(post("/rounds/CSPBC-1983/decision").with(officer).with(csrf()).param("version", version))
			.andExpect(status().isFound())
			.andReturn();
		String reference = drafted.getResponse().getRedirectedUrl().substring("/decisions/".length());
		LocalDate today = LocalDate.now(Dates.UK);
		this.decisions.consult(reference, "Fran Finance", today, Principals.of("finance", this.jdbc));
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null,
				EnumSet.noneOf(Section.class), today, Principals.of("monitoring", this.jdbc));
		this.decisions.decide(reference, Outcome.SUPPORTED, today, "Decided", Principals.of("commissioner", this.jdbc));

		List<Map<String, Object>> lines = this.jdbc
			.queryForList("select o.name, l.partnership_id, l.business_case_ref, l.replaces_line_id, l.route, "
					+ "g.organisation_id = l.organisation_id as paid_to_line, g.partnership_id as grant_partnership "
					+ "from award_line l join organisation o on o.id = l.organisation_id "
					+ "join organisation_grant g on g.award_line_id = l.id "
					+ "where l.decided_by = ? order by l.position", reference);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).containsEntry("name", "Testshire District Council")
			.containsEntry("partnership_id", this.testshire)
			.containsEntry("grant_partnership", this.testshire)
			.containsEntry("business_case_ref", "CSPBC-1983-001")
			.containsEntry("replaces_line_id", planned)
			.containsEntry("route", "CSP_BUSINESS_CASE")
			.containsEntry("paid_to_line", true);
		assertThat(lines.get(1)).containsEntry("name", "Council 3")
			.containsEntry("partnership_id", this.otherby)
			.containsEntry("grant_partnership", this.otherby)
			.containsEntry("business_case_ref", "CSPBC-1983-003")
			.containsEntry("replaces_line_id", null);
		// the schedule counts the award once: the planned line replaced, the two decided
		assertThat(this.jdbc.queryForObject(
				"select sum(p.amount) from award_line l "
						+ "join award_line_period p on p.line_id = l.id where l.schedule_id = ? "
						+ "and not exists (select 1 from award_line r where r.replaces_line_id = l.id)",
				BigDecimal.class, this.atPanel.schedule))
			.isEqualByComparingTo("65000.00");
	}

}
