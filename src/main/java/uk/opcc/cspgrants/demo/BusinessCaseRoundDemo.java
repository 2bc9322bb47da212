package uk.opcc.cspgrants.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import uk.opcc.cspgrants.commissioning.AwardLineView;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.organisations.OrganisationDirectory;
import uk.opcc.cspgrants.organisations.OrganisationView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.security.ApplicantSignIn;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * The seed's second route, the CSPs' business cases of EXE 0025/13: "The Community Safety
 * Partnerships (CSP) were requested to submit business cases ... forwarded to
 * Leicestershire Safer Communities Senior Officer Group to enable an independent
 * assessment and recommendations to be presented to the Police and Crime Commissioner".
 * The 2013-14 schedule planned each CSP's initiatives as a new funding stream (Safer
 * Leicester's Overall Crime £25,000, ASB £25,000 and Street Drinkers £21,000, Safer
 * Rutland's CSE project £3,100, and the districts'); here they are the business cases of
 * round {@value #REFERENCE}, written as history (opened 9 September 2013, closed 20
 * September, the panel on 2 October) and decided through the service on 4 October 2013:
 * each award replaces its planned line with a committed one naming the partnership, and
 * becomes a grant to the partnership's lead authority. The amounts are the seed's; the
 * dates, the scores, the assessors, the panel's members and one business case not funded
 * are invented, and say so. The five lines of the joint Blaby and Hinckley partnership of
 * 2013 stay planned: today's register keeps Blaby and Hinckley and Bosworth as two
 * partnerships, and which of them a line was for is not the seed's to say. Loaded once,
 * and only with the commissioning demo's 2013-14 schedule.
 */
@Component
@Profile("demo")
@Order(19)
class BusinessCaseRoundDemo implements ApplicationRunner {

	static final String REFERENCE = "CSPBC-2013";

	private static final FinancialYear YEAR = FinancialYear.parse("2013-14");

	private static final Logger log = LoggerFactory.getLogger(BusinessCaseRoundDemo.class);

	private static final String OFFICER = "Olu Officer";

	private final ApplicantSignIn applicants;

	private final AwardSchedules schedules;

	private final Rounds rounds;

	private final PartnershipManagement partnerships;

	private final OrganisationDirectory organisations;

	private final DemoRoundDecision decision;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	@Value("${csp-grants.demo.rounds:true}")
	boolean enabled = true;

	BusinessCaseRoundDemo(ApplicantSignIn applicants, AwardSchedules schedules, Rounds rounds,
			PartnershipManagement partnerships, OrganisationDirectory organisations, DemoRoundDecision decision,
			JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.applicants = applicants;
		this.schedules = schedules;
		this.rounds = rounds;
		this.partnerships = partnerships;
		this.organisations = organisations;
		this.decision = decision;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || this.rounds.find(REFERENCE).isPresent()) {
			return;
		}
		List<AwardLineView> planned = this.schedules.schedule(YEAR)
			.map(BusinessCaseRoundDemo::planned)
			.orElse(List.of());
		if (planned.isEmpty()) {
			log.info("The CSPs' 2013 business cases need the commissioning demo's 2013-14 schedule");
			return;
		}
		long robin = this.decision.reviewer("reviewer2", "Robin Reviewer", "robin.reviewer@reviewers.example");
		long remi = this.decision.reviewer("reviewer3", "Remi Reviewer", "remi.reviewer@reviewers.example");
		Money budget = planned.stream().map(AwardLineView::total).reduce(Money.ZERO, Money::plus);
		Set<Long> themeIds = new LinkedHashSet<>();
		planned.forEach(line -> themeIds.add(line.themeId()));
		RoundHistory round = new RoundHistory(REFERENCE, "CSP business cases 2013-14", YEAR, planned.get(0).streamId(),
				budget.amount().toPlainString(), "1000", "25000", at(LocalDate.of(2013, 9, 9), LocalTime.of(9, 0)),
				at(LocalDate.of(2013, 9, 20), LocalTime.NOON), at(LocalDate.of(2013, 9, 23), LocalTime.of(10, 0)),
				at(LocalDate.of(2013, 9, 27), LocalTime.of(17, 0)), at(LocalDate.of(2013, 9, 30), LocalTime.of(11, 0)),
				LocalDate.of(2013, 10, 2), GUIDANCE, ELIGIBILITY, List.copyOf(themeIds),
				List.of(new String[] { "Contribution to the Police and Crime Plan", "40" },
						new String[] { "Evidence of local need", "30" },
						new String[] { "Partnership working and value for money", "30" }),
				List.of(robin, remi),
				List.of(new String[] { "Cal County (demo)",
						"Leicestershire County Council, chair of the Senior " + "Officer Group" },
						new String[] { OFFICER, "Office of the Police and Crime Commissioner" },
						new String[] { "Fay Force (demo)", "Leicestershire Police" },
						new String[] { "Pip Probation (demo)", "Leicestershire and Rutland Probation Trust" }),
				OFFICER, PurchasingRoute.CSP_BUSINESS_CASE.name());
		List<RoundHistory.Applied> applied = applied(planned);
		long id = this.transaction
			.execute(status -> round.write(this.jdbc, this.applicants, applied, "cspbc2013.example"));
		String record = this.decision.supported(REFERENCE, LocalDate.of(2013, 10, 4));
		log.info("The CSPs' 2013 business cases {} ({}) were decided by {}: {} awards, {}", REFERENCE, id, record,
				planned.size(), budget.format());
	}

	/**
	 * The business-case lines the 2013-14 schedule planned for this round, in the
	 * schedule's order.
	 */
	static List<AwardLineView> planned(ScheduleView schedule) {
		return RoundHistory.plannedFor(schedule, PurchasingRoute.CSP_BUSINESS_CASE, REFERENCE)
			.stream()
			.filter(line -> line.partnershipId() != null)
			.toList();
	}

	/**
	 * A business case for each planned line, from its partnership's lead authority, for
	 * the line's amount and period, scored 70 to 90 and funded in full; then one more
	 * (invented) that the panel does not fund.
	 */
	private List<RoundHistory.Applied> applied(List<AwardLineView> planned) {
		List<RoundHistory.Applied> applied = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			AwardLineView line = planned.get(i);
			String amount = line.total().amount().toPlainString();
			int high = 4 + (i % 2);
			applied.add(new RoundHistory.Applied(leadAuthority(line.partnershipId()), "LOCAL_AUTHORITY",
					line.initiative(), amount, line.themeId(), new int[][] { { high, 4, 4 }, { 4, high, 4 } }, -1, null,
					"FUND", amount,
					"The Senior Officer Group found the business case well evidenced and the partnership's plan "
							+ "sound; funded in full.",
					line.partnershipId(), first(line), last(line)));
		}
		AwardLineView melton = planned.stream()
			.filter(line -> line.initiative().toLowerCase(java.util.Locale.UK).contains("melton"))
			.findFirst()
			.orElse(planned.get(0));
		applied.add(new RoundHistory.Applied(leadAuthority(melton.partnershipId()), "LOCAL_AUTHORITY",
				"Rural CCTV cameras (demo)", "12000", melton.themeId(), new int[][] { { 2, 3, 2 }, { 3, 2, 2 } }, -1,
				null, "DO_NOT_FUND", null,
				"Capital spending on cameras is better met from the partnership's own budgets; the group did not find "
						+ "the evidence of need as strong as in the other business cases.",
				melton.partnershipId(), YEAR.startDate().withMonth(10), YEAR.endDate()));
		return applied;
	}

	/**
	 * The council that receives a partnership's grants: the register's, else its
	 * record's.
	 */
	private String leadAuthority(long partnershipId) {
		return this.organisations.leadAuthorityOf(partnershipId)
			.map(OrganisationView::name)
			.orElseGet(
					() -> this.partnerships.findById(partnershipId).map(PartnershipView::leadAuthority).orElseThrow());
	}

	private static LocalDate first(AwardLineView line) {
		return line.periods().stream().map(AwardLineView.Period::startsOn).min(LocalDate::compareTo).orElse(null);
	}

	private static LocalDate last(AwardLineView line) {
		return line.periods().stream().map(AwardLineView.Period::endsOn).max(LocalDate::compareTo).orElse(null);
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, Dates.UK).toInstant();
	}

	private static final String GUIDANCE = """
			The seed's CSP business cases for 2013-14 (EXE 0025/13), written as history for the CSP Grants demo: \
			the awards are the seed's; the dates, the scores, the assessors, the panel's members and the business \
			case not funded are invented.

			Each Community Safety Partnership submits a business case for each initiative it asks the Police and \
			Crime Commissioner to co-commission from the Community Safety Fund.""";

	private static final String ELIGIBILITY = """
			The Community Safety Partnerships of Leicester, Leicestershire and Rutland, through their lead \
			authorities.""";

}
