package uk.opcc.cspgrants.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import uk.opcc.cspgrants.shared.Money;

/** One activity line of a {@link QuarterlyReturn}, as stored. */
@Embeddable
class ActivityLine {

	@Column(nullable = false)
	private String title;

	private String theme;

	@Column(nullable = false)
	private Money planned;

	@Column(nullable = false)
	private Money spend;

	private String outcomes;

	protected ActivityLine() {
	}

	ActivityLine(ReturnDetails.Activity activity) {
		this.title = activity.title().strip();
		this.theme = blankToNull(activity.theme());
		this.planned = activity.planned();
		this.spend = activity.spend();
		this.outcomes = blankToNull(activity.outcomes());
	}

	ReturnDetails.Activity toView() {
		return new ReturnDetails.Activity(this.title, this.theme, this.planned, this.spend, this.outcomes);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
