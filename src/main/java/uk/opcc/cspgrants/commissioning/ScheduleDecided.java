package uk.opcc.cspgrants.commissioning;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.decision.DecisionDecided;
import uk.opcc.cspgrants.decision.DecisionSentBack;
import uk.opcc.cspgrants.grants.NewOrganisationGrant;
import uk.opcc.cspgrants.grants.OrganisationGrantManagement;
import uk.opcc.cspgrants.shared.Money;

/**
 * What a schedule's decision record does to it, in the record's own transaction.
 * Supported: each committed, counted line with something to give becomes a grant to its
 * recipient with a payment per period (none in kind), once (the grant is keyed by its
 * line, so seeing the decision twice makes nothing more); indicative lines and new
 * funding streams need a later decision. Then the schedule is decided. Not supported, or
 * sent back: the schedule is a draft again, for a new decision.
 */
@Component
class ScheduleDecided {

	private final AwardSchedules schedules;

	private final OrganisationGrantManagement grants;

	private final AwardScheduleManagement management;

	ScheduleDecided(AwardSchedules schedules, OrganisationGrantManagement grants, AwardScheduleManagement management) {
		this.schedules = schedules;
		this.grants = grants;
		this.management = management;
	}

	@EventListener
	public void onDecided(DecisionDecided decided) {
		if (!decided.decides(ScheduleAttachment.TYPE)) {
			return;
		}
		ScheduleView schedule = this.schedules.schedule(Long.parseLong(decided.attachmentRef()));
		if (!decided.supported()) {
			// nothing is made, and the schedule is a draft again, to be changed and put
			// to a
			// new decision: a year has one schedule
			this.management.detachFromDecision(decided.reference());
			return;
		}
		for (AwardLineView line : schedule.lines()) {
			if (ScheduleDecisionText.Committed.makesGrant(line)) {
				this.grants.create(grantOf(schedule, line, decided.reference()));
			}
		}
		this.management.decided(decided.reference());
	}

	@EventListener
	public void onSentBack(DecisionSentBack sentBack) {
		if (sentBack.attaches(ScheduleAttachment.TYPE)) {
			this.management.detachFromDecision(sentBack.reference());
		}
	}

	static NewOrganisationGrant grantOf(ScheduleView schedule, AwardLineView line, String decisionReference) {
		List<NewOrganisationGrant.PlannedPayment> payments = new ArrayList<>();
		if (!line.inKind()) {
			for (AwardLineView.Period period : line.periods()) {
				if (period.amount().isGreaterThan(Money.ZERO)) {
					payments.add(new NewOrganisationGrant.PlannedPayment(period.startsOn(), period.endsOn(),
							period.amount()));
				}
			}
		}
		return new NewOrganisationGrant(line.organisationId(), line.partnershipId(), schedule.year(), line.id(),
				line.initiative(), line.total(), line.streamId(), line.themeId(), line.route().name(), line.inKind(),
				decisionReference, payments);
	}

}
