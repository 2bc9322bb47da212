package uk.opcc.cspgrants.commissioning;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;

/** The schedule's steps as {@link AwardScheduleManagement} takes them. */
@Component
class AwardScheduleDecisionSteps implements ScheduleDecisionSteps {

	private final AwardScheduleManagement schedules;

	AwardScheduleDecisionSteps(AwardScheduleManagement schedules) {
		this.schedules = schedules;
	}

	@Override
	public void attach(FinancialYear year, long version, String decisionReference, CurrentUser user) {
		this.schedules.attachToDecision(year, version, decisionReference, user);
	}

	@Override
	public void detach(String decisionReference) {
		this.schedules.detachFromDecision(decisionReference);
	}

	@Override
	public void decided(String decisionReference) {
		this.schedules.decided(decisionReference);
	}

}
