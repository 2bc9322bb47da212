package uk.opcc.cspgrants.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.NoticeWords;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A decision record tells its next signer when it waits for them, its drafter when it is
 * sent back (with the reason) or decided, and settles what was waiting at each step. The
 * demo's records waiting for the Monitoring Officer and the Commissioner take their steps
 * inside a transaction that is rolled back, so they still wait afterwards.
 */
@IntegrationTest
@RecordApplicationEvents
@Transactional
class DecisionNoticesTest {

	private static final String KNIFE_CRIME = "Knife crime prevention in the night-time economy 2024-25";

	private static final String SAFER_STREETS = "Safer streets top-slice for Oadby & Wigston 2024-25";

	@Autowired
	DecisionManagement decisions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Clock clock;

	@Test
	void aNewDraftWaitsForFinanceToConsult() {
		DecisionView record = this.decisions.create(
				new DecisionDraft("Youth diversion in Melton 2024-25", today(), "Olu Officer",
						"Melton CSP asks for **£2,000.00** for youth diversion.", "Fund it.", null,
						"£2,000.00 from the Community Safety Partnership budget.", null, null, null),
				Principals.of("officer", this.jdbc));

		Notice waiting = only(notices());
		assertThat(waiting.key()).isEqualTo("decision-awaiting-finance:" + record.reference() + ":r0");
		assertThat(waiting.about()).isEqualTo("decision:" + record.reference());
		assertThat(waiting.audience()).isEqualTo(Audience.roles(Role.FINANCE));
		assertThat(waiting.link()).isEqualTo("/decisions/" + record.reference());
		assertThat(waiting.values()).contains(entry("title", "Youth diversion in Melton 2024-25"),
				entry("drafter", "Olu Officer"));
	}

	@Test
	void theDemoRecordWaitingForTheMonitoringOfficerGoesToTheCommissionerOnceItsPublicationIsDecided() {
		DecisionView record = waiting(KNIFE_CRIME, DecisionStatus.CONSULTED);

		this.decisions.decidePublication(record.reference(), Publication.YES, Publication.YES, Publication.YES, null,
				Set.of(), today(), Principals.of("monitoring", this.jdbc));

		assertThat(this.events.stream(NoticeSettled.class)).containsExactly(new NoticeSettled(
				"decision:" + record.reference(), "The Monitoring Officer decided how the record is published"));
		Notice waiting = only(notices());
		assertThat(waiting.key()).isEqualTo("decision-awaiting-commissioner:" + record.reference() + ":r0");
		assertThat(waiting.audience()).isEqualTo(Audience.roles(Role.COMMISSIONER));
		assertThat(waiting.values()).contains(entry("reference", record.reference()), entry("title", KNIFE_CRIME),
				entry("drafter", "Olu Officer"), entry("date", Dates.day(today())));
	}

	@Test
	void theDemoRecordSentBackByTheCommissionerTellsItsDrafterWhyAndFinanceAgainOnceCorrected() {
		DecisionView record = waiting(SAFER_STREETS, DecisionStatus.PUBLICATION_DECIDED);

		this.decisions.sendBack(record.reference(), "Say which streets the patrols will cover",
				Principals.of("commissioner", this.jdbc));

		assertThat(this.events.stream(NoticeSettled.class)).extracting(NoticeSettled::about)
			.containsExactly("decision:" + record.reference());
		Notice sentBack = only(notices());
		assertThat(sentBack.key()).isEqualTo("decision-sent-back:" + record.reference() + ":r1");
		assertThat(sentBack.audience()).isEqualTo(Audience.users("officer"));
		assertThat(sentBack.values()).contains(entry("title", SAFER_STREETS), entry("sender", "Chris Commissioner"),
				entry("reason", "Say which streets the patrols will cover"), entry("date", Dates.day(today())));

		this.events.clear();
		correct(record.reference(), " The patrols cover the Parade and Leicester Road.");
		correct(record.reference(), " Lighting is added in Blaby Road Park.");
		assertThat(notices()).hasSize(2)
			.allSatisfy(waiting -> assertThat(waiting.key())
				.isEqualTo("decision-awaiting-finance:" + record.reference() + ":r1"))
			.allSatisfy(waiting -> assertThat(waiting.audience()).isEqualTo(Audience.roles(Role.FINANCE)));

		this.events.clear();
		this.decisions.consult(record.reference(), "Fran Finance", today(), Principals.of("finance", this.jdbc));
		Notice again = only(notices());
		assertThat(again.key()).isEqualTo("decision-awaiting-monitoring-officer:" + record.reference() + ":r1");
		assertThat(again.audience()).isEqualTo(Audience.roles(Role.MONITORING_OFFICER));
		assertThat(again.values()).contains(entry("title", SAFER_STREETS), entry("date", Dates.day(today())));
	}

	@Test
	void theDemoRecordWaitingForTheCommissionerTellsItsDrafterOfTheDecision() {
		DecisionView record = waiting(SAFER_STREETS, DecisionStatus.PUBLICATION_DECIDED);

		this.decisions.decide(record.reference(), Outcome.NOT_SUPPORTED, today(), "Fund it from next year's budget",
				Principals.of("commissioner", this.jdbc));

		assertThat(this.events.stream(NoticeSettled.class)).containsExactly(
				new NoticeSettled("decision:" + record.reference(), "The Commissioner decided the record"));
		Notice decided = only(notices());
		assertThat(decided.key()).isEqualTo("decision-decided:" + record.reference());
		assertThat(decided.audience()).isEqualTo(Audience.users("officer"));
		assertThat(decided.values()).contains(entry("title", SAFER_STREETS), entry("outcome", "Not supported"),
				entry("commissioner", "Chris Commissioner"), entry("date", Dates.day(today())));
	}

	private DecisionView waiting(String title, DecisionStatus status) {
		return this.decisions.list()
			.stream()
			.filter(record -> record.draft().title().equals(title) && record.status() == status)
			.findFirst()
			.orElseThrow();
	}

	private void correct(String reference, String addition) {
		DecisionDraft draft = this.decisions.get(reference).draft();
		this.decisions.update(reference, new DecisionDraft(draft.title(), draft.decisionDate(), draft.officersPresent(),
				draft.summary() + addition, draft.recommendations(), draft.discussion(), draft.financialImplications(),
				draft.formulaRunId(), draft.correctsReference(), draft.version()), Principals.of("officer", this.jdbc));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Dates.UK));
	}

	private List<Notice> notices() {
		return this.events.stream(Notice.class).map(NoticeWords::assertFilled).toList();
	}

	private static Notice only(List<Notice> notices) {
		assertThat(notices).hasSize(1);
		return notices.get(0);
	}

}
