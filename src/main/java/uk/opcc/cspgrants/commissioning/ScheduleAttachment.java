package uk.opcc.cspgrants.commissioning;

import java.util.List;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.decision.AttachedTable;
import uk.opcc.cspgrants.decision.DecisionAttachment;
import uk.opcc.cspgrants.grants.OrganisationGrantView;
import uk.opcc.cspgrants.grants.OrganisationGrants;
import uk.opcc.cspgrants.shared.Money;

/**
 * A year's award schedule attached to its decision record (attachment reference: the
 * schedule's id): the table the record, its public page and its PDF show, whether the
 * record may take its next sign-off, and what a Supported decision makes.
 */
@Component
class ScheduleAttachment implements DecisionAttachment {

	static final String TYPE = "AWARD_SCHEDULE";

	private final AwardSchedules schedules;

	private final OrganisationGrants grants;

	ScheduleAttachment(AwardSchedules schedules, OrganisationGrants grants) {
		this.schedules = schedules;
		this.grants = grants;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String describe(String attachmentRef) {
		return "the award schedule " + schedule(attachmentRef).year();
	}

	@Override
	public List<AttachedTable> tables(String attachmentRef) {
		return List.of(ScheduleTable.of(schedule(attachmentRef)));
	}

	@Override
	public String notReady(String attachmentRef, String recordReference) {
		ScheduleView schedule = schedule(attachmentRef);
		if (schedule.status() == ScheduleStatus.IN_DECISION && recordReference.equals(schedule.decisionReference())) {
			return null;
		}
		return "The award schedule " + schedule.year() + " is not attached to " + recordReference + ": it is "
				+ schedule.status().label().toLowerCase(java.util.Locale.UK)
				+ ((schedule.decisionReference() != null) ? " (" + schedule.decisionReference() + ")" : "")
				+ ". Attach it again from the schedule's decision page before the record is signed";
	}

	@Override
	public String whenSupported(String attachmentRef, String recordReference, boolean decided) {
		ScheduleView schedule = schedule(attachmentRef);
		if (decided) {
			List<OrganisationGrantView> made = this.grants.grants(schedule.year())
				.stream()
				.filter(grant -> recordReference.equals(grant.decisionReference()))
				.toList();
			Money total = made.stream().map(OrganisationGrantView::amount).reduce(Money.ZERO, Money::plus);
			return made.size() + ((made.size() == 1) ? " grant" : " grants") + " to organisations totalling "
					+ total.format() + " " + ((made.size() == 1) ? "was" : "were") + " made from the award schedule "
					+ schedule.year() + ".";
		}
		ScheduleDecisionText.Committed committed = ScheduleDecisionText.Committed.of(schedule);
		return "Supported makes " + committed.lines() + ((committed.lines() == 1) ? " grant" : " grants")
				+ " to organisations totalling " + committed.total().format()
				+ " from the committed lines of the award schedule " + schedule.year()
				+ ", each paid in the periods of its line; indicative lines and new funding streams make no grant.";
	}

	private ScheduleView schedule(String attachmentRef) {
		return this.schedules.schedule(Long.parseLong(attachmentRef));
	}

}
