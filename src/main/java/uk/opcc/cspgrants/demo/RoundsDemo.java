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
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.commissioning.FundingStreamManagement;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.PlanDetails;
import uk.opcc.cspgrants.commissioning.PlanManagement;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.PlanView;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.StreamDetails;
import uk.opcc.cspgrants.commissioning.StreamKind;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.rounds.Criterion;
import uk.opcc.cspgrants.rounds.RoundCriteria;
import uk.opcc.cspgrants.rounds.RoundDetails;
import uk.opcc.cspgrants.rounds.RoundManagement;
import uk.opcc.cspgrants.rounds.RoundOpening;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A grant round open on the demo's date, so that the public pages have a round to apply
 * to: "Safer Communities Small Grants", in the financial year of the demo's date (2024-25
 * on the demo's clock), opened at 9am on the 1st of the month before it and closing at
 * midday 22 days after it (15 November 2024), with a stream of £50,000 and, when the year
 * has no plan, a demo plan with three themes adopted for it. Everything about the round
 * is invented for the demo, and says so; the seed's own round (the 2013 PCC Grant of EXE
 * 0025/13) comes with applications in a later step. Loaded once: not when the round is
 * there already.
 */
@Component
@Profile("demo")
@Order(16)
class RoundsDemo implements ApplicationRunner {

	static final String REFERENCE = "SCSG-DEMO";

	private static final Logger log = LoggerFactory.getLogger(RoundsDemo.class);

	private final UserManagement users;

	private final PlanManagement plans;

	private final PlanThemes themes;

	private final FundingStreamManagement streams;

	private final RoundManagement rounds;

	private final Rounds roundReads;

	private final RoundOpening opening;

	private final Clock clock;

	@Value("${csp-grants.demo.rounds:true}")
	boolean enabled = true;

	RoundsDemo(UserManagement users, PlanManagement plans, PlanThemes themes, FundingStreamManagement streams,
			RoundManagement rounds, Rounds roundReads, RoundOpening opening, Clock clock) {
		this.users = users;
		this.plans = plans;
		this.themes = themes;
		this.streams = streams;
		this.rounds = rounds;
		this.roundReads = roundReads;
		this.opening = opening;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || this.roundReads.find(REFERENCE).isPresent()) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Dates.UK));
		FinancialYear year = FinancialYear.of(today);
		CurrentUser officer = this.users.principalOf("officer").orElseThrow();
		List<Long> themeIds = themes(year, officer);
		FundingStreamView stream = as(() -> this.streams.create(year,
				new StreamDetails("Community Safety Small Grants (demo)", "Police and Crime Commissioner",
						StreamKind.GRANT, Money.of("50000.00"),
						"Invented for the demo: small grants to community groups for local crime prevention", false),
				officer));
		Instant opens = ZonedDateTime.of(today.minusMonths(1).withDayOfMonth(1), LocalTime.of(9, 0), Dates.UK)
			.toInstant();
		Instant closes = ZonedDateTime.of(today.plusDays(22), LocalTime.NOON, Dates.UK).toInstant();
		as(() -> this.rounds.create(year, REFERENCE,
				new RoundDetails("Safer Communities Small Grants " + year, PurchasingRoute.PCC_GRANT, stream.id(),
						Money.of("50000.00"), Money.of("500.00"), Money.of("5000.00"), opens, closes, GUIDANCE,
						ELIGIBILITY, 2, new BigDecimal("20"), false, themeIds),
				officer));
		RoundView criteria = as(() -> this.rounds.setCriteria(REFERENCE, new RoundCriteria(List.of(
				new Criterion("Fit with the Police and Crime Plan", "How the project serves one of the round's themes",
						new BigDecimal("30")),
				new Criterion("Evidence of need", "Local evidence of the problem the project tackles",
						new BigDecimal("25")),
				new Criterion("Outcomes and how they are measured",
						"What will change, for whom, and how the group will know", new BigDecimal("20")),
				new Criterion("Value for money", "What the money buys, line by line", new BigDecimal("15")),
				new Criterion("Partnership working", "Who the group works with, and how", new BigDecimal("10")))), 0L,
				officer));
		as(() -> this.opening.open(REFERENCE, criteria.version(), officer));
		log.info("Demo grant round {} is open until {}", REFERENCE, Dates.dayAndTime(closes));
	}

	/** The themes of the year's plan: a demo plan adopted for the year if it has none. */
	private List<Long> themes(FinancialYear year, CurrentUser officer) {
		List<ThemeView> ofTheYear = this.themes.themes(year);
		if (ofTheYear.isEmpty()) {
			PlanView plan = as(() -> this.plans.create(
					new PlanDetails("Demo Police and Crime Plan " + year, LocalDate.of(year.startYear(), 3, 31),
							"Protecting the Vulnerable\nReducing Reoffending\nSafer " + "Communities", false, false),
					officer));
			as(() -> this.plans.adopt(year, plan.id(), null, officer));
			ofTheYear = this.themes.themes(year);
		}
		return ofTheYear.stream().map(ThemeView::id).toList();
	}

	private <T> T as(java.util.function.Supplier<T> work) {
		return DemoData.as(this.users, "officer", work);
	}

	private static final String GUIDANCE = """
			This round is invented for the CSP Grants demo.

			Small grants of £500 to £5,000 for community groups to prevent crime and make neighbourhoods \
			safer, spent by 31 March. Tell us what the problem is locally, what your project will do, who \
			will benefit, what it costs line by line and how you will know it worked. Each application is \
			scored by two reviewers against the criteria below; a review panel recommends which to fund, and \
			the Police and Crime Commissioner decides.""";

	private static final String ELIGIBILITY = """
			Constituted voluntary and community groups, registered charities, community interest companies \
			and social enterprises working in Leicester, Leicestershire or Rutland. Individuals and \
			profit-making businesses may not apply.""";

}
