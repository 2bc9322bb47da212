package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * CONTRACT OF ISSUE 15, being built by the schedule's engineer: every method here is
 * replaced by the real one before the issue lands.
 */
@Service
public class AwardScheduleManagement {

	/** Opens the (empty, draft) schedule of a year; 409 when the year has one. */
	public ScheduleView open(FinancialYear year, String title, BigDecimal tolerancePercent, CurrentUser user) {
		throw new UnsupportedOperationException("issue 15: being built");
	}

	/**
	 * Replaces every line of a draft schedule with the imported ones, in their order, in
	 * one transaction (replacements given by position); refused when the schedule is not
	 * a draft or its version has moved on.
	 */
	public ScheduleView importLines(FinancialYear year, long version, List<AwardLineDraft> lines, CurrentUser user) {
		throw new UnsupportedOperationException("issue 15: being built");
	}

	/**
	 * Attaches a draft schedule to the decision record drafted from it; 409 when not a
	 * draft.
	 */
	public ScheduleView attachToDecision(FinancialYear year, long version, String decisionReference, CurrentUser user) {
		throw new UnsupportedOperationException("issue 15: being built");
	}

	/** The record was sent back: the schedule is a draft again, detached from it. */
	public void detachFromDecision(String decisionReference) {
		throw new UnsupportedOperationException("issue 15: being built");
	}

	/**
	 * The record was decided: the schedule attached to it is decided (once; a second call
	 * changes nothing).
	 */
	public void decided(String decisionReference) {
		throw new UnsupportedOperationException("issue 15: being built");
	}

}
