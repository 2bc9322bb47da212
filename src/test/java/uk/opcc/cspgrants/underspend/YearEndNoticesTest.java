package uk.opcc.cspgrants.underspend;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.Outcome;
import uk.opcc.cspgrants.decision.Publication;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;
import uk.opcc.cspgrants.support.Acting;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.NoticeWords;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The year end and a redistribution tell the right people: finance when the last Q4
 * return is accepted and when a proposal waits; each partnership's CSP managers their
 * underspend once the year is closed; the proposer when finance approves and when the
 * Commissioner does not support it. Leicestershire's 2023-24 figures (EXE0019-24:
 * £140,705.06 returned, £42,800.06 top-sliced, £97,905.00 split) are replayed in years
 * nobody else uses, inside a transaction that is rolled back.
 */
@IntegrationTest
@RecordApplicationEvents
@Transactional
class YearEndNoticesTest {

	/** Each CSP's grant and spend; the underspends add up to £140,705.06. */
	private static final Map<String, String[]> LEICESTERSHIRE = new LinkedHashMap<>();

	static {
		LEICESTERSHIRE.put("LEI", new String[] { "100000.00", "80000.00" });
		LEICESTERSHIRE.put("CHA", new String[] { "50000.00", "40000.00" });
		LEICESTERSHIRE.put("BLA", new String[] { "30000.00", "10000.00" });
		LEICESTERSHIRE.put("HAB", new String[] { "30000.00", "20000.00" });
		LEICESTERSHIRE.put("NWL", new String[] { "30000.00", "12000.00" });
		LEICESTERSHIRE.put("HAR", new String[] { "25000.00", "10000.00" });
		LEICESTERSHIRE.put("OAW", new String[] { "25000.00", "6000.00" });
		LEICESTERSHIRE.put("MEL", new String[] { "25000.00", "9000.00" });
		LEICESTERSHIRE.put("RUT", new String[] { "15000.00", "2294.94" });
	}

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	@Autowired
	YearEndManagement yearEnds;

	@Autowired
	RedistributionManagement redistributions;

	@Autowired
	DecisionManagement decisions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Clock clock;

	@Test
	void theLastQ4ReturnMakesTheYearReadyAndClosingItTellsEachPartnershipItsCarriedForwardUnderspend() {
		FinancialYear year = FinancialYear.parse("2003-04");
		settle(year, YearSettings.UnderspendPolicy.CARRY_FORWARD, Map.of("LEI", LEICESTERSHIRE.get("LEI")));

		Notice ready = only(notices());
		assertThat(ready.key()).isEqualTo("year-ready-to-close:2003-04");
		assertThat(ready.about()).isEqualTo("year-end:2003-04");
		assertThat(ready.audience()).isEqualTo(Audience.roles(Role.FINANCE));
		assertThat(ready.values()).contains(entry("year", "2003-04"), entry("endYear", "2004"),
				entry("partnership", "Leicester"), entry("underspend", "£20,000.00"));

		this.events.clear();
		YearEnd closed = this.yearEnds.close(year, null, false, Principals.of("finance", this.jdbc));

		assertThat(this.events.stream(NoticeSettled.class))
			.containsExactly(new NoticeSettled("year-end:2003-04", "The year was closed"));
		Notice leicester = only(notices());
		assertThat(leicester.key()).isEqualTo("year-closed:2003-04:LEI:" + closed.closedAt().getEpochSecond());
		assertThat(leicester.template()).isEqualTo("year-closed-carried-forward");
		assertThat(leicester.audience()).isEqualTo(Audience.cspManagersOf("LEI"));
		assertThat(leicester.link()).isEqualTo("/grants/2003-04/LEI");
		assertThat(leicester.values()).contains(entry("partnership", "Leicester"), entry("available", "£100,000.00"),
				entry("spent", "£80,000.00"), entry("underspend", "£20,000.00"), entry("nextYear", "2004-05"),
				entry("closer", "Fran Finance"), entry("date", Dates.day(today())));
	}

	@Test
	void aRedistributionWaitsForFinanceTellsItsProposerOfTheApprovalAndOfTheCommissionersNo() {
		FinancialYear year = FinancialYear.parse("2004-05");
		settle(year, YearSettings.UnderspendPolicy.RETURN_TO_POT, LEICESTERSHIRE);
		assertThat(notices()).singleElement()
			.satisfies(ready -> assertThat(ready.values()).contains(entry("partnership", "Rutland"),
					entry("underspend", "£140,705.06")));
		this.yearEnds.close(year, null, false, Principals.of("finance", this.jdbc));
		assertThat(notices()).filteredOn(notice -> notice.template().equals("year-closed-returned")).hasSize(9);

		this.events.clear();
		long formula = this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
		RedistributionView proposal = Acting.as("officer", this.jdbc,
				() -> this.redistributions
					.propose(
							new RedistributionRequest(year, null, null, Money.of("42800.06"),
									List.of(new TopSlice("OPCC Performance and Governance",
											"Analysis work to support partners", Money.of("10000.00"), false),
											new TopSlice("Leicestershire County Council",
													"ASB training for LLR-wide staff", Money.of("1800.00"), false),
											new TopSlice("Leicestershire Police", "Hate Crime Hub", null, true)),
									formula, FinancialYear.parse("2023-24"), null),
							Principals.of("officer", this.jdbc)));

		Notice waiting = only(notices());
		assertThat(waiting.key())
			.isEqualTo("redistribution-awaiting-approval:" + proposal.id() + ":run" + proposal.run().id());
		assertThat(waiting.about()).isEqualTo("redistribution:" + proposal.id());
		assertThat(waiting.audience()).isEqualTo(Audience.roles(Role.FINANCE));
		assertThat(waiting.values()).contains(entry("sourceYear", "2004-05"), entry("pot", "£140,705.06"),
				entry("topSliced", "£42,800.06"), entry("remainder", "£97,905.00"), entry("nextYear", "2005-06"),
				entry("proposer", "Olu Officer"));

		this.events.clear();
		RedistributionView approved = Acting.as("finance", this.jdbc,
				() -> this.redistributions.approve(proposal.id(), Principals.of("finance", this.jdbc)));
		assertThat(this.events.stream(NoticeSettled.class)).extracting(NoticeSettled::about)
			.contains("redistribution:" + proposal.id(), "run:" + proposal.run().id());
		assertThat(notices()).extracting(Notice::template)
			.containsExactlyInAnyOrder("redistribution-approved", "decision-awaiting-finance");
		Notice told = notices().stream()
			.filter(notice -> notice.template().equals("redistribution-approved"))
			.findFirst()
			.orElseThrow();
		assertThat(told.audience()).isEqualTo(Audience.users("officer"));
		assertThat(told.values()).contains(entry("approver", "Fran Finance"),
				entry("reference", approved.decisionReference()), entry("sourceYear", "2004-05"));

		String reference = approved.decisionReference();
		this.decisions.consult(reference, "Fran Finance", today(), Principals.of("finance", this.jdbc));
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null, Set.of(),
				today(), Principals.of("monitoring", this.jdbc));
		this.events.clear();
		this.decisions.decide(reference, Outcome.NOT_SUPPORTED, today(), null,
				Principals.of("commissioner", this.jdbc));
		Notice sentBack = notices().stream()
			.filter(notice -> notice.template().equals("redistribution-sent-back"))
			.findFirst()
			.orElseThrow();
		assertThat(sentBack.key())
			.isEqualTo("redistribution-sent-back:" + proposal.id() + ":run" + proposal.run().id());
		assertThat(sentBack.audience()).isEqualTo(Audience.users("officer"));
		assertThat(sentBack.values()).contains(entry("reference", reference), entry("pot", "£140,705.06"));
	}

	/** The year's grants and accepted Q4 returns, as finance and CSP managers would. */
	private void settle(FinancialYear year, YearSettings.UnderspendPolicy policy, Map<String, String[]> figures) {
		this.grants
			.saveSettings(new YearSettings(year, YearSettings.PaymentProfile.QUARTERLY_IN_ARREARS, 30, policy, -1));
		figures.forEach((code, money) -> {
			this.grants.setHistoric(year, code, Money.of(money[0]), Money.ZERO, year + " allocation", null);
			this.returns.save(year, Quarter.Q4, code,
					new ReturnDetails(Money.of(money[0]), Money.of(money[1]), List.of(), null, null, null));
			this.returns.submit(year, Quarter.Q4, code);
		});
		this.events.clear();
		figures.keySet().forEach(code -> this.returns.accept(year, Quarter.Q4, code));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Dates.UK));
	}

	/**
	 * The year end's and redistributions' notices: accepting the returns also tells each
	 * partnership of its return and payment (ReturnRemindersTest checks those).
	 */
	private List<Notice> notices() {
		return this.events.stream(Notice.class)
			.map(NoticeWords::assertFilled)
			.filter(notice -> !notice.template().startsWith("return-") && !notice.template().startsWith("payment-"))
			.toList();
	}

	private static Notice only(List<Notice> notices) {
		assertThat(notices).hasSize(1);
		return notices.get(0);
	}

}
