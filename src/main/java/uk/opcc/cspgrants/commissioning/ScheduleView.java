package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The award schedule of a year with its lines, in their order.
 *
 * @param id the schedule's id
 * @param year its financial year
 * @param title its title
 * @param status draft, in a decision record, or decided
 * @param tolerancePercent the over-allocation the year allows, as a percentage of its
 * streams
 * @param decisionReference the decision record it is attached to, if any
 * @param version the version read, for a change
 * @param lines its lines
 */
public record ScheduleView(long id, FinancialYear year, String title, ScheduleStatus status,
		BigDecimal tolerancePercent, String decisionReference, long version, List<AwardLineView> lines) {

	public ScheduleView {
		lines = List.copyOf(lines);
	}

}
