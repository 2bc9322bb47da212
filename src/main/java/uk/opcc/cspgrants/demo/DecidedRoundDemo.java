package uk.opcc.cspgrants.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

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
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.security.ApplicantSignIn;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

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

	private final UserManagement users;

	private final ApplicantSignIn applicants;

	private final PlanThemes themes;

	private final FundingStreamManagement streams;

	private final AwardSchedules schedules;

	private final AwardScheduleManagement scheduleManagement;

	private final Rounds rounds;

	private final DemoRoundDecision decision;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transaction;

	@Value("${csp-grants.demo.rounds:true}")
	boolean enabled = true;

	DecidedRoundDemo(UserManagement users, ApplicantSignIn applicants, PlanThemes themes,
			FundingStreamManagement streams, AwardSchedules schedules, AwardScheduleManagement scheduleManagement,
			Rounds rounds, DemoRoundDecision decision, JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.users = users;
		this.applicants = applicants;
		this.themes = themes;
		this.streams = streams;
		this.schedules = schedules;
		this.scheduleManagement = scheduleManagement;
		this.rounds = rounds;
		this.decision = decision;
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
		long robin = this.decision.reviewer("reviewer2", "Robin Reviewer", "robin.reviewer@reviewers.example");
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
		String record = this.decision.supported(REFERENCE, today.minusDays(85));
		log.info("Demo grant round {} (round {}) was decided by {}", REFERENCE, round, record);
	}

	/**
	 * The round from its opening to the panel's recommendations, written as it happened.
	 */
	private long history(FinancialYear year, LocalDate today, long streamId, List<Long> themeIds, long rowan,
			long robin) {
		RoundHistory round = new RoundHistory(REFERENCE, "Safer Streets Summer Fund " + year, year, streamId, "20000",
				"1000", "8000", at(today.minusDays(150), LocalTime.of(9, 0)), at(today.minusDays(120), LocalTime.NOON),
				at(today.minusDays(118), LocalTime.of(10, 0)), at(today.minusDays(105), LocalTime.of(16, 0)),
				at(today.minusDays(100), LocalTime.of(11, 0)), today.minusDays(95), GUIDANCE, ELIGIBILITY, themeIds,
				List.of(new String[] { "Evidence of need", "40" },
						new String[] { "What will change, and how you will know", "35" },
						new String[] { "Value for money", "25" }),
				List.of(rowan, robin),
				List.of(new String[] { OFFICER, "Office of the Police and Crime Commissioner" },
						new String[] { "Pat Partner", "Leicestershire County Council" },
						new String[] { "Val Voluntary", "Voluntary Action LeicesterShire" }),
				OFFICER);
		return round.write(this.jdbc, this.applicants, applied(themeIds), "applicants.example");
	}

	/** The five applications: four eligible, three of them funded. */
	private static List<RoundHistory.Applied> applied(List<Long> themes) {
		return List.of(
				new RoundHistory.Applied("Braunstone Street Pastors (demo)", "CHARITY",
						"Late-night street pastors on Braunstone Lane", "6000.00", themes.get(0),
						new int[][] { { 5, 4, 4 }, { 4, 4, 5 } }, -1, null, "FUND", "6000.00",
						"A clear local need and volunteers ready to start: the panel funds the project in full."),
				new RoundHistory.Applied("Eyres Monsell Youth Club (demo)", "CIC",
						"Friday night football and mentoring", "5500.00", themes.get(1),
						new int[][] { { 4, 4, 3 }, { 4, 3, 4 } }, -1, null, "FUND", "5500.00",
						"Good evidence of need from the neighbourhood team; the panel funds it in full."),
				new RoundHistory.Applied("Oadby Safe Spaces (demo)", "CHARITY",
						"A safe space for women on Friday and Saturday nights", "8000.00", themes.get(0),
						new int[][] { { 4, 3, 3 }, { 3, 4, 3 } }, -1, null, "FUND_IN_PART", "6000.00",
						"The panel funds the staff and venue costs (£6,000) but not the publicity, which the council "
								+ "has offered to print."),
				new RoundHistory.Applied("Loughborough Allotment Watch (demo)", "OTHER",
						"Shed alarms for three allotment sites", "3000.00", themes.get(2),
						new int[][] { { 2, 2, 3 }, { 3, 2, 2 } }, -1, null, "DO_NOT_FUND", null,
						"The reviewers found little evidence of thefts from these sites in the last year. The "
								+ "neighbourhood policing team can advise on free property marking; you are welcome "
								+ "to apply again with the figures."),
				new RoundHistory.Applied("Market Harborough Camera Club (demo)", "OTHER", "A photography exhibition",
						"2000.00", themes.get(2), null, -1, null, null, null,
						"The round funds projects that prevent crime or make streets safer; an exhibition does "
								+ "neither."));
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return DemoData.as(this.users, username, work);
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, Dates.UK).toInstant();
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
