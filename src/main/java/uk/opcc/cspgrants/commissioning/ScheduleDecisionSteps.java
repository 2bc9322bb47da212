package uk.opcc.cspgrants.commissioning;

import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * What happens to a schedule as its decision record goes through its sign-offs: attached
 * when the record is drafted, a draft again when the record is sent back, decided when it
 * is. The schedule's own rules are {@link AwardScheduleManagement}'s; this seam lets the
 * decision's tests run on a database of their own with the schedule's status changed
 * directly (see the tests' {@code ScheduleStepsBySql}).
 */
interface ScheduleDecisionSteps {

	void attach(FinancialYear year, long version, String decisionReference, CurrentUser user);

	void detach(String decisionReference);

	void decided(String decisionReference);

}
