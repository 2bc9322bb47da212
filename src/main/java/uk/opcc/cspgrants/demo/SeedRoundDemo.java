package uk.opcc.cspgrants.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import uk.opcc.cspgrants.commissioning.AwardLineView;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.commissioning.ThemeKind;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.security.ApplicantSignIn;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * The seed's own grant round, the 2013 PCC Grant of EXE 0025/13: "Submissions via
 * application, were invited from all interested parties and in total 33 applications were
 * received"; themed reviewers scored them; a Review Panel of the OPCC, the Force, the
 * county, city and Rutland councils, Probation and the third sector recommended which to
 * fund; the Commissioner approved. The eleven awards are the PCC Grant lines of the
 * 2013-14 award schedule, which the schedule's own decision left for a later one (they
 * are a new funding stream, planned for round {@value #REFERENCE}). Here the round is
 * written as history (opened 1 July 2013, closed 26 July, the panel on 20 August) and its
 * record Supported on 5 September 2013 through the service: each award replaces its
 * planned line with a committed one and becomes a grant to the organisation already in
 * the register. The budget is what the schedule planned (£92,943). The eleven funded
 * organisations and their amounts are the seed's; the 22 other applicants, every score,
 * the reviewers, the one declared conflict and the panel's members are invented, and say
 * so. Loaded once, and only with the commissioning demo's 2013-14 schedule.
 */
@Component
@Profile("demo")
@Order(18)
class SeedRoundDemo implements ApplicationRunner {

	static final String REFERENCE = "PCCG-2013";

	private static final FinancialYear YEAR = FinancialYear.parse("2013-14");

	private static final Logger log = LoggerFactory.getLogger(SeedRoundDemo.class);

	private static final String OFFICER = "Olu Officer";

	/** The unsuccessful applicants (invented): organisation, project, amount asked. */
	private static final String[][] UNFUNDED = {
			{ "Aylestone Community Garden (demo)", "Evening garden watch", "4000" },
			{ "Beaumont Leys Boxing Club (demo)", "Boxing for girls", "9500" },
			{ "Belgrave Youth Forum (demo)", "Youth forum on knife crime", "6000" },
			{ "Blaby Good Neighbours (demo)", "Doorstep crime awareness", "3500" },
			{ "Castle Donington Scouts (demo)", "Bike marking days", "2500" },
			{ "Charnwood Mediation (demo)", "Neighbour dispute mediation", "10000" },
			{ "Coalville Men's Shed (demo)", "Mentoring for men leaving prison", "8000" },
			{ "Earl Shilton Residents (demo)", "CCTV for the recreation ground", "10000" },
			{ "Glenfield Street Watch (demo)", "Street watch training", "3000" },
			{ "Hinckley Night Bus (demo)", "A safe bus home on Saturdays", "10000" },
			{ "Humberstone Arts (demo)", "Murals against graffiti", "5000" },
			{ "Loughborough Students' Safety Walk (demo)", "Safety walks for students", "2500" },
			{ "Lutterworth Youth Café (demo)", "Friday youth café", "7500" },
			{ "Melton Rural Watch (demo)", "Farm watch radios", "6500" },
			{ "Narborough Road Traders (demo)", "Shop theft radios", "4500" },
			{ "New Parks Football (demo)", "Evening football league", "9000" },
			{ "Oakham Domestic Abuse Forum (demo)", "Awareness leaflets", "2500" },
			{ "Saffron Lane Tenants (demo)", "Estate clean-up days", "3000" },
			{ "Syston Cycle Hub (demo)", "Bike repair for young people", "5500" },
			{ "Wigston Dance Academy (demo)", "Dance for young people at risk", "8500" } };

	/** Not eligible (invented): organisation, project, amount asked, the reasons. */
	private static final String[][] INELIGIBLE = {
			{ "Leicester Model Railway Club (demo)", "A new layout", "3000",
					"The round funds projects that contribute to the Police and Crime Plan; a model railway "
							+ "layout does not." },
			{ "Rutland Golf Society (demo)", "Clubhouse refurbishment", "10000",
					"Capital works to a members' club are not what the PCC Grant funds." } };

	private final ApplicantSignIn applicants;

	private final PlanThemes themes;

	private final AwardSchedules schedules;

	private final Rounds rounds;

	private final DemoRoundDecision decision;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	@Value("${csp-grants.demo.rounds:true}")
	boolean enabled = true;

	SeedRoundDemo(ApplicantSignIn applicants, PlanThemes themes, AwardSchedules schedules, Rounds rounds,
			DemoRoundDecision decision, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.applicants = applicants;
		this.themes = themes;
		this.schedules = schedules;
		this.rounds = rounds;
		this.decision = decision;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || this.rounds.find(REFERENCE).isPresent()) {
			return;
		}
		List<AwardLineView> planned = this.schedules.schedule(YEAR).map(SeedRoundDemo::planned).orElse(List.of());
		if (planned.isEmpty()) {
			log.info("The seed's 2013 PCC Grant round needs the commissioning demo's 2013-14 schedule");
			return;
		}
		long rowan = this.decision.reviewer("reviewer", null, null);
		long robin = this.decision.reviewer("reviewer2", "Robin Reviewer", "robin.reviewer@reviewers.example");
		long remi = this.decision.reviewer("reviewer3", "Remi Reviewer", "remi.reviewer@reviewers.example");
		Money budget = planned.stream().map(AwardLineView::total).reduce(Money.ZERO, Money::plus);
		Set<Long> themeIds = new LinkedHashSet<>();
		planned.forEach(line -> themeIds.add(line.themeId()));
		this.themes.themes(YEAR)
			.stream()
			.filter(theme -> theme.kind() == ThemeKind.THEME)
			.map(ThemeView::id)
			.forEach(themeIds::add);
		List<Long> roundThemes = List.copyOf(themeIds);
		RoundHistory round = new RoundHistory(REFERENCE, "PCC Grant 2013-14", YEAR, planned.get(0).streamId(),
				budget.amount().toPlainString(), "2500", "10000", at(LocalDate.of(2013, 7, 1), LocalTime.of(9, 0)),
				at(LocalDate.of(2013, 7, 26), LocalTime.NOON), at(LocalDate.of(2013, 7, 29), LocalTime.of(10, 0)),
				at(LocalDate.of(2013, 8, 9), LocalTime.of(17, 0)), at(LocalDate.of(2013, 8, 12), LocalTime.of(11, 0)),
				LocalDate.of(2013, 8, 20), GUIDANCE, ELIGIBILITY, roundThemes,
				List.of(new String[] { "Contribution to the Police and Crime Plan", "40" },
						new String[] { "Evidence of need", "30" },
						new String[] { "Outcomes and value for money", "30" }),
				List.of(rowan, robin, remi),
				List.of(new String[] { OFFICER, "Office of the Police and Crime Commissioner" },
						new String[] { "Fay Force (demo)", "Leicestershire Police" },
						new String[] { "Cal County (demo)", "Leicestershire County Council" },
						new String[] { "Cy City (demo)", "Leicester City Council" },
						new String[] { "Ru Rutland (demo)", "Rutland County Council" },
						new String[] { "Pip Probation (demo)", "Leicestershire and Rutland Probation Trust" },
						new String[] { "Tess Thirdsector (demo)", "Voluntary Action LeicesterShire" }),
				OFFICER);
		long id = this.transaction.execute(
				status -> round.write(this.jdbc, this.applicants, applied(planned, roundThemes), "pccg2013.example"));
		String record = this.decision.supported(REFERENCE, LocalDate.of(2013, 9, 5));
		log.info("The seed's 2013 PCC Grant round {} ({}) was decided by {}: {} awards, {}", REFERENCE, id, record,
				planned.size(), budget.format());
	}

	/**
	 * The PCC Grant lines the 2013-14 schedule planned for this round, in the schedule's
	 * order.
	 */
	static List<AwardLineView> planned(ScheduleView schedule) {
		return RoundHistory.plannedFor(schedule, PurchasingRoute.PCC_GRANT, REFERENCE);
	}

	/**
	 * The 33 applications: the eleven funded (the seed's organisations and amounts, asked
	 * in full, scored 75 to 95 on average), then twenty not funded (scored 40 to 65),
	 * then two not eligible; Rowan declares a conflict on Westcotes Street Pastors, which
	 * Remi reviews instead.
	 */
	private static List<RoundHistory.Applied> applied(List<AwardLineView> planned, List<Long> themes) {
		List<RoundHistory.Applied> applied = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			AwardLineView line = planned.get(i);
			boolean conflict = line.organisationName().toLowerCase(Locale.UK).contains("westcotes");
			int high = 5 - (i % 2);
			int[] first = { high, 4, 5 - (i % 3 == 0 ? 1 : 0) };
			int[] second = { 4, high, 4 };
			int[][] scores = conflict ? new int[][] { null, second, first } : new int[][] { first, second, null };
			String amount = line.total().amount().toPlainString();
			applied.add(new RoundHistory.Applied(line.organisationName(), typeOf(line.organisationName()),
					line.initiative(), amount, line.themeId(), scores, conflict ? 0 : -1,
					conflict ? "I am a trustee of the applicant (demo)" : null, "FUND", amount,
					"The reviewers scored the project highly against the Police and Crime Plan; the panel funds it "
							+ "in full."));
		}
		for (int i = 0; i < UNFUNDED.length; i++) {
			int low = 2 + (i % 2);
			applied.add(new RoundHistory.Applied(UNFUNDED[i][0], "OTHER", UNFUNDED[i][1], UNFUNDED[i][2],
					themes.get(i % themes.size()), new int[][] { { low, 3, 2 }, { 3, low, 3 }, null }, -1, null,
					"DO_NOT_FUND", null,
					"A worthwhile idea, but the reviewers found less evidence of local need than in the funded "
							+ "applications, and the budget was spent on those. You are welcome to apply again."));
		}
		for (String[] ineligible : INELIGIBLE) {
			applied.add(new RoundHistory.Applied(ineligible[0], "OTHER", ineligible[1], ineligible[2], themes.get(0),
					null, -1, null, null, null, ineligible[3]));
		}
		return applied;
	}

	private static String typeOf(String organisation) {
		return organisation.contains("CIC") ? "CIC" : "CHARITY";
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, Dates.UK).toInstant();
	}

	private static final String GUIDANCE = """
			The seed's 2013 PCC Grant (EXE 0025/13), written as history for the CSP Grants demo: the eleven awards \
			are the seed's; the other applicants, the scores, the reviewers and the panel's members are invented.

			Grants of £2,500 to £10,000 for projects that contribute to the themes of the Police and Crime Plan.""";

	private static final String ELIGIBILITY = """
			All interested parties: voluntary and community groups, charities and social enterprises working in \
			Leicester, Leicestershire or Rutland.""";

}
