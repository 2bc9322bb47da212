package uk.opcc.cspgrants.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * What is wrong with these figures, by field: nothing missing or negative, and no
	 * text longer than its field holds.
	 */
	public Map<String, String> problems() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.plannedAllocation == null || this.plannedAllocation.isNegative()) {
			errors.put("plannedAllocation", "Enter the planned allocation in pounds and pence, £0.00 or more");
		}
		if (this.cumulativeSpend == null || this.cumulativeSpend.isNegative()) {
			errors.put("cumulativeSpend", "Enter the cumulative spend in pounds and pence, £0.00 or more");
		}
		if (this.comments != null && this.comments.length() > 4000) {
			errors.put("comments", "Comments must be 4,000 characters or fewer");
		}
		if (this.spendFallReason != null && this.spendFallReason.length() > 1000) {
			errors.put("spendFallReason", "The reason must be 1,000 characters or fewer");
		}
		for (int i = 0; i < this.activities.size(); i++) {
			Activity activity = this.activities.get(i);
			String field = "activities[" + i + "]";
			if (activity.title() == null || activity.title().isBlank()) {
				errors.putIfAbsent(field + ".title", "Activity " + (i + 1) + " needs a title");
			}
			else if (activity.title().strip().length() > 300) {
				errors.putIfAbsent(field + ".title",
						"Activity " + (i + 1) + "'s title must be 300 characters or fewer");
			}
			if (activity.theme() != null && activity.theme().strip().length() > 200) {
				errors.putIfAbsent(field + ".theme",
						"Activity " + (i + 1) + "'s theme must be 200 characters or fewer");
			}
			if (activity.outcomes() != null && activity.outcomes().strip().length() > 4000) {
				errors.putIfAbsent(field + ".outcomes",
						"Activity " + (i + 1) + "'s outcomes must be 4,000 characters or fewer");
			}
			if (activity.planned() == null || activity.planned().isNegative() || activity.spend() == null
					|| activity.spend().isNegative()) {
				errors.putIfAbsent(field + ".planned",
						"Activity " + (i + 1) + " needs planned and spend amounts of £0.00 or more");
			}
		}
		return errors;
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
