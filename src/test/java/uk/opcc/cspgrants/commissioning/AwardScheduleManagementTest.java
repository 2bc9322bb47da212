package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The award schedule's commands on the database, with the seed's figures (EXE 0025/13,
 * 2013-14) typed into a year no other test uses: Leicester City's lines, the streams of
 * £1,649,000, £1,305,029 and £294,994, the route's references, the decision.
 */
@IntegrationTest
class AwardScheduleManagementTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2001-02");

	@Autowired
	AwardScheduleManagement management;

	@Autowired
	AwardSchedules schedules;

	@Autowired
	ScheduleDecisions decisions;

	@Autowired
	JdbcTemplate jdbc;

	private ScheduleFixture fixture;

	private CurrentUser officer;

	@BeforeEach
	void year() {
		this.fixture = new ScheduleFixture(this.jdbc, YEAR, "1649000", "1305029", "294994");
		this.officer = Principals.of("officer", this.jdbc);
	}

	@AfterEach
	void removeYear() {
		this.fixture.remove();
	}

	@Test
	void leicesterCitysLinesAddUpWithTheReplacedLineStruckOutOfTheTotals() {
		ScheduleView opened = this.management.open(YEAR, "Partner funding 2001-02", BigDecimal.ZERO, this.officer);
		long youthCrime = add(opened.version(), line(this.fixture.city, "Youth Crime & Substance Misuse Prevention",
				this.fixture.grantStream, "52880", "0"))
			.id();
		add(version(),
				line(this.fixture.city, "Drug Intervention Programme (DIP)", this.fixture.grantStream, "215478", "0"));
		add(version(), line(this.fixture.city, "Community Safety Fund", this.fixture.grantStream, "92288", "0"));
		add(version(), line(this.fixture.city, "LSCB", this.fixture.forceStream, "43945", "0"));
		add(version(), line(this.fixture.city, "LSAB", this.fixture.forceStream, "8500", "0"));
		add(version(), line(this.fixture.city, "Youth Offending Service", this.fixture.forceStream, "99348", "0"));
		add(version(), line(this.fixture.city, "Voluntary Action Leicester", this.fixture.forceStream, "10000", "0"));
		add(version(), line(this.fixture.city, "Youth Prevention and Diversion Pathway", this.fixture.reserveStream,
				"0", "72800"));
		AwardLineView dip = add(version(),
				replacing(youthCrime,
						line(this.fixture.city, "Co-commissioning with the Drug & Alcohol Commissioning Board",
								this.fixture.grantStream, "0", "52880")));

		ScheduleView schedule = this.schedules.schedule(YEAR).orElseThrow();
		assertThat(schedule.lines()).hasSize(9);
		AwardLineView replaced = schedule.lines().get(0);
		assertThat(replaced.counted()).isFalse();
		assertThat(replaced.replacedByLineId()).isEqualTo(dip.id());
		ScheduleTotals totals = this.management.totals(YEAR, schedule);
		// by hand: 215,478 + 92,288 + 43,945 + 8,500 + 99,348 + 10,000 = 469,559 (the
		// printed 522,439 less the replaced 52,880); 72,800 + 52,880 = 125,680 as printed
		assertThat(totals.sections()).hasSize(1);
		assertThat(totals.sections().get(0).subtotal().byColumn()).containsExactly(Money.of("469559.00"),
				Money.of("125680.00"));
		assertThat(totals.total().total()).isEqualTo(Money.of("595239.00"));
		// 3,249,023 - 595,239
		assertThat(totals.unallocated()).isEqualTo(Money.of("2653784.00"));
		// the grant stream: 215,478 + 92,288 + 52,880 = 360,646 taken, 1,288,354 left
		ScheduleTotals.StreamBalance grant = totals.byStream().get(0);
		assertThat(grant.lines()).isEqualTo(Money.of("360646.00"));
		assertThat(grant.unallocated()).isEqualTo(Money.of("1288354.00"));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where entity_type = 'AwardSchedule' "
				+ "and entity_id = ? and action = 'ADD_LINE'", Long.class, String.valueOf(schedule.id())))
			.isEqualTo(9);
	}

	@Test
	void aLineNamingWhatDoesNotExistIsRefusedOnEachOfThoseFields() {
		ScheduleView opened = this.management.open(YEAR, "Partner funding", BigDecimal.ZERO, this.officer);
		long nothing = Long.MAX_VALUE;
		AwardLineDraft unknown = new AwardLineDraft(null, nothing, nothing, "Nowhere", LineStatus.COMMITTED, nothing,
				nothing, PurchasingRoute.DIRECT, null, null, null, false, null, null, null,
				LineDetails.halfYears(YEAR, Money.of("100"), Money.of("0")));
		assertThatThrownBy(() -> add(opened.version(), unknown)).isInstanceOfSatisfying(ValidationException.class,
				(refused) -> assertThat(refused.fieldErrors()).containsOnlyKeys("organisationId", "partnershipId",
						"streamId", "themeId"));
		// a line without a partnership is not refused for it
		AwardLineDraft noPartnership = new AwardLineDraft(null, this.fixture.city, null, "LSAB", LineStatus.COMMITTED,
				this.fixture.grantStream, this.fixture.reoffending, PurchasingRoute.DIRECT, null, null, null, false,
				null, null, null, LineDetails.halfYears(YEAR, Money.of("8500"), Money.of("0")));
		assertThat(add(opened.version(), noPartnership).initiative()).isEqualTo("LSAB");
	}

	@Test
	void aLineTakingAStreamBeyondItsAmountIsRefusedWithTheFiguresUntilTheToleranceAllowsIt() {
		ScheduleView opened = this.management.open(YEAR, "Partner funding", BigDecimal.ZERO, this.officer);
		AwardLineDraft tooMuch = line(this.fixture.charity, "Community Action Against Crime", this.fixture.grantStream,
				"1000000", "649000.01");
		assertThatThrownBy(() -> add(opened.version(), tooMuch)).isInstanceOfSatisfying(ValidationException.class,
				(refused) -> assertThat(refused.fieldErrors()).containsEntry("periods",
						"This would allocate £1,649,000.01 from PCC Community Safety Grant (£1,649,000.01 in award "
								+ "lines and £0.00 in formula pots) against its £1,649,000.00 with a tolerance of 0% "
								+ "(at most £1,649,000.00): £0.01 too much"));
		assertThat(this.schedules.schedule(YEAR).orElseThrow().lines()).isEmpty();

		this.management.setTolerance(YEAR, version(), new BigDecimal("10"), this.officer);
		add(version(), tooMuch);
		// 1,649,000 x 1.1 = 1,813,900: 164,899.99 more fits, a penny beyond does not
		add(version(), line(this.fixture.charity, "NEET Training Scheme", this.fixture.grantStream, "164899.99", "0"));
		assertThatThrownBy(
				() -> add(version(), line(this.fixture.charity, "One penny", this.fixture.grantStream, "0.01", "0")))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("(at most £1,813,900.00): £0.01 too much");
		assertThatThrownBy(() -> this.management.setTolerance(YEAR, version(), new BigDecimal("9.99"), this.officer))
			.isInstanceOfSatisfying(ValidationException.class,
					(refused) -> assertThat(refused.fieldErrors()).containsKey("tolerancePercent"));
	}

	@Test
	void aChangeMadeFromAnOlderReadingIsRefusedSayingWhoChangedTheSchedule() {
		ScheduleView opened = this.management.open(YEAR, "Partner funding", BigDecimal.ZERO, this.officer);
		add(opened.version(), line(this.fixture.city, "LSCB", this.fixture.forceStream, "43945", "0"));
		assertThatThrownBy(
				() -> add(opened.version(), line(this.fixture.city, "LSAB", this.fixture.forceStream, "8500", "0")))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("award schedule was changed by Olu Officer on");
		assertThatThrownBy(() -> this.management.open(YEAR, "Again", BigDecimal.ZERO, this.officer))
			.isInstanceOf(ConflictException.class)
			.hasMessage("The 2001-02 award schedule has already been opened");
	}

	@Test
	void aScheduleGoesToADecisionOnlyWithWhatEachRouteNeedsAndIsDecidedOnce() {
		ScheduleView opened = this.management.open(YEAR, "Partner funding", BigDecimal.ZERO, this.officer);
		add(opened.version(), routed(line(this.fixture.city, "Overall Crime", this.fixture.grantStream, "0", "25000"),
				PurchasingRoute.CSP_BUSINESS_CASE, null, null, null));
		add(version(), routed(
				line(this.fixture.charity, "Community Action Against Crime", this.fixture.reserveStream, "0", "10000"),
				PurchasingRoute.PCC_GRANT, null, null, null));
		add(version(), routed(line(this.fixture.county, "DIP", this.fixture.grantStream, "69211", "0"),
				PurchasingRoute.CONTRACT, null, "C-17", null));
		assertThatThrownBy(() -> this.management.attachToDecision(YEAR, version(), "EXE 0025/01", this.officer))
			.isInstanceOfSatisfying(ValidationException.class,
					(refused) -> assertThat(refused.fieldErrors().values()).containsExactly(
							"Line 1, Leicester City Council 2001-02 – Overall Crime: Co-commissioning with Community "
									+ "Safety Partnerships on business cases needs a business case reference",
							"Line 2, Catch22 2001-02 – Community Action Against Crime: PCC Grant round needs a grant "
									+ "round reference"));
		// the check page lists the same two lines, to be changed, and offers no button
		ScheduleDecisionProposal proposal = this.decisions.proposal(YEAR);
		assertThat(proposal.missingReferences())
			.extracting((missing) -> missing.line().initiative() + ": " + missing.needed())
			.containsExactly("Overall Crime: a business case reference",
					"Community Action Against Crime: a grant round reference");
		assertThat(proposal.draftable()).isFalse();
		ScheduleView schedule = this.schedules.schedule(YEAR).orElseThrow();
		for (AwardLineView line : schedule.lines().subList(0, 2)) {
			this.management.changeLine(YEAR, line.id(), version(), routed(
					line(line.organisationId(), line.initiative(), line.streamId(), "0", line.total().toString()),
					line.route(), "BC-1", null, "PCC Grant 2001"), this.officer);
		}
		ScheduleView attached = this.management.attachToDecision(YEAR, version(), "EXE 0025/01", this.officer);
		assertThat(attached.status()).isEqualTo(ScheduleStatus.IN_DECISION);
		assertThatThrownBy(
				() -> add(attached.version(), line(this.fixture.city, "LSAB", this.fixture.forceStream, "8500", "0")))
			.isInstanceOf(ConflictException.class)
			.hasMessage("The schedule is attached to decision record EXE 0025/01 and cannot change until the record "
					+ "is decided or sent back");

		this.management.detachFromDecision("EXE 0025/01");
		assertThat(this.schedules.schedule(YEAR).orElseThrow().status()).isEqualTo(ScheduleStatus.DRAFT);
		this.management.attachToDecision(YEAR, version(), "EXE 0026/01", this.officer);
		this.management.decided("EXE 0026/01");
		this.management.decided("EXE 0026/01");
		ScheduleView decided = this.schedules.schedule(YEAR).orElseThrow();
		assertThat(decided.status()).isEqualTo(ScheduleStatus.DECIDED);
		assertThat(decided.decisionReference()).isEqualTo("EXE 0026/01");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where entity_type = 'AwardSchedule' "
				+ "and entity_id = ? and action = 'DECIDE'", Long.class, String.valueOf(decided.id())))
			.isEqualTo(1);
	}

	@Test
	void anImportReplacesEveryLineAndKeepsItsReplacementsByPosition() {
		ScheduleView opened = this.management.open(YEAR, "Partner funding", BigDecimal.ZERO, this.officer);
		add(opened.version(),
				line(this.fixture.city, "To be replaced by the import", this.fixture.grantStream, "5", "0"));
		List<AwardLineDraft> imported = new ArrayList<>();
		imported.add(line(this.fixture.county, "Youth Crime & Substance Misuse Prevention", this.fixture.grantStream,
				"39845", "0"));
		imported.add(replacingPosition(1, line(this.fixture.county, "Drug Intervention Programme (DIP)",
				this.fixture.grantStream, "69211", "39845")));
		imported.add(line(this.fixture.county, "Community Safety Fund", this.fixture.grantStream, "156237", "0"));
		ScheduleView schedule = this.management.importLines(YEAR, version(), imported, this.officer);
		assertThat(schedule.lines()).extracting(AwardLineView::position).containsExactly(1, 2, 3);
		assertThat(schedule.lines().get(1).replacesLineId()).isEqualTo(schedule.lines().get(0).id());
		// 69,211 + 39,845 + 156,237: the replaced 39,845 of April to September is not
		// counted
		assertThat(this.management.totals(YEAR, schedule).total().total()).isEqualTo(Money.of("265293.00"));
		assertThatThrownBy(
				() -> this.management.removeLine(YEAR, schedule.lines().get(0).id(), schedule.version(), this.officer))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("This line is replaced by \"Drug Intervention Programme (DIP)\"");
		List<AwardLineDraft> wrong = List.of(line(this.fixture.county, " ", this.fixture.grantStream, "1", "0"),
				replacingPosition(7, line(this.fixture.county, "DIP", this.fixture.grantStream, "1", "0")));
		assertThatThrownBy(() -> this.management.importLines(YEAR, version(), wrong, this.officer))
			.isInstanceOfSatisfying(ValidationException.class, (refused) -> assertThat(refused.fieldErrors())
				.containsEntry("line-1.initiative", "Line 1: Enter what the money is for"));
	}

	@Test
	void aPeriodOutsideTheYearIsRefusedOnTheAmounts() {
		ScheduleView opened = this.management.open(YEAR, "Partner funding", BigDecimal.ZERO, this.officer);
		AwardLineDraft late = new AwardLineDraft(null, this.fixture.city, null, "Late", LineStatus.COMMITTED,
				this.fixture.grantStream, this.fixture.safer, PurchasingRoute.DIRECT, null, null, null, false, null,
				null, null, List.of(new AwardLineDraft.PeriodDraft(LocalDate.of(2002, 1, 1), LocalDate.of(2002, 4, 30),
						Money.of("100"))));
		assertThatThrownBy(() -> add(opened.version(), late)).isInstanceOfSatisfying(ValidationException.class,
				(refused) -> assertThat(refused.fieldErrors()).containsEntry("periods",
						"Every period must be within the financial year 2001-02 (1 April 2001 to 31 March 2002)"));
	}

	private long version() {
		return this.schedules.schedule(YEAR).orElseThrow().version();
	}

	private AwardLineView add(long version, AwardLineDraft draft) {
		return this.management.addLine(YEAR, version, draft, this.officer);
	}

	private AwardLineDraft line(long organisation, String initiative, long stream, String firstHalf,
			String secondHalf) {
		return new AwardLineDraft(null, organisation, null, initiative, LineStatus.COMMITTED, stream,
				this.fixture.reoffending, PurchasingRoute.DIRECT, null, null, null, false, null, null, null,
				LineDetails.halfYears(YEAR, Money.of(firstHalf), Money.of(secondHalf)));
	}

	private static AwardLineDraft replacing(long lineId, AwardLineDraft draft) {
		return new AwardLineDraft(draft.section(), draft.organisationId(), draft.partnershipId(), draft.initiative(),
				draft.status(), draft.streamId(), draft.themeId(), draft.route(), draft.businessCaseRef(),
				draft.contractRef(), draft.roundRef(), draft.inKind(), draft.comments(), lineId, null, draft.periods());
	}

	private static AwardLineDraft replacingPosition(int position, AwardLineDraft draft) {
		return new AwardLineDraft(draft.section(), draft.organisationId(), draft.partnershipId(), draft.initiative(),
				draft.status(), draft.streamId(), draft.themeId(), draft.route(), draft.businessCaseRef(),
				draft.contractRef(), draft.roundRef(), draft.inKind(), draft.comments(), null, position,
				draft.periods());
	}

	private static AwardLineDraft routed(AwardLineDraft draft, PurchasingRoute route, String businessCase,
			String contract, String round) {
		return new AwardLineDraft(draft.section(), draft.organisationId(), draft.partnershipId(), draft.initiative(),
				draft.status(), draft.streamId(), draft.themeId(), route, businessCase, contract, round, draft.inKind(),
				draft.comments(), draft.replacesLineId(), null, draft.periods());
	}

}
