package uk.opcc.cspgrants.monitoring;

import java.util.List;

import uk.opcc.cspgrants.shared.Money;

/**
 * What an officer enters on a quarterly return.
 *
 * @param plannedAllocation money committed to activities so far
 * @param cumulativeSpend spend to date in the year
 * @param activities the activity lines
 * @param comments comments for the report
 * @param spendFallReason why cumulative spend is below the previous quarter's, when it is
 * @param version the version read, or {@code null} for a new return
 */
public record ReturnDetails(Money plannedAllocation, Money cumulativeSpend, List<Activity> activities, String comments,
		String spendFallReason, Long version) {

	public ReturnDetails {
		activities = (activities == null) ? List.of() : List.copyOf(activities);
		comments = blankToNull(comments);
		spendFallReason = blankToNull(spendFallReason);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * One activity.
	 *
	 * @param title what it is
	 * @param theme the Police and Crime Plan theme it serves
	 * @param planned money planned for it
	 * @param spend money spent on it so far
	 * @param outcomes outcomes achieved
	 */
	public record Activity(String title, String theme, Money planned, Money spend, String outcomes) {
	}

}
