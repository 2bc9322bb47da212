package uk.opcc.cspgrants.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.allocation.FormulaDetails;
import uk.opcc.cspgrants.allocation.FormulaManagement;
import uk.opcc.cspgrants.allocation.FormulaVersionView;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.allocation.RunRequest;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.allocation.check.PublishedSplits;
import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.indicators.IndicatorManagement;
import uk.opcc.cspgrants.indicators.PoliceUkLoads;
import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.indicators.UploadedFile;
import uk.opcc.cspgrants.partnership.PartnershipDetails;
import uk.opcc.cspgrants.partnership.PartnershipGroupDetails;
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.partnership.PartnershipGroupView;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.security.UserView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;

/**
 * Loads the demo partnerships and users, once: what already exists is left as it is, so a
 * restart keeps whatever was changed.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

	/**
	 * Every demo user's password; written in the README. Never used outside the demo
	 * profile.
	 */
	static final String DEMO_PASSWORD = "csp-grants-demo";

	static final List<PartnershipDetails> PARTNERSHIPS = List.of(
			new PartnershipDetails("Leicester", "LEI", "E06000016", "Leicester City Council", true),
			new PartnershipDetails("Charnwood", "CHA", "E07000130", "Charnwood Borough Council", true),
			new PartnershipDetails("Blaby", "BLA", "E07000129", "Blaby District Council", true),
			new PartnershipDetails("Hinckley & Bosworth", "HAB", "E07000132", "Hinckley and Bosworth Borough Council",
					true, List.of("Hinckley and Bosworth")),
			new PartnershipDetails("North West Leicestershire", "NWL", "E07000134",
					"North West Leicestershire District Council", true),
			new PartnershipDetails("Harborough", "HAR", "E07000131", "Harborough District Council", true),
			new PartnershipDetails("Oadby & Wigston", "OAW", "E07000135", "Oadby and Wigston Borough Council", true,
					List.of("Oadby and Wigston")),
			new PartnershipDetails("Melton", "MEL", "E07000133", "Melton Borough Council", true),
			new PartnershipDetails("Rutland", "RUT", "E06000017", "Rutland County Council", true));

	static final String FORMULA_NAME = "Population 20%, crime per 1,000 40%, crime harm 40%, 1-year window";

	static final String DISTRICTS = "Leicestershire and Rutland districts";

	static final String CRIME_COUNTS = "demo/police-uk-leicestershire-crime-counts-2023-01-to-2024-12.csv";

	static final String POPULATION = "demo/ons-population-mid-2022-by-area.csv";

	/**
	 * ONS mid-2022 estimates serve as the population of 2023-24, the year the demo
	 * formula reads.
	 */
	static final FinancialYear POPULATION_YEAR = FinancialYear.parse("2023-24");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final PartnershipManagement partnerships;

	private final UserManagement users;

	private final IndicatorManagement indicators;

	private final PoliceUkLoads policeUk;

	private final FormulaManagement formulas;

	private final RunManagement runs;

	private final PartnershipGroupManagement groups;

	private final DecisionManagement decisions;

	private final ReturnManagement returns;

	private final PublishedSplits publishedSplits;

	DemoData(PartnershipManagement partnerships, UserManagement users, IndicatorManagement indicators,
			PoliceUkLoads policeUk, FormulaManagement formulas, RunManagement runs, DecisionManagement decisions,
			ReturnManagement returns, PublishedSplits publishedSplits, PartnershipGroupManagement groups) {
		this.publishedSplits = publishedSplits;
		this.groups = groups;
		this.partnerships = partnerships;
		this.users = users;
		this.indicators = indicators;
		this.policeUk = policeUk;
		this.formulas = formulas;
		this.runs = runs;
		this.decisions = decisions;
		this.returns = returns;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		whoIsWho();
		user("admin", "Ada Admin", Role.ADMIN, null);
		user("manager", "Morgan Manager", Role.OFFICER, null);
		user("officer", "Olu Officer", Role.OFFICER, null);
		user("finance", "Fran Finance", Role.FINANCE, null);
		user("monitoring", "Mo Monitoring", Role.MONITORING_OFFICER, null);
		user("commissioner", "Chris Commissioner", Role.COMMISSIONER, null);
		Long officer = this.users.principalOf("officer").map(CurrentUser::id).orElse(null);
		for (PartnershipDetails partnership : PARTNERSHIPS) {
			if (this.partnerships.findByCode(partnership.code()).isEmpty()) {
				this.partnerships.create(partnership, officer);
			}
		}
		user("leicester.csp", "Lee Leicester", Role.CSP_MANAGER, "LEI");
		user("reviewer", "Rowan Reviewer", Role.REVIEWER, null);
		loadIndicators();
		approvedRun();
		publishedSplit();
		districtsRun();
		decisionsWaiting();
		decisionWaitingForFinance();
		log.info("Demo data is loaded: sign in as admin, officer, manager, finance, monitoring, commissioner, "
				+ "leicester.csp or reviewer with the password in the README");
	}

	/** Each demo user's e-mail address: {@code .example} is reserved for examples. */
	static final Map<String, String> EMAILS = Map.of("admin", "ada.admin@opcc.example", "officer",
			"olu.officer@opcc.example", "finance", "fran.finance@opcc.example", "monitoring",
			"mo.monitoring@opcc.example", "commissioner", "chris.commissioner@opcc.example", "leicester.csp",
			"lee.leicester@leicester-csp.example", "manager", "morgan.manager@opcc.example", "reviewer",
			"rowan.reviewer@reviewers.example");

	/**
	 * Who is who in a demo database made before it was recorded, once (while it has Olu
	 * Officer but no user {@code manager}): Morgan Manager, head of commissioning, an
	 * OPCC officer recorded as Olu Officer's manager; Olu Officer the officer responsible
	 * for the nine partnerships; and every demo user's e-mail address. A new demo
	 * database has them from the start.
	 */
	private void whoIsWho() {
		if (!this.users.exists("officer") || this.users.exists("manager")) {
			return;
		}
		UserView manager = this.users.create("manager",
				new AccountDetails("Morgan Manager", EMAILS.get("manager"), Set.of(Role.OFFICER), null, null),
				DEMO_PASSWORD);
		CurrentUser admin = this.users.principalOf("admin").orElseThrow();
		for (Map.Entry<String, String> email : EMAILS.entrySet()) {
			CurrentUser person = this.users.principalOf(email.getKey()).orElse(null);
			if (person == null || email.getKey().equals("manager")) {
				continue;
			}
			UserView account = this.users.get(person.id());
			Long managerId = email.getKey().equals("officer") ? Long.valueOf(manager.id()) : account.managerId();
			String code = (account.partnershipId() != null)
					? this.partnerships.findById(account.partnershipId()).map(PartnershipView::code).orElse(null)
					: null;
			as("admin",
					() -> this.users.update(account.id(),
							new AccountDetails(account.displayName(),
									(account.email() != null) ? account.email() : email.getValue(), account.roles(),
									code, managerId),
							account.version(), admin));
		}
		long officer = this.users.principalOf("officer").orElseThrow().id();
		for (PartnershipDetails demo : PARTNERSHIPS) {
			this.partnerships.findByCode(demo.code())
				.filter(partnership -> partnership.responsibleOfficerId() == null)
				.ifPresent(partnership -> as("officer",
						() -> this.partnerships.update(partnership.code(),
								new PartnershipDetails(partnership.name(), partnership.code(), partnership.onsCode(),
										partnership.leadAuthority(), partnership.active(), partnership.aliases()),
								officer, partnership.version())));
		}
	}

	/** Real police.uk crime for 2023 and 2024 and ONS mid-2022 population, once. */
	private void loadIndicators() throws IOException {
		if (!this.indicators.crimeCoverage().isEmpty()) {
			return;
		}
		this.policeUk.importPoliceUk(List.of(classpathFile(CRIME_COUNTS)));
		this.indicators.importPopulation(POPULATION_YEAR, classpathFile(POPULATION));
	}

	/**
	 * The example formula and one approved run for 2024-25 of £97,905.00: made by the
	 * officer, approved by finance, as the pages would do it.
	 */
	private void approvedRun() {
		if (this.formulas.findLatestByName(FORMULA_NAME).isPresent()) {
			return;
		}
		FormulaVersionView formula = as("officer",
				() -> this.formulas
					.create(new FormulaDetails(
							FORMULA_NAME, Map.of("population", new BigDecimal("20"), "crime_per_1000",
									new BigDecimal("40"), "crime_harm", new BigDecimal("40")),
							1, null, null, null, null)));
		RunView run = as("officer",
				() -> this.runs.create(new RunRequest(FinancialYear.parse("2024-25"), Money.of("97905.00"),
						RunPurpose.ALLOCATION, formula.id(), null, null, null,
						"Example: the 2023-24 underspend remainder split as in decision record EXE0019-24")));
		as("finance", () -> this.runs.approve(run.id(), this.users.principalOf("finance").orElseThrow()));
		decisionRecord(run);
		as("officer", () -> demoReturns(run.id()));
	}

	/**
	 * Decision record EXE0019-24's table as published (seed {@code 002_94d27511f08512d2}:
	 * the 2023-24 underspend left after top-slices, £97,905 for 2024-25, split "using the
	 * formula I devised that considers the population of each district, crime per 1000
	 * and the crime harm index"), kept as a published split and checked against the
	 * demo's 2023-24 indicators: the only year for which the demo has population (ONS
	 * mid-2022) and a full twelve months of police.uk crime. Once.
	 */
	private void publishedSplit() {
		if (this.publishedSplits.findByName(EXE0019_24).isPresent()) {
			return;
		}
		as("officer", () -> this.publishedSplits.save(
				new PublishedSplits.SaveRequest(EXE0019_24, "Decision record EXE0019-24", "2024-25",
						new PublishedSplits.CheckRequest(EXE0019_24_TABLE,
								List.of("population", "crime_per_1000", "crime_harm_per_1000"), "2023-24", 1, null)),
				"officer"));
	}

	/** The name of the demo's published split. */
	static final String EXE0019_24 = "EXE0019-24: 2023-24 underspend for the nine CSPs";

	/** The table of EXE0019-24 as published: it adds up to £97,905.01, not £97,905.00. */
	static final String EXE0019_24_TABLE = """
			Leicester £41,602.98
			Charnwood £13,702.99
			Blaby £8,060.72
			Hinckley & Bosworth £7,839.07
			North West Leicestershire (SNWL) £8,230.66
			Harborough £5,736.44
			Oadby & Wigston £4,982.62
			Melton £4,796.07
			Rutland £2,953.46
			""";

	/**
	 * The group of every demo partnership but Leicester city, and a draft run of
	 * £80,000.00 for 2024-25 over it, once: a run over a chosen set of partnerships.
	 */
	private void districtsRun() {
		if (this.groups.findByName(DISTRICTS).isPresent()) {
			return;
		}
		List<Long> districts = this.partnerships.all()
			.stream()
			.filter(partnership -> !partnership.code().equals("LEI"))
			.filter(partnership -> PARTNERSHIPS.stream().anyMatch(demo -> demo.code().equals(partnership.code())))
			.map(PartnershipView::id)
			.toList();
		PartnershipGroupView group = as("officer", () -> this.groups.create(new PartnershipGroupDetails(DISTRICTS,
				"The districts and Rutland: every partnership but Leicester city", districts)));
		FormulaVersionView formula = this.formulas.findLatestByName(FORMULA_NAME).orElseThrow();
		as("officer",
				() -> this.runs.create(new RunRequest(FinancialYear.parse("2024-25"), Money.of("80000.00"),
						RunPurpose.ALLOCATION, formula.id(), null, null, null,
						"Example: a run over a group, the districts without Leicester city", group.id())));
	}

	/**
	 * The decision record of the demo run, signed by four different people and published:
	 * the Supported decision creates the 2024-25 grants.
	 */
	private void decisionRecord(RunView run) {
		DecisionView record = as("officer", () -> this.decisions.create(new DecisionDraft(
				"Community Safety Partnership funding 2024-25", LocalDate.of(2024, 7, 9), "Olu Officer",
				"At the end of the 2023-24 financial year, **£97,905.00** is to be split across the nine Community Safety "
						+ "Partnerships of Leicester, Leicestershire and Rutland.",
				"Split the £97,905.00 by the formula that weighs population (20%), crime per 1,000 population (40%) and "
						+ "crime harm (40%), as in the table below.",
				"- Every partnership's share is explained on the public allocation page\n- The split adds up to the pot to the penny",
				"£97,905.00 from the Community Safety Partnership budget.", run.id(), null, null),
				this.users.principalOf("officer").orElseThrow()));
		as("finance", () -> this.decisions.consult(record.reference(), "Fran Finance", LocalDate.of(2024, 7, 9),
				this.users.principalOf("finance").orElseThrow()));
		as("monitoring",
				() -> this.decisions.decidePublication(record.reference(), Publication.YES, Publication.YES,
						Publication.YES, null, Set.of(), LocalDate.of(2024, 7, 10),
						this.users.principalOf("monitoring").orElseThrow()));
		as("commissioner", () -> this.decisions.decide(record.reference(), uk.opcc.cspgrants.decision.Outcome.SUPPORTED,
				LocalDate.of(2024, 7, 11), null, this.users.principalOf("commissioner").orElseThrow()));
	}

	/** The title of the demo's record waiting for the Monitoring Officer. */
	static final String WAITING_FOR_PUBLICATION = "Knife crime prevention in the night-time economy 2024-25";

	/** The title of the demo's record waiting for the Commissioner. */
	static final String WAITING_FOR_DECISION = "Safer streets top-slice for Oadby & Wigston 2024-25";

	/**
	 * Two decision records part way, once: one signed as consulted by finance and waiting
	 * for the Monitoring Officer's publication decision, one waiting for the
	 * Commissioner's decision, so each has something on their home page.
	 */
	private void decisionsWaiting() {
		if (this.decisions.list().stream().anyMatch(record -> record.draft().title().equals(WAITING_FOR_PUBLICATION))) {
			return;
		}
		DecisionView publication = as("officer", () -> this.decisions
			.create(new DecisionDraft(WAITING_FOR_PUBLICATION, LocalDate.of(2024, 9, 2), "Olu Officer",
					"Leicester CSP asks for **£6,000.00** for knife crime prevention work in the night-time economy.",
					"Fund the work from the Community Safety Partnership budget.", null,
					"£6,000.00 from the Community Safety Partnership budget.", null, null, null),
					this.users.principalOf("officer").orElseThrow()));
		as("finance", () -> this.decisions.consult(publication.reference(), "Fran Finance", LocalDate.of(2024, 9, 3),
				this.users.principalOf("finance").orElseThrow()));
		DecisionView decision = as("officer",
				() -> this.decisions.create(
						new DecisionDraft(WAITING_FOR_DECISION, LocalDate.of(2024, 9, 9), "Olu Officer",
								"Oadby & Wigston CSP asks for **£4,500.00** for safer streets patrols and lighting.",
								"Award £4,500.00 as a top-slice before the 2024-25 underspend is split.", null,
								"£4,500.00 from the Community Safety Partnership budget.", null, null, null),
						this.users.principalOf("officer").orElseThrow()));
		as("finance", () -> this.decisions.consult(decision.reference(), "Fran Finance", LocalDate.of(2024, 9, 10),
				this.users.principalOf("finance").orElseThrow()));
		as("monitoring",
				() -> this.decisions.decidePublication(decision.reference(), Publication.YES, Publication.YES,
						Publication.YES, null, Set.of(), LocalDate.of(2024, 9, 11),
						this.users.principalOf("monitoring").orElseThrow()));
	}

	/** The title of the demo's record waiting for finance. */
	static final String WAITING_FOR_FINANCE = "Domestic abuse champions in Charnwood 2024-25";

	/**
	 * A decision record drafted by the officer and waiting for finance to sign it as
	 * consulted, once: with the two above, finance, the Monitoring Officer and the
	 * Commissioner each have one waiting.
	 */
	private void decisionWaitingForFinance() {
		if (this.decisions.list().stream().anyMatch(record -> record.draft().title().equals(WAITING_FOR_FINANCE))) {
			return;
		}
		as("officer", () -> this.decisions.create(
				new DecisionDraft(WAITING_FOR_FINANCE, LocalDate.of(2024, 10, 21), "Olu Officer",
						"Charnwood CSP asks for **£3,200.00** to train domestic abuse champions in local businesses.",
						"Fund the training from the Community Safety Partnership budget.", null,
						"£3,200.00 from the Community Safety Partnership budget.", null, null, null),
				this.users.principalOf("officer").orElseThrow()));
	}

	/**
	 * Q1 returns of 2024-25 from every partnership but Rutland, accepted, and a Q2 return
	 * from Leicester waiting to be accepted: the dashboard and the Q1 and Q2 reports have
	 * something to show, including a missing return.
	 */
	private Object demoReturns(long runId) {
		RunView run = this.runs.get(runId);
		FinancialYear year = FinancialYear.parse("2024-25");
		for (RunView.Line line : run.lines()) {
			if (line.code().equals("RUT")) {
				continue;
			}
			Money planned = Money.ofPence(line.amount().pence() * 3 / 4);
			Money spend = Money.ofPence(line.amount().pence() / 5);
			this.returns.save(year, Quarter.Q1, line.code(),
					new ReturnDetails(planned, spend, List.of(new ReturnDetails.Activity("Community safety projects",
							"Safer communities", planned, spend, "Projects started")), null, null, null));
			this.returns.submit(year, Quarter.Q1, line.code());
			this.returns.accept(year, Quarter.Q1, line.code());
		}
		RunView.Line leicester = run.line("LEI");
		this.returns.save(year, Quarter.Q2, "LEI", new ReturnDetails(leicester.amount(),
				Money.ofPence(leicester.amount().pence() * 2 / 5), List.of(), "Fully committed", null, null));
		this.returns.submit(year, Quarter.Q2, "LEI");
		return null;
	}

	private <T> T as(String username, Supplier<T> work) {
		return as(this.users, username, work);
	}

	/** Does some work signed in as one of the demo users, as the pages would. */
	static <T> T as(UserManagement users, String username, Supplier<T> work) {
		CurrentUser user = users.principalOf(username).orElseThrow();
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static UploadedFile classpathFile(String path) {
		ClassPathResource resource = new ClassPathResource(path);
		return UploadedFile.of(resource.getFilename(), resource::getInputStream);
	}

	/**
	 * A demo user with their e-mail address; Olu Officer with Morgan Manager as manager.
	 */
	private void user(String username, String name, Role role, String partnershipCode) {
		if (!this.users.exists(username)) {
			Long manager = username.equals("officer")
					? this.users.principalOf("manager").map(CurrentUser::id).orElse(null) : null;
			this.users.create(username,
					new AccountDetails(name, EMAILS.get(username), Set.of(role), partnershipCode, manager),
					DEMO_PASSWORD);
		}
	}

}
