package uk.opcc.cspgrants.demo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.commissioning.AwardLineDraft;
import uk.opcc.cspgrants.commissioning.AwardLineView;
import uk.opcc.cspgrants.commissioning.AwardScheduleManagement;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.FundingStreamManagement;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.PlanDetails;
import uk.opcc.cspgrants.commissioning.PlanManagement;
import uk.opcc.cspgrants.commissioning.PlanView;
import uk.opcc.cspgrants.commissioning.ScheduleDecisions;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.commissioning.StreamDetails;
import uk.opcc.cspgrants.commissioning.StreamKind;
import uk.opcc.cspgrants.commissioning.spreadsheet.ImportChoices;
import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleImports;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.decision.Outcome;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.decision.Section;
import uk.opcc.cspgrants.grants.OrganisationGrantManagement;
import uk.opcc.cspgrants.grants.OrganisationGrantView;
import uk.opcc.cspgrants.grants.OrganisationGrants;
import uk.opcc.cspgrants.monitoring.OrganisationReturnDetails;
import uk.opcc.cspgrants.monitoring.OrganisationReturnManagement;
import uk.opcc.cspgrants.organisations.OrganisationDetails;
import uk.opcc.cspgrants.organisations.OrganisationDirectory;
import uk.opcc.cspgrants.organisations.OrganisationManagement;
import uk.opcc.cspgrants.organisations.OrganisationRecord;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.organisations.OrganisationView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;

/**
 * The 2013-14 partner funding of decision record EXE 0025/13 (seed
 * {@code 003_b5c9e5bbd5cff429}), loaded once as the OPCC would: the three councils and
 * the force as recipients (the councils the lead authorities of their CSPs), the Police
 * and Crime Plan 2013-17 with its three themes, "All themes" and "Discretionary", adopted
 * for the year; the three funding streams (£3,249,023); the schedule imported from the
 * spreadsheet typed from the seed ({@code demo/exe-0025-13-schedule.csv}), each section
 * paid from the stream a finance officer would choose; the references each purchasing
 * route needs; the decision record drafted from it and signed on the seed's dates; the
 * grants that its Supported decision makes, paid; a recipient contact for Catch22 with a
 * first return accepted.
 * <p>
 * The seed's lines cannot be paid section by section from the three streams without going
 * £4,838 (0.37%) over the force's stream (they add up to £3,240,231 against £3,249,023),
 * so the demo's schedule allows 1% over-allocation, as the year's settings may.
 */
@Component
@Profile("demo")
@Order(15)
class CommissioningDemo implements ApplicationRunner {

	static final FinancialYear YEAR = FinancialYear.parse("2013-14");

	static final String SCHEDULE_FILE = "demo/exe-0025-13-schedule.csv";

	/**
	 * The stream of each of the spreadsheet's seven sections: 0 grant, 1 force, 2
	 * reserve.
	 */
	private static final int[] STREAM_OF_SECTION = { 0, 0, 0, 1, 0, 2, 1 };

	/** The spreadsheet's names of recipients recorded under their full names. */
	private static final Map<String, String> RECORDED_AS = Map.of("leicester city", "Leicester City Council",
			"police force", "Leicestershire Police");

	/** The CSPs of the schedule's business-case headings, by the register's code. */
	private static final Map<String, String> CSP_OF_HEADING = Map.of("safer leicester partnership", "LEI",
			"safer rutland partnership", "RUT", "north west leicestershire safer community partnership", "NWL",
			"melton safer community partnership", "MEL", "harborough safer community partnership", "HAR",
			"leicester & wigston safer community partnership", "OAW", "charnwood safer community partnership", "CHA");

	private static final Logger log = LoggerFactory.getLogger(CommissioningDemo.class);

	private final UserManagement users;

	private final PartnershipManagement partnerships;

	private final OrganisationManagement organisations;

	private final OrganisationDirectory directory;

	private final PlanManagement plans;

	private final FundingStreamManagement streams;

	private final AwardScheduleManagement schedules;

	private final AwardSchedules scheduleReads;

	private final ScheduleImports imports;

	private final ScheduleDecisions scheduleDecisions;

	private final DecisionManagement decisions;

	private final OrganisationGrants grants;

	private final OrganisationGrantManagement grantManagement;

	private final OrganisationReturnManagement returns;

	CommissioningDemo(UserManagement users, PartnershipManagement partnerships, OrganisationManagement organisations,
			OrganisationDirectory directory, PlanManagement plans, FundingStreamManagement streams,
			AwardScheduleManagement schedules, AwardSchedules scheduleReads, ScheduleImports imports,
			ScheduleDecisions scheduleDecisions, DecisionManagement decisions, OrganisationGrants grants,
			OrganisationGrantManagement grantManagement, OrganisationReturnManagement returns) {
		this.users = users;
		this.partnerships = partnerships;
		this.organisations = organisations;
		this.directory = directory;
		this.plans = plans;
		this.streams = streams;
		this.schedules = schedules;
		this.scheduleReads = scheduleReads;
		this.imports = imports;
		this.scheduleDecisions = scheduleDecisions;
		this.decisions = decisions;
		this.grants = grants;
		this.grantManagement = grantManagement;
		this.returns = returns;
	}

	@org.springframework.beans.factory.annotation.Value("${csp-grants.demo.commissioning:true}")
	boolean enabled = true;

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.enabled || this.scheduleReads.schedule(YEAR).isPresent()) {
			return;
		}
		recipients();
		CurrentUser officer = principal("officer");
		PlanView plan = as("officer", () -> this.plans.create(new PlanDetails("Police and Crime Plan 2013-17",
				LocalDate.of(2013, 3, 31),
				"Reoffending and Offending\nMaking our Communities and Neighbourhoods Safer\nProtecting the Vulnerable",
				true, true), officer));
		as("officer", () -> this.plans.adopt(YEAR, plan.id(), null, officer));
		List<FundingStreamView> yearStreams = List.of(
				stream("PCC Community Safety Grant", "Home Office", StreamKind.GRANT, "1649000.00",
						"Community Safety Fund: to fund initiatives that contribute to the Strategic Priorities of the "
								+ "Police and Crime Plan",
						officer),
				stream("Former Police Force Partnership funding", "Leicestershire Police", StreamKind.FORCE,
						"1305029.00", null, officer),
				stream("Use of Budget Equalisation Reserve", "Police and Crime Commissioner", StreamKind.RESERVE,
						"294994.00",
						"Part of the additional £1m over three years announced in May 2013 for prevention and early "
								+ "intervention",
						officer));
		as("officer", () -> this.schedules.open(YEAR, "Police and Crime Commissioner funding allocations for 2013/14",
				BigDecimal.ONE, officer));
		ScheduleView schedule = importSchedule(yearStreams, officer);
		schedule = references(schedule, officer);
		decide(schedule, officer);
		payments();
		recipientContact();
		log.info("Demo commissioning is loaded: the 2013-14 award schedule of EXE 0025/13, decided, with its grants");
	}

	/**
	 * The councils and the force, with the 360Giving identifiers of their registers; the
	 * councils lead their CSPs.
	 */
	private void recipients() {
		long city = organisation(local("Leicester City Council", "LCE"));
		organisation(local("Leicestershire County Council", "LEC"));
		long rutland = organisation(local("Rutland County Council", "RUT"));
		organisation(OrganisationDetails.named("Leicestershire Police", OrganisationType.POLICE_FORCE));
		lead("LEI", city);
		lead("RUT", rutland);
	}

	private static OrganisationDetails local(String name, String code) {
		return new OrganisationDetails(name, OrganisationType.LOCAL_AUTHORITY, null, null, code, null, null, null, null,
				null);
	}

	private long organisation(OrganisationDetails details) {
		Optional<OrganisationView> existing = this.directory.all()
			.stream()
			.filter((organisation) -> organisation.name().equalsIgnoreCase(details.name()))
			.findFirst();
		if (existing.isPresent()) {
			return existing.get().id();
		}
		OrganisationRecord created = as("officer", () -> this.organisations.create(details, true));
		return created.id();
	}

	private void lead(String partnershipCode, long organisationId) {
		this.partnerships.findByCode(partnershipCode).ifPresent((partnership) -> {
			if (this.directory.leadAuthorityOf(partnership.id()).isEmpty()) {
				as("officer", () -> {
					this.organisations.setLeadAuthorityOf(partnership.id(), organisationId);
					return null;
				});
			}
		});
	}

	private FundingStreamView stream(String name, String funder, StreamKind kind, String amount, String conditions,
			CurrentUser officer) {
		return as("officer", () -> this.streams.create(YEAR,
				new StreamDetails(name, funder, kind, Money.of(amount), conditions, false), officer));
	}

	private ScheduleView importSchedule(List<FundingStreamView> yearStreams, CurrentUser officer) throws IOException {
		byte[] file;
		try (InputStream in = CommissioningDemo.class.getClassLoader().getResourceAsStream(SCHEDULE_FILE)) {
			if (in == null) {
				throw new IOException("The demo schedule " + SCHEDULE_FILE + " is missing");
			}
			file = in.readAllBytes();
		}
		long id = as("officer", () -> this.imports.upload(YEAR, "exe-0025-13-schedule.csv", file, officer));
		ImportChoices choices = ImportChoices.defaults(this.imports.check(YEAR, id).reading());
		choices.setScheduleVersion(this.scheduleReads.schedule(YEAR).map(ScheduleView::version).orElse(null));
		List<Long> sectionStreams = new java.util.ArrayList<>();
		for (int i = 0; i < choices.getStreams().size(); i++) {
			sectionStreams.add(yearStreams.get(STREAM_OF_SECTION[Math.min(i, STREAM_OF_SECTION.length - 1)]).id());
		}
		choices.setStreams(sectionStreams);
		// as an officer would on the check page: the spreadsheet's "Leicester city" and
		// "Police Force" are the organisations recorded as Leicester City Council and
		// Leicestershire Police
		choices.setRecipients(choices.getRecipients()
			.stream()
			.map((name) -> RECORDED_AS.getOrDefault(name.strip().toLowerCase(Locale.ROOT), name))
			.toList());
		return as("officer", () -> this.imports.confirm(YEAR, id, choices, officer));
	}

	/**
	 * The references each route needs before the schedule goes to a decision: the CSPs'
	 * business cases, the contract with the sub-regional commissioning board, the 2013
	 * PCC Grant round (33 applications, seed EXE 0025/13),
	 * {@value SeedRoundDemo#REFERENCE}, whose own decision replaces these planned lines
	 * with its awards.
	 */
	private ScheduleView references(ScheduleView imported, CurrentUser officer) {
		ScheduleView schedule = imported;
		for (AwardLineView line : imported.lines()) {
			String businessCase = null;
			String contract = null;
			String round = null;
			Long partnership = line.partnershipId();
			switch (line.route().needs()) {
				case BUSINESS_CASE -> {
					businessCase = (line.businessCaseRef() != null) ? null
							: "CSP business case 2013-14, line " + line.position();
					Optional<PartnershipView> csp = partnershipOf(line.organisationName());
					if (csp.isPresent() && line.roundRef() == null) {
						round = BusinessCaseRoundDemo.REFERENCE;
						partnership = csp.get().id();
					}
				}
				case CONTRACT -> contract = (line.contractRef() != null) ? null
						: "Sub-regional Drug & Alcohol Commissioning Board contract 2013-14";
				case ROUND -> round = (line.roundRef() != null) ? null : SeedRoundDemo.REFERENCE;
				default -> {
				}
			}
			if (businessCase == null && contract == null && round == null) {
				continue;
			}
			AwardLineDraft draft = new AwardLineDraft(line.section(), line.organisationId(), partnership,
					line.initiative(), line.status(), line.streamId(), line.themeId(), line.route(),
					(businessCase != null) ? businessCase : line.businessCaseRef(),
					(contract != null) ? contract : line.contractRef(), (round != null) ? round : line.roundRef(),
					line.inKind(), line.comments(), line.replacesLineId(), null,
					line.periods()
						.stream()
						.map((period) -> new AwardLineDraft.PeriodDraft(period.startsOn(), period.endsOn(),
								period.amount()))
						.toList());
			long version = schedule.version();
			as("officer", () -> this.schedules.changeLine(YEAR, line.id(), version, draft, officer));
			schedule = this.scheduleReads.schedule(YEAR).orElseThrow();
		}
		return schedule;
	}

	/**
	 * The partnership of today's register a 2013 schedule's CSP heading names ("Safer
	 * Leicester Partnership", "Leicester &amp; Wigston Safer Community Partnership", the
	 * seed's slip for Oadby and Wigston); none for the joint Blaby &amp; Hinckley
	 * partnership of 2013, which the register keeps as two.
	 */
	private Optional<PartnershipView> partnershipOf(String heading) {
		String code = CSP_OF_HEADING.get(heading.strip().toLowerCase(Locale.ROOT));
		return (code == null) ? Optional.empty() : this.partnerships.findByCode(code);
	}

	/**
	 * Drafted on 27 August 2013, consulted 3 September, publication 4 September,
	 * Supported 5 September.
	 */
	private void decide(ScheduleView schedule, CurrentUser officer) {
		DecisionView record = as("officer",
				() -> this.scheduleDecisions.draft(YEAR, schedule.version(), LocalDate.of(2013, 8, 27), officer));
		as("finance", () -> this.decisions.consult(record.reference(), "Peter Lewis", LocalDate.of(2013, 9, 3),
				principal("finance")));
		as("monitoring",
				() -> this.decisions.decidePublication(record.reference(), Publication.YES, Publication.YES,
						Publication.YES, null, EnumSet.noneOf(Section.class), LocalDate.of(2013, 9, 4),
						principal("monitoring")));
		as("commissioner", () -> this.decisions.decide(record.reference(), Outcome.SUPPORTED, LocalDate.of(2013, 9, 5),
				null, principal("commissioner")));
	}

	/**
	 * Finance paid each half-year of 2013-14 a fortnight into it (or after the decision).
	 */
	private void payments() {
		CurrentUser finance = principal("finance");
		int number = 0;
		for (OrganisationGrantView grant : this.grants.grants(YEAR)) {
			for (OrganisationGrantView.Payment payment : grant.payments()) {
				if (payment.paidOn() != null) {
					continue;
				}
				number++;
				LocalDate paidOn = payment.startsOn().getMonthValue() == 4 ? LocalDate.of(2013, 9, 20)
						: payment.startsOn().plusDays(14);
				String reference = "PCC/2013/" + String.format("%03d", number);
				as("finance", () -> this.grantManagement.recordPayment(payment.id(), payment.version(), paidOn,
						reference, finance));
			}
		}
	}

	/**
	 * Rita Recipient, the contact for Catch22, with its April to June 2013 return
	 * accepted.
	 */
	private void recipientContact() {
		Optional<OrganisationGrantView> catch22 = this.grants.grants(YEAR)
			.stream()
			.filter((grant) -> grant.organisationName().equalsIgnoreCase("Catch22"))
			.findFirst();
		if (catch22.isEmpty() || this.users.exists("recipient")) {
			return;
		}
		OrganisationGrantView grant = catch22.get();
		this.users.create("recipient", new AccountDetails("Rita Recipient", "rita.recipient@catch22.example",
				Set.of(Role.RECIPIENT), null, null, grant.organisationId()), DemoData.DEMO_PASSWORD);
		CurrentUser recipient = principal("recipient");
		as("recipient",
				() -> this.returns.save(grant.id(), Quarter.Q1, new OrganisationReturnDetails(Money.of("7200.00"),
						"Community Action Against Crime: 46 young people took part in 12 sessions; 9 referred on to "
								+ "education or training",
						null, null), recipient));
		as("recipient", () -> this.returns.submit(grant.id(), Quarter.Q1, null, recipient));
		as("officer", () -> this.returns.accept(grant.id(), Quarter.Q1, null, principal("officer")));
	}

	private CurrentUser principal(String username) {
		return this.users.principalOf(username).orElseThrow();
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return DemoData.as(this.users, username, work);
	}

}
