package uk.opcc.cspgrants.commissioning;

import java.util.List;

import uk.opcc.cspgrants.decision.AttachedTable;
import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.shared.Money;

/**
 * The decision record a year's award schedule would be drafted as, for the check page
 * before it is drafted.
 *
 * @param schedule the schedule
 * @param streams the year's funding streams
 * @param streamsTotal their total: the year's commissioning budget
 * @param draft the record's words
 * @param table the schedule as the record's attached table
 * @param grants how many grants a Supported decision makes
 * @param recipients to how many recipients
 * @param committed their total
 * @param later what indicative lines and new funding streams hold, for a later decision
 * @param sentBackRecord the draft record this schedule was attached to before it was sent
 * back, which it is attached to again, or {@code null} for a new record
 */
public record ScheduleDecisionProposal(ScheduleView schedule, List<FundingStreamView> streams, Money streamsTotal,
		DecisionDraft draft, AttachedTable table, int grants, int recipients, Money committed, Money later,
		String sentBackRecord) {

	public ScheduleDecisionProposal {
		streams = List.copyOf(streams);
	}

	/**
	 * A counted line whose purchasing route needs a reference it does not have yet.
	 *
	 * @param line the line
	 * @param needed what it lacks, "a contract reference"
	 */
	public record MissingReference(AwardLineView line, String needed) {

	}

	/**
	 * The counted lines that lack the reference their route needs, in the schedule's
	 * order: the schedule is not put to a decision until each has it.
	 */
	public List<MissingReference> missingReferences() {
		return this.schedule.lines()
			.stream()
			.filter(AwardLineView::counted)
			.map((line) -> new MissingReference(line,
					line.route().missing(line.businessCaseRef(), line.contractRef(), line.roundRef())))
			.filter((missing) -> missing.needed() != null)
			.toList();
	}

	/** Whether the schedule can be put to a decision now. */
	public boolean draftable() {
		return this.schedule.status() == ScheduleStatus.DRAFT && !this.schedule.lines().isEmpty()
				&& missingReferences().isEmpty();
	}

}
