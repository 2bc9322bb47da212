package uk.opcc.cspgrants.allocation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
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
 * A draft formula run for an annual allocation waits for finance, who are told; its maker
 * is told when it is approved or discarded by someone else; each step settles what was
 * waiting. Each test is rolled back, so the demo's runs stay as they are.
 */
@IntegrationTest
@RecordApplicationEvents
@Transactional
class RunNoticesTest {

	@Autowired
	RunManagement runs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aDraftOfTheDemoAllocationWaitsForFinanceAndItsMakerIsToldOfTheApproval() {
		RunView demo = this.runs.approvedFor(FinancialYear.parse("2024-25"), RunPurpose.ALLOCATION).orElseThrow();
		RunView draft = Acting.as("officer", this.jdbc,
				() -> this.runs.create(new RunRequest(FinancialYear.parse("2024-25"), Money.of("97905.00"),
						RunPurpose.ALLOCATION, demo.formulaVersionId(), null, null, null, "The demo's split again")));

		Notice waiting = only(notices());
		assertThat(waiting.key()).isEqualTo("run-awaiting-approval:" + draft.id());
		assertThat(waiting.about()).isEqualTo("run:" + draft.id());
		assertThat(waiting.template()).isEqualTo("run-awaiting-approval");
		assertThat(waiting.audience()).isEqualTo(Audience.roles(Role.FINANCE));
		assertThat(waiting.link()).isEqualTo("/allocations/runs/" + draft.id());
		assertThat(waiting.values()).contains(entry("run", String.valueOf(draft.id())), entry("amount", "£97,905.00"),
				entry("year", "2024-25"), entry("maker", "Olu Officer"), entry("partnerships", "9 partnerships"));

		this.events.clear();
		Acting.as("finance", this.jdbc, () -> this.runs.approve(draft.id(), Principals.of("finance", this.jdbc)));

		assertThat(this.events.stream(NoticeSettled.class))
			.containsExactly(new NoticeSettled("run:" + draft.id(), "The run was approved"));
		Notice approved = only(notices());
		assertThat(approved.key()).isEqualTo("run-approved:" + draft.id());
		assertThat(approved.audience()).isEqualTo(Audience.users("officer"));
		assertThat(approved.values()).contains(entry("amount", "£97,905.00"), entry("year", "2024-25"),
				entry("approver", "Fran Finance"));
	}

	@Test
	void theDemoDraftOverTheDistrictsDiscardedByFinanceTellsTheOfficerWhoMadeIt() {
		RunView districts = this.runs.list()
			.stream()
			.filter(run -> run.status() == RunStatus.DRAFT && run.pot().equals(Money.of("80000.00"))
					&& "officer".equals(run.createdBy()))
			.findFirst()
			.orElseThrow();

		Acting.as("finance", this.jdbc, () -> {
			this.runs.discard(districts.id());
			return null;
		});

		assertThat(this.events.stream(NoticeSettled.class))
			.containsExactly(new NoticeSettled("run:" + districts.id(), "The run was discarded"));
		Notice discarded = only(notices());
		assertThat(discarded.key()).isEqualTo("run-discarded:" + districts.id());
		assertThat(discarded.audience()).isEqualTo(Audience.users("officer"));
		assertThat(discarded.values()).contains(entry("amount", "£80,000.00"), entry("year", "2024-25"),
				entry("actor", "Fran Finance"));
	}

	@Test
	void aMakerWhoDiscardsTheirOwnDraftIsNotToldOfIt() {
		RunView demo = this.runs.approvedFor(FinancialYear.parse("2024-25"), RunPurpose.ALLOCATION).orElseThrow();
		RunView draft = Acting.as("officer", this.jdbc,
				() -> this.runs.create(new RunRequest(FinancialYear.parse("2024-25"), Money.of("97905.00"),
						RunPurpose.ALLOCATION, demo.formulaVersionId(), null, null, null, "A second thought")));
		this.events.clear();

		Acting.as("officer", this.jdbc, () -> {
			this.runs.discard(draft.id());
			return null;
		});

		assertThat(notices()).isEmpty();
		assertThat(this.events.stream(NoticeSettled.class)).extracting(NoticeSettled::about)
			.containsExactly("run:" + draft.id());
	}

	private List<Notice> notices() {
		return this.events.stream(Notice.class).map(NoticeWords::assertFilled).toList();
	}

	private static Notice only(List<Notice> notices) {
		assertThat(notices).hasSize(1);
		return notices.get(0);
	}

}
