package uk.opcc.cspgrants.decision;

/** The sections of a decision record that the Monitoring Officer can redact. */
public enum Section {

	OFFICERS_PRESENT("Officers present"), SUMMARY("Summary of issue"), RECOMMENDATIONS("Recommendations presented"),
	DISCUSSION("Key discussion points"), FINANCIAL_IMPLICATIONS("Financial implications"),
	ATTACHMENT("Allocation table"), DECISION_COMMENT("The Commissioner's comment");

	private final String label;

	Section(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Sections of the report proposing the decision, withheld when the report is not
	 * published.
	 */
	public boolean partOfReport() {
		return this == SUMMARY || this == RECOMMENDATIONS || this == DISCUSSION || this == FINANCIAL_IMPLICATIONS
				|| this == ATTACHMENT;
	}

}
