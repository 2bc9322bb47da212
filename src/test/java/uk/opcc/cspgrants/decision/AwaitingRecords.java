package uk.opcc.cspgrants.decision;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.allocation.RunRequest;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.Principals;

/**
 * Decision records part-way through their sign-offs, for the tests of the pages that take
 * the next step. Each is attached to a run that repeats the demo's approved 2024-25 run
 * (run 3 of EXE0001-24: £97,905.00 over the nine partnerships, the 2023-24 window, the
 * demo formula) for another year, so that its grant lines are the demo's figures.
 *
 * @param decisions the decision records
 * @param runs the formula runs
 * @param jdbc the test database
 */
public record AwaitingRecords(DecisionManagement decisions, RunManagement runs, JdbcTemplate jdbc) {

	/** The demo's decision record, which decided run 3. */
	public static final String DEMO_RECORD = "EXE0001-24";

	/** The demo's approved 2024-25 run, which EXE0001-24 decided. */
	public RunView demoRun() {
		return this.runs.get(this.decisions.get(DEMO_RECORD).draft().formulaRunId());
	}

	/**
	 * An approved run of the demo's £97,905.00 with the demo formula for {@code year}.
	 */
	public RunView repeatOfTheDemoRun(String year) {
		RunView demo = demoRun();
		RunView run = this.runs.create(new RunRequest(FinancialYear.parse(year), Money.of("97905.00"),
				RunPurpose.ALLOCATION, demo.formulaVersionId(), null, FinancialYear.parse("2023-24"), null,
				"The demo's allocation again, for the decision pages' tests"));
		return this.runs.approve(run.id(), Principals.of("finance", this.jdbc));
	}

	/**
	 * A record of that run, drafted by the officer and signed as consulted by finance.
	 */
	public String consulted(String year, String title) {
		RunView run = repeatOfTheDemoRun(year);
		DecisionView record = this.decisions.create(
				new DecisionDraft(title, LocalDate.now(Dates.UK), "Olu Officer", "The pot is split by the formula",
						"Split it as in the table", null, null, run.id(), null, null),
				Principals.of("officer", this.jdbc));
		this.decisions.consult(record.reference(), "Fran Finance", LocalDate.now(Dates.UK),
				Principals.of("finance", this.jdbc));
		return record.reference();
	}

	/** A record of that run with its publication decision, awaiting the Commissioner. */
	public String awaitingTheCommissioner(String year, String title) {
		String reference = consulted(year, title);
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null, Set.of(),
				LocalDate.now(Dates.UK), Principals.of("monitoring", this.jdbc));
		return reference;
	}

}
