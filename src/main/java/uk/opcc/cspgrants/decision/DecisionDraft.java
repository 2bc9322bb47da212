package uk.opcc.cspgrants.decision;

import java.time.LocalDate;

/**
 * What an officer drafts.
 *
 * @param title the record's title
 * @param decisionDate the date of the record
 * @param officersPresent who was present
 * @param summary summary of issue
 * @param recommendations recommendations presented
 * @param discussion key discussion points
 * @param financialImplications financial implications
 * @param formulaRunId the approved formula run whose allocation table is attached, if any
 * @param correctsReference the reference of the decided record this one corrects, if any
 * @param version the version read, for a change
 */
public record DecisionDraft(String title, LocalDate decisionDate, String officersPresent, String summary,
		String recommendations, String discussion, String financialImplications, Long formulaRunId,
		String correctsReference, Long version) {

	public DecisionDraft {
		title = trim(title);
		officersPresent = trim(officersPresent);
		summary = trim(summary);
		recommendations = trim(recommendations);
		discussion = trim(discussion);
		financialImplications = trim(financialImplications);
		correctsReference = trim(correctsReference);
	}

	private static String trim(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
