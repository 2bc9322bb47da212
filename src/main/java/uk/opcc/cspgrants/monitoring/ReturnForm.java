package uk.opcc.cspgrants.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/** The quarterly return form as typed; amounts are read as pounds and pence. */
class ReturnForm {

	static final int BLANK_ACTIVITY_ROWS = 3;

	private String plannedAllocation;

	private String cumulativeSpend;

	private String comments;

	private String spendFallReason;

	private Long version;

	private List<ActivityForm> activities = new ArrayList<>();

	static ReturnForm from(ReturnView view) {
		ReturnForm form = new ReturnForm();
		if (view.started()) {
			form.plannedAllocation = view.details().plannedAllocation().amount().toPlainString();
			form.cumulativeSpend = view.details().cumulativeSpend().amount().toPlainString();
			form.comments = view.details().comments();
			form.spendFallReason = view.details().spendFallReason();
			form.version = view.version();
			for (ReturnDetails.Activity activity : view.details().activities()) {
				ActivityForm line = new ActivityForm();
				line.setTitle(activity.title());
				line.setTheme(activity.theme());
				line.setPlanned(activity.planned().amount().toPlainString());
				line.setSpend(activity.spend().amount().toPlainString());
				line.setOutcomes(activity.outcomes());
				form.activities.add(line);
			}
		}
		form.padActivities();
		return form;
	}

	void padActivities() {
		long blank = this.activities.stream().filter(ActivityForm::isBlank).count();
		for (long i = blank; i < BLANK_ACTIVITY_ROWS; i++) {
			this.activities.add(new ActivityForm());
		}
	}

	ReturnDetails toDetails() {
		Map<String, String> errors = new LinkedHashMap<>();
		Money planned = money(this.plannedAllocation, "plannedAllocation", "the planned allocation", errors);
		Money spend = money(this.cumulativeSpend, "cumulativeSpend", "the cumulative spend", errors);
		List<ReturnDetails.Activity> lines = new ArrayList<>();
		int index = 0;
		for (ActivityForm activity : this.activities) {
			if (!activity.isBlank()) {
				Money activityPlanned = money(activity.getPlanned(), "activities[" + index + "].planned",
						"activity " + (index + 1) + "'s planned amount", errors);
				Money activitySpend = money(activity.getSpend(), "activities[" + index + "].spend",
						"activity " + (index + 1) + "'s spend", errors);
				lines.add(new ReturnDetails.Activity(activity.getTitle(), activity.getTheme(), activityPlanned,
						activitySpend, activity.getOutcomes()));
				index++;
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new ReturnDetails(planned, spend, lines, this.comments, this.spendFallReason, this.version);
	}

	private static Money money(String text, String field, String what, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			errors.putIfAbsent(field, "Enter " + what + ", like £1,234.50 (£0 if none)");
			return null;
		}
		try {
			Money amount = Money.parse(text);
			if (amount.isNegative()) {
				errors.putIfAbsent(field, "Enter " + what + " of £0.00 or more");
			}
			return amount;
		}
		catch (InvalidMoneyException refused) {
			errors.putIfAbsent(field, refused.getMessage() + " for " + what);
			return null;
		}
	}

	public String getPlannedAllocation() {
		return this.plannedAllocation;
	}

	public void setPlannedAllocation(String plannedAllocation) {
		this.plannedAllocation = plannedAllocation;
	}

	public String getCumulativeSpend() {
		return this.cumulativeSpend;
	}

	public void setCumulativeSpend(String cumulativeSpend) {
		this.cumulativeSpend = cumulativeSpend;
	}

	public String getComments() {
		return this.comments;
	}

	public void setComments(String comments) {
		this.comments = comments;
	}

	public String getSpendFallReason() {
		return this.spendFallReason;
	}

	public void setSpendFallReason(String spendFallReason) {
		this.spendFallReason = spendFallReason;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public List<ActivityForm> getActivities() {
		return this.activities;
	}

	public void setActivities(List<ActivityForm> activities) {
		this.activities = (activities != null) ? activities : new ArrayList<>();
	}

	/** One activity line as typed. */
	public static class ActivityForm {

		private String title;

		private String theme;

		private String planned;

		private String spend;

		private String outcomes;

		boolean isBlank() {
			return blank(this.title) && blank(this.theme) && blank(this.planned) && blank(this.spend)
					&& blank(this.outcomes);
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getTheme() {
			return this.theme;
		}

		public void setTheme(String theme) {
			this.theme = theme;
		}

		public String getPlanned() {
			return this.planned;
		}

		public void setPlanned(String planned) {
			this.planned = planned;
		}

		public String getSpend() {
			return this.spend;
		}

		public void setSpend(String spend) {
			this.spend = spend;
		}

		public String getOutcomes() {
			return this.outcomes;
		}

		public void setOutcomes(String outcomes) {
			this.outcomes = outcomes;
		}

	}

}
