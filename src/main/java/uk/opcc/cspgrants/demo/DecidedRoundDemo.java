package uk.opcc.cspgrants.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.commissioning.AwardScheduleManagement;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.FundingStreamManagement;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.StreamDetails;
import uk.opcc.cspgrants.commissioning.StreamKind;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.decision.Outcome;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.rounds.deciding.RoundDecisions;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.ApplicantSignIn;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Role;

/**
 * A grant round that has run its course on the demo's date, so that every step after
 * applying can be seen: "Safer Streets Summer Fund" (£20,000 from a stream of its own) of
 * the financial year of the demo's date, opened 150 days before it and closed 120 days
 * before; five applications, one found not eligible; each eligible one scored by Rowan
 * and Robin Reviewer on three criteria; marked assessed, taken to a Review Panel of three
 * that met 95 days before the demo's date and recommended three awards (£17,500); put to
 * the Commissioner in a decision record dated 85 days before, signed off and Supported on
 * that date. The decision made the awards as any would: three committed lines of the
 * year's award schedule (opened empty if the year had none), three grants, three
 * organisations added to the register, an outcome and a message for each applicant. The
 * steps up to the panel's recommendations are written as history in SQL, through the
 * database's own rules (a round cannot be opened, reviewed or recommended on in the past
 * through the service); the decision is made through the service. Everything is invented
 * and says so. Loaded once: not when the round is there already.
 */
@Component
@Profile("demo")
@Order(17)
class DecidedRoundDemo implements ApplicationRunner {

	static final String REFERENCE = "SSSF-DEMO";

	private static final Logger log = LoggerFactory.getLogger(DecidedRoundDemo.class);

	private static final String OFFICER = "Olu Officer";

	/**
	 * The applications: organisation, project, amount asked, theme (0-based), scores by
	 * reviewer and criterion.
	 */
	private static final List<Applied> APPLIED = List.of(
			new Applied("Braunstone Street Pastors (demo)", "CHARITY", "Late-night street pastors on Braunstone Lane",
					"6000.00", 0, new int[][] { { 5, 4, 4 }, { 4, 4, 5 } }, "FUND", "6000.00",
					"A clear local need and volunteers ready to start: the panel funds the project in full."),
			new Applied("Eyres Monsell Youth Club (demo)", "CIC", "Friday night football and mentoring", "5500.00", 1,
					new int[][] { { 4, 4, 3 }, { 4, 3, 4 } }, "FUND", "5500.00",
					"Good evidence of need from the neighbourhood team; the panel funds it in full."),
			new Applied("Oadby Safe Spaces (demo)", "CHARITY", "A safe space for women on Friday and Saturday nights",
					"8000.00", 0, new int[][] { { 4, 3, 3 }, { 3, 4, 3 } }, "FUND_IN_PART", "6000.00",
					"The panel funds the staff and venue costs (£6,000) but not the publicity, which the council "
							+ "has offered to print."),
			new Applied("Loughborough Allotment Watch (demo)", "OTHER", "Shed alarms for three allotment sites",
					"3000.00", 2, new int[][] { { 2, 2, 3 }, { 3, 2, 2 } }, "DO_NOT_FUND", null,
					"The reviewers found little evidence of thefts from these sites in the last year. The "
							+ "neighbourhood policing team can advise on free property marking; you are welcome to "
							+ "apply again with the figures."),
			new Applied("Market Harborough Camera Club (demo)", "OTHER", "A photography exhibition", "2000.00", 2, null,
					null, null, null));

	private final UserManagement users;

	private final ApplicantSignIn applicants;

	private final PlanThemes themes;

	private final FundingStreamManagement streams;

	private final AwardSchedules schedules;

	private final AwardScheduleManagement scheduleManagement;

	private final Rounds rounds;

	private final RoundDecisions roundDecisions;

	private final DecisionManagement decisions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transaction;

	@Value("${csp-grants.demo.rounds:true}")
	boolean enabled = true;

	DecidedRoundDemo(UserManagement users, ApplicantSignIn applicants, PlanThemes themes,
			FundingStreamManagement streams, AwardSchedules schedules, AwardScheduleManagement scheduleManagement,
			Rounds rounds, RoundDecisions roundDecisions, DecisionManagement decisions, JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.users = users;
		this.applicants = applicants;
		this.themes = themes;
		this.streams = streams;
		this.schedules = schedules;
		this.scheduleManagement = scheduleManagement;
		this.rounds = rounds;
		this.roundDecisions = roundDecisions;
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || this.rounds.find(REFERENCE).isPresent()) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Dates.UK));
		FinancialYear year = FinancialYear.of(today);
		List<Long> themeIds = this.themes.themes(year).stream().map(ThemeView::id).toList();
		if (themeIds.size() < 3) {
			log.info("The demo's decided grant round needs the three themes of the demo plan for {}", year);
			return;
		}
		CurrentUser officer = this.users.principalOf("officer").orElseThrow();
		long rowan = this.users.principalOf("reviewer").orElseThrow().id();
		long robin = reviewer();
		FundingStreamView stream = as("officer", () -> this.streams.create(year,
				new StreamDetails("Safer Streets Summer Fund (demo)", "Police and Crime Commissioner", StreamKind.GRANT,
						Money.of("20000.00"), "Invented for the demo: summer grants for safer streets", false),
				officer));
		if (this.schedules.schedule(year).isEmpty()) {
			as("officer", () -> this.scheduleManagement.open(year, "Award schedule " + year + " (demo)",
					BigDecimal.ZERO, officer));
		}
		// one transaction: the database checks some rules (criteria weigh 100) as it
		// commits
		long round = this.transaction.execute(status -> history(year, today, stream.id(), themeIds, rowan, robin));
		String version = this.jdbc.sql("select version::text from grant_round where id = ?")
			.param(round)
			.query(String.class)
			.single();
		LocalDate decidedOn = today.minusDays(85);
		DecisionView record = as("officer",
				() -> this.roundDecisions.draft(REFERENCE, Long.valueOf(version), decidedOn, officer));
		as("finance", () -> this.decisions.consult(record.reference(), "Fran Finance", decidedOn, user("finance")));
		as("monitoring", () -> this.decisions.decidePublication(record.reference(), Publication.YES, Publication.YES,
				Publication.YES, null, EnumSet.noneOf(Section.class), decidedOn, user("monitoring")));
		as("commissioner", () -> this.decisions.decide(record.reference(), Outcome.SUPPORTED, decidedOn,
				"Supported as the Review Panel recommends.", user("commissioner")));
		log.info("Demo grant round {} was decided by {}", REFERENCE, record.reference());
	}

	/**
	 * The round from its opening to the panel's recommendations, written as it happened:
	 * each step in the order the database's rules allow.
	 */
	private long history(FinancialYear year, LocalDate today, long streamId, List<Long> themeIds, long rowan,
			long robin) {
		Instant opens = at(today.minusDays(150), LocalTime.of(9, 0));
		Instant closes = at(today.minusDays(120), LocalTime.NOON);
		Instant checked = at(today.minusDays(118), LocalTime.of(10, 0));
		Instant assigned = at(today.minusDays(117), LocalTime.of(10, 0));
		Instant reviewed = at(today.minusDays(105), LocalTime.of(16, 0));
		Instant assessed = at(today.minusDays(100), LocalTime.of(11, 0));
		long round = this.jdbc
			.sql("""
					insert into grant_round (reference, title, financial_year, route, stream_id, budget, min_award,
					  max_award, opens_at, closes_at, guidance, eligibility, min_reviewers, moderation_gap, blind_review,
					  created_by, created_at, updated_by, updated_at)
					values (?, ?, ?, 'PCC_GRANT', ?, 20000, 1000, 8000, ?, ?, ?, ?, 2, 20, false, ?, ?, ?, ?) returning id""")
			.params(REFERENCE, "Safer Streets Summer Fund " + year, year.startYear(), streamId, ts(opens), ts(closes),
					GUIDANCE, ELIGIBILITY, OFFICER, ts(opens), OFFICER, ts(opens))
			.query(Long.class)
			.single();
		for (long theme : themeIds) {
			this.jdbc.sql("insert into round_theme (round_id, theme_id) values (?, ?)").params(round, theme).update();
		}
		String[][] criteria = { { "Evidence of need", "40" }, { "What will change, and how you will know", "35" },
				{ "Value for money", "25" } };
		for (int i = 0; i < criteria.length; i++) {
			this.jdbc.sql("insert into round_criterion (round_id, position, name, weight) values (?, ?, ?, ?::numeric)")
				.params(round, i + 1, criteria[i][0], criteria[i][1])
				.update();
		}
		String[] points = { "No evidence", "Weak", "Adequate", "Good", "Strong", "Excellent" };
		for (int point = 0; point < points.length; point++) {
			this.jdbc.sql("insert into round_scale_point (round_id, point, description) values (?, ?, ?)")
				.params(round, point, points[point])
				.update();
		}
		this.jdbc
			.sql("update grant_round set status = 'OPEN', opened_by = ?, opened_at = ?, updated_at = ? where id = ?")
			.params(OFFICER, ts(opens), ts(opens), round)
			.update();
		for (long reviewer : List.of(rowan, robin)) {
			this.jdbc.sql("insert into round_reviewer (round_id, user_id, added_by, added_at) values (?, ?, ?, ?)")
				.params(round, reviewer, OFFICER, ts(opens))
				.update();
		}
		List<Long> applications = new java.util.ArrayList<>();
		for (int i = 0; i < APPLIED.size(); i++) {
			applications.add(applied(round, year, themeIds, i, opens.plusSeconds(86_400L * (3 + 4 * i))));
		}
		this.jdbc
			.sql("update grant_round set status = 'CLOSED', closed_by = 'system', closed_at = ?, updated_at = ? "
					+ "where id = ?")
			.params(ts(closes), ts(closes), round)
			.update();
		for (int i = 0; i < APPLIED.size(); i++) {
			Applied applied = APPLIED.get(i);
			this.jdbc
				.sql("update application set status = ?, eligibility_reasons = ?, eligibility_decided_by = ?, "
						+ "eligibility_decided_at = ? where id = ?")
				.params((applied.scores() != null) ? "ELIGIBLE" : "INELIGIBLE",
						(applied.scores() != null) ? null
								: "The round funds projects that prevent crime or make streets safer; an exhibition "
										+ "does neither.",
						OFFICER, ts(checked), applications.get(i))
				.update();
			if (applied.scores() != null) {
				review(round, applications.get(i), rowan, applied.scores()[0], assigned, reviewed);
				review(round, applications.get(i), robin, applied.scores()[1], assigned, reviewed);
			}
		}
		this.jdbc
			.sql("update grant_round set status = 'ASSESSED', assessed_by = ?, assessed_at = ?, updated_at = ? "
					+ "where id = ?")
			.params(OFFICER, ts(assessed), ts(assessed), round)
			.update();
		String[][] members = { { "Olu Officer", "Office of the Police and Crime Commissioner" },
				{ "Pat Partner", "Leicestershire County Council" },
				{ "Val Voluntary", "Voluntary Action LeicesterShire" } };
		for (int i = 0; i < members.length; i++) {
			this.jdbc
				.sql("insert into panel_member (round_id, name, organisation, chair, added_by, added_at) "
						+ "values (?, ?, ?, ?, ?, ?)")
				.params(round, members[i][0], members[i][1], i == 0, OFFICER, ts(assessed))
				.update();
		}
		this.jdbc
			.sql("update grant_round set status = 'AT_PANEL', panel_meets_on = ?, taken_to_panel_by = ?, "
					+ "taken_to_panel_at = ?, updated_at = ? where id = ?")
			.params(Date.valueOf(today.minusDays(95)), OFFICER, ts(assessed), ts(assessed), round)
			.update();
		Instant met = at(today.minusDays(95), LocalTime.of(15, 0));
		for (int i = 0; i < APPLIED.size(); i++) {
			Applied applied = APPLIED.get(i);
			if (applied.outcome() != null) {
				this.jdbc.sql("""
						insert into panel_recommendation (application_id, round_id, outcome, amount, reason, feedback,
						  recorded_by, recorded_at) values (?, ?, ?, ?::numeric, ?, ?, ?, ?)""")
					.params(applications.get(i), round, applied.outcome(), applied.awarded(),
							"Agreed by the panel on the reviewers' scores", applied.feedback(), OFFICER, ts(met))
					.update();
			}
		}
		return round;
	}

	/** One application, submitted at {@code submitted}: its id. */
	private long applied(long round, FinancialYear year, List<Long> themeIds, int index, Instant submitted) {
		Applied applied = APPLIED.get(index);
		String email = "applicant" + (index + 1) + "@applicants.example";
		long applicant = this.applicants.accountFor(email);
		long id = this.jdbc.sql("""
				insert into application (round_id, applicant_user_id, start_key, organisation_name, organisation_type,
				  organisation_address, contact_name, contact_email, project_title, project_summary, theme_id,
				  starts_on, ends_on, amount_requested, outcomes, created_at, updated_at)
				values (?, ?, gen_random_uuid(), ?, ?, 'Leicestershire (invented for the demo)', ?, ?, ?, ?, ?, ?, ?,
				  ?::numeric, ?, ?, ?) returning id""")
			.params(round, applicant, applied.organisation(), applied.type(), "Demo Applicant " + (index + 1), email,
					applied.project(), "Invented for the CSP Grants demo: " + applied.project().toLowerCase() + ".",
					themeIds.get(applied.theme()), Date.valueOf(year.startDate()), Date.valueOf(year.endDate()),
					applied.asked(), "Fewer incidents reported in the area over the year", ts(submitted), ts(submitted))
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into application_budget_line (application_id, position, item, amount) "
					+ "values (?, 1, 'Running the project', ?::numeric)")
			.params(id, applied.asked())
			.update();
		this.jdbc.sql("""
				update application set status = 'SUBMITTED', number = ?, reference = ?, submitted_at = ?,
				  submitted_by = ?, updated_at = ? where id = ?""")
			.params(index + 1, REFERENCE + "-%03d".formatted(index + 1), ts(submitted), "Demo Applicant " + (index + 1),
					ts(submitted), id)
			.update();
		return id;
	}

	/**
	 * A reviewer's scores on the round's three criteria, declared free of conflict and
	 * submitted.
	 */
	private void review(long round, long application, long reviewer, int[] scores, Instant assigned,
			Instant submitted) {
		long id = this.jdbc
			.sql("insert into review_assignment (round_id, application_id, reviewer_id, assigned_by, assigned_at) "
					+ "values (?, ?, ?, ?, ?) returning id")
			.params(round, application, reviewer, OFFICER, ts(assigned))
			.query(Long.class)
			.single();
		this.jdbc.sql("update review_assignment set status = 'DECLARED', declared_at = ? where id = ?")
			.params(ts(assigned), id)
			.update();
		for (int i = 0; i < scores.length; i++) {
			this.jdbc
				.sql("insert into review_score (assignment_id, round_id, position, score, reason) "
						+ "values (?, ?, ?, ?, ?)")
				.params(id, round, i + 1, scores[i], "Scored against the guidance (demo)")
				.update();
		}
		this.jdbc.sql("update review_assignment set status = 'SUBMITTED', submitted_at = ? where id = ?")
			.params(ts(submitted), id)
			.update();
	}

	/**
	 * The demo's second themed reviewer, Robin Reviewer (signs in as {@code reviewer2}).
	 */
	private long reviewer() {
		if (!this.users.exists("reviewer2")) {
			this.users.create("reviewer2", new AccountDetails("Robin Reviewer", "robin.reviewer@reviewers.example",
					Set.of(Role.REVIEWER), null, null), DemoData.DEMO_PASSWORD);
		}
		return this.users.principalOf("reviewer2").orElseThrow().id();
	}

	private CurrentUser user(String username) {
		return this.users.principalOf(username).orElseThrow();
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return DemoData.as(this.users, username, work);
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, Dates.UK).toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	/**
	 * An application of the demo round.
	 *
	 * @param organisation who applied
	 * @param type what kind of organisation
	 * @param project the project's title
	 * @param asked the amount asked for
	 * @param theme which of the year's themes (0-based)
	 * @param scores each reviewer's score per criterion, or {@code null} when not
	 * eligible
	 * @param outcome what the panel recommends, or {@code null}
	 * @param awarded the amount recommended, or {@code null}
	 * @param feedback the panel's feedback to the applicant
	 */
	private record Applied(String organisation, String type, String project, String asked, int theme, int[][] scores,
			String outcome, String awarded, String feedback) {
	}

	private static final String GUIDANCE = """
			This round is invented for the CSP Grants demo, and has run its course: it shows an assessed round, its \
			Review Panel and the Commissioner's decision.

			Grants of £1,000 to £8,000 for projects over the summer that prevent crime or make streets safer, \
			spent by 31 March.""";

	private static final String ELIGIBILITY = """
			Community groups, charities and social enterprises working in Leicester, Leicestershire or Rutland, \
			for a project that prevents crime or makes streets safer.""";

}
