package uk.opcc.cspgrants.rounds.deciding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.commissioning.AwardScheduleManagement;
import uk.opcc.cspgrants.decision.DecisionDecided;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.Outcome;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.rounds.RoundAtPanel;
import uk.opcc.cspgrants.shared.ConflictException;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A round at the panel put to the Commissioner and decided ({@link RoundAtPanel}: 001
 * funded £40,000, 003 £25,000, 002 not funded; budget £100,000). The check page shows the
 * record's words with the round's own figures and a table of the two funded applications
 * totalling £65,000; drafting puts the round in the record. Supported: two committed
 * lines (£40,000 and £25,000) in the 1984-85 schedule naming the record, two grants each
 * with one payment for the project's year, two organisations added to the register by
 * their charity numbers, 001 and 003 awarded and 002 not, each applicant told once, the
 * round decided; the decision seen again makes nothing more, and the decided lines do not
 * change. Not supported: the round is at the panel again and nothing is made. On the
 * shared demo database in 1984-85.
 */
@IntegrationTest
class RoundDecisionTest {

	private static final String ROUND = "/rounds/DECIDE-1984";

	private static final FinancialYear YEAR = FinancialYear.parse("1984-85");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	DecisionManagement decisions;

	@Autowired
	AwardScheduleManagement schedules;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	private RoundAtPanel round;

	@AfterEach
	void remove() {
		if (this.round != null) {
			this.round.remove(this.owner);
		}
	}

	@Test
	void theRecordIsDraftedFromThePanelAndSupportedMakesEachAwardOnce() throws Exception {
		this.round = new RoundAtPanel(this.jdbc, YEAR, "DECIDE-1984", true);
		this.mvc.perform(get(ROUND + "/decision").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2 applications, £65,000.00 of the budget of £100,000.00"),
					containsString("in total 3 applications were received, of which 3 were found eligible"),
					containsString("2 people with expertise"),
					containsString("Sam Chair (OPCC), chair; Pat Member (Probation)"),
					containsString("it met on 20 August 1984"), containsString("Project of Group 1"),
					containsString("Project of Group 3"), containsString("<strong>£65,000.00</strong>"),
					not(containsString("Project of Group 2")), containsString("Draft the decision record"))));

		String reference = draft();
		assertThat(this.jdbc.queryForMap("select status, decision_reference from grant_round where id = ?",
				this.round.round))
			.isEqualTo(Map.of("status", "IN_DECISION", "decision_reference", reference));
		// a recommendation no longer changes while the round is in the record
		assertThatThrownBy(
				() -> this.jdbc.update("update panel_recommendation set amount = 30000 where application_id = ?",
						this.round.applications.get(2)))
			.hasMessageContaining("panel_recommendation");
		this.mvc.perform(post(ROUND + "/decision").with(officer()).with(csrf()).param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("DECIDE-1984 is already in a decision record " + reference)));

		signOffAndDecide(reference, Outcome.SUPPORTED);

		List<Map<String, Object>> lines = this.jdbc.queryForList(
				"select l.initiative, l.decided_by, l.origin_ref, "
						+ "l.route, l.round_ref, l.status, p.amount, p.starts_on, p.ends_on, o.identifier "
						+ "from award_line l join award_line_period p on p.line_id = l.id "
						+ "join organisation o on o.id = l.organisation_id where l.schedule_id = ? order by l.position",
				this.round.schedule);
		assertThat(lines).hasSize(2);
		assertThat(lines).extracting(line -> line.get("initiative"))
			.containsExactly("Project of Group 1", "Project of Group 3");
		assertThat(lines).extracting(line -> ((BigDecimal) line.get("amount")).toPlainString())
			.containsExactly("40000.00", "25000.00");
		assertThat(lines).extracting(line -> line.get("identifier"))
			.containsExactly("GB-CHC-1984001", "GB-CHC-1984003");
		assertThat(lines).allSatisfy(line -> {
			assertThat(line.get("decided_by")).isEqualTo(reference);
			assertThat(line.get("route")).isEqualTo("PCC_GRANT");
			assertThat(line.get("round_ref")).isEqualTo("DECIDE-1984");
			assertThat(line.get("status")).isEqualTo("COMMITTED");
			assertThat(line.get("starts_on").toString()).isEqualTo("1984-04-01");
			assertThat(line.get("ends_on").toString()).isEqualTo("1985-03-31");
		});
		assertMadeOnce(reference);
		assertThat(this.jdbc.queryForList("select status from application where round_id = ? order by number",
				String.class, this.round.round))
			.containsExactly("AWARDED", "NOT_AWARDED", "AWARDED");
		assertThat(this.jdbc.queryForMap("select status, decision_reference from grant_round where id = ?",
				this.round.round))
			.isEqualTo(Map.of("status", "DECIDED", "decision_reference", reference));
		assertThat(this.jdbc.queryForList(
				"select template from notification where username = ? and "
						+ "template like 'application-%awarded' order by template",
				String.class, ApplicantFixture.USERNAME))
			.containsExactly("application-awarded", "application-awarded", "application-not-awarded");

		// the decision seen again makes nothing more
		this.transaction.executeWithoutResult(status -> this.events
			.publishEvent(new DecisionDecided(reference, true, null, "GRANT_ROUND", Long.toString(this.round.round))));
		assertMadeOnce(reference);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where username = ? and " + "template like 'application-%awarded'",
				Integer.class, ApplicantFixture.USERNAME))
			.isEqualTo(3);

		// the decided lines stay as decided, in the database and in the schedule's rules
		assertThatThrownBy(
				() -> this.jdbc.update("update award_line set initiative = 'Changed' where decided_by = ?", reference))
			.hasMessageContaining("A line made by decision " + reference + " does not change");
		long line = this.jdbc.queryForObject("select min(id) from award_line where decided_by = ?", Long.class,
				reference);
		long version = this.jdbc.queryForObject("select version from award_schedule where id = ?", Long.class,
				this.round.schedule);
		assertThatThrownBy(() -> this.schedules.removeLine(YEAR, line, version, Principals.of("officer", this.jdbc)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("was made by decision " + reference + " from a grant round");

		// the applicants see the outcome and the panel's feedback
		this.mvc
			.perform(get("/apply/applications/" + this.round.applications.get(2))
				.with(user(Principals.of(ApplicantFixture.USERNAME, this.jdbc))))
			.andExpect(content()
				.string(allOf(containsString("Your application has been successful"), containsString("£25,000.00"),
						containsString("Fund the staff costs only"), containsString("decision record " + reference))));
		this.mvc
			.perform(get("/apply/applications/" + this.round.applications.get(1))
				.with(user(Principals.of(ApplicantFixture.USERNAME, this.jdbc))))
			.andExpect(content().string(allOf(containsString("has not been successful this time"),
					containsString("Reviewers disagreed on the need"))));
		this.mvc.perform(get("/decisions/" + reference + "/decided").with(officer()))
			.andExpect(
					content().string(containsString("2 grants totalling £65,000.00 were made from the grant round")));
		// once decided, the round's ranking, its panel's paper and the record's table
		// still
		// show its applications (awarded or not)
		this.mvc.perform(get(ROUND + "/panel").with(officer()))
			.andExpect(content().string(allOf(containsString("3 of 3 recommendations recorded: 2 to fund, £65,000.00"),
					containsString("DECIDE-1984-002"), containsString("Decided by"))));
		this.mvc.perform(get(ROUND + "/ranking").with(officer()))
			.andExpect(content().string(containsString("DECIDE-1984-003")));
		this.mvc.perform(get("/decisions/" + reference).with(officer()))
			.andExpect(content()
				.string(allOf(containsString("Project of Group 3"), containsString("<strong>£65,000.00</strong>"))));
		// the awards are published as open data with their record
		this.mvc.perform(get("/public/open-data/360giving.json"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("GB-CHC-1984001"), containsString("GB-CHC-1984003"),
					containsString("Project of Group 3"), not(containsString("Project of Group 2")))));
	}

	@Test
	void aLineTheSchedulePlannedForAnAwardIsReplacedByItAndCountedOnce() throws Exception {
		this.round = new RoundAtPanel(this.jdbc, YEAR, "DECIDE-1984", true);
		long group1 = this.jdbc.queryForObject(
				"insert into organisation (name, type, identifier, created_at, "
						+ "updated_at) values ('Group One', 'CHARITY', 'GB-CHC-1984001', now(), now()) returning id",
				Long.class);
		long planned = this.jdbc.queryForObject("insert into award_line (schedule_id, position, organisation_id, "
				+ "initiative, status, stream_id, theme_id, route, round_ref, created_at, created_by) values "
				+ "(?, 1, ?, 'PCC Grant award (planned)', 'NEW_FUNDING_STREAM', ?, ?, 'PCC_GRANT', 'DECIDE-1984', now(), "
				+ "'test') returning id", Long.class, this.round.schedule, group1, this.round.fixture.stream,
				this.round.fixture.reoffending);
		this.jdbc.update("insert into award_line_period (line_id, position, starts_on, ends_on, amount) "
				+ "values (?, 1, date '1984-04-01', date '1985-03-31', 40000)", planned);
		// £40,000 planned and £65,000 awarded would be £105,000 of the stream's £100,000
		// if both counted
		this.mvc.perform(get(ROUND + "/decision").with(officer()))
			.andExpect(content().string(containsString("Draft the decision record")));
		String reference = draft();
		signOffAndDecide(reference, Outcome.SUPPORTED);
		assertThat(this.jdbc.queryForObject(
				"select replaces_line_id from award_line where decided_by = ? " + "and organisation_id = ?", Long.class,
				reference, group1))
			.isEqualTo(planned);
		assertThat(this.jdbc.queryForObject(
				"select sum(p.amount) from award_line l join award_line_period p "
						+ "on p.line_id = l.id where l.schedule_id = ? and not exists "
						+ "(select 1 from award_line r where r.replaces_line_id = l.id)",
				BigDecimal.class, this.round.schedule))
			.isEqualByComparingTo("65000.00");
		assertThat(this.jdbc.queryForObject("select count(*) from organisation where identifier = 'GB-CHC-1984001'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void notSupportedTakesTheRoundBackToThePanelAndMakesNothing() throws Exception {
		this.round = new RoundAtPanel(this.jdbc, YEAR, "DECIDE-1984", true);
		String reference = draft();
		signOffAndDecide(reference, Outcome.NOT_SUPPORTED);
		assertThat(this.jdbc.queryForMap("select status, decision_reference from grant_round where id = ?",
				this.round.round))
			.containsEntry("status", "AT_PANEL")
			.containsEntry("decision_reference", null);
		assertThat(this.jdbc.queryForObject("select count(*) from award_line where schedule_id = ?", Integer.class,
				this.round.schedule))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from organisation_grant where decision_reference = ?",
				Integer.class, reference))
			.isZero();
		assertThat(this.jdbc.queryForList("select distinct status from application where round_id = ?", String.class,
				this.round.round))
			.containsExactly("ELIGIBLE");
		// the panel may change its recommendations and put the round to a new record
		this.jdbc.update("update panel_recommendation set amount = 30000, outcome = 'FUND' where application_id = ?",
				this.round.applications.get(2));
		this.mvc.perform(get(ROUND + "/decision").with(officer()))
			.andExpect(content().string(containsString("2 applications, £70,000.00 of the budget")));
	}

	@Test
	void aRoundWithARecommendationMissingOrNoScheduleIsNotPutToADecision() throws Exception {
		this.round = new RoundAtPanel(this.jdbc, YEAR, "DECIDE-1984", false);
		this.mvc.perform(get(ROUND + "/decision").with(officer()))
			.andExpect(content()
				.string(allOf(containsString("the Review Panel has not recorded its recommendation on 1 application"),
						not(containsString("Draft the decision record")))));
		this.mvc.perform(post(ROUND + "/decision").with(officer()).with(csrf()).param("version", version()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("DECIDE-1984 cannot be put to a decision yet: the Review Panel "
					+ "has not recorded its recommendation on 1 application")));
		this.jdbc.update("insert into panel_recommendation (application_id, round_id, outcome, reason, feedback, "
				+ "recorded_by, recorded_at) values (?, ?, 'DO_NOT_FUND', 'No', 'Not this time', 'test', now())",
				this.round.applications.get(1), this.round.round);
		// a stream without room for the awards
		this.jdbc.update("update funding_stream set amount = 60000 where id = ?", this.round.fixture.stream);
		this.mvc.perform(post(ROUND + "/decision").with(officer()).with(csrf()).param("version", version()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("PCC Grant")));
		assertThat(this.jdbc.queryForObject("select count(*) from decision_record where attachment_type = "
				+ "'GRANT_ROUND' and attachment_ref = ?", Integer.class, Long.toString(this.round.round)))
			.isZero();
		assertThat(
				this.jdbc.queryForObject("select status from grant_round where id = ?", String.class, this.round.round))
			.isEqualTo("AT_PANEL");
	}

	private void assertMadeOnce(String reference) {
		assertThat(this.jdbc.queryForObject("select count(*) from award_line where decided_by = ?", Integer.class,
				reference))
			.isEqualTo(2);
		List<Map<String, Object>> grants = this.jdbc.queryForList("select g.amount, g.route, "
				+ "(select count(*) from organisation_grant_payment p where p.grant_id = g.id) as payments, "
				+ "(select sum(p.amount) from organisation_grant_payment p where p.grant_id = g.id) as paid "
				+ "from organisation_grant g where g.decision_reference = ? order by g.amount desc", reference);
		assertThat(grants).extracting(grant -> ((BigDecimal) grant.get("amount")).toPlainString())
			.containsExactly("40000.00", "25000.00");
		assertThat(grants).allSatisfy(grant -> {
			assertThat(grant.get("payments")).isEqualTo(1L);
			assertThat((BigDecimal) grant.get("paid")).isEqualByComparingTo((BigDecimal) grant.get("amount"));
			assertThat(grant.get("route")).isEqualTo("PCC_GRANT");
		});
		// independently: what the awards add up to is what the panel recommended funding
		assertThat(this.jdbc.queryForObject("select sum(amount) from round_award where decision_reference = ?",
				BigDecimal.class, reference))
			.isEqualByComparingTo(this.jdbc.queryForObject(
					"select sum(amount) from panel_recommendation where round_id = ? and outcome <> 'DO_NOT_FUND'",
					BigDecimal.class, this.round.round));
		assertThat(this.jdbc.queryForObject("select count(*) from organisation where identifier like 'GB-CHC-198400_'",
				Integer.class))
			.isEqualTo(2);
	}

	private String draft() throws Exception {
		MvcResult drafted = this.mvc
			.perform(post(ROUND + "/decision").with(officer()).with(csrf()).param("version", version()))
			.andExpect(status().isFound())
			.andReturn();
		return drafted.getResponse().getRedirectedUrl().substring("/decisions/".length());
	}

	private void signOffAndDecide(String reference, Outcome outcome) {
		LocalDate today = LocalDate.now(Dates.UK);
		this.decisions.consult(reference, "Fran Finance", today, Principals.of("finance", this.jdbc));
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null,
				EnumSet.noneOf(Section.class), today, Principals.of("monitoring", this.jdbc));
		this.decisions.decide(reference, outcome, today, "Decided", Principals.of("commissioner", this.jdbc));
	}

	private String version() {
		return this.jdbc.queryForObject("select version::text from grant_round where id = ?", String.class,
				this.round.round);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor officer() {
		return user(Principals.of("officer", this.jdbc));
	}

}
