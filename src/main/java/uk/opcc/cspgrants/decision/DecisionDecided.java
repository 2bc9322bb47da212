package uk.opcc.cspgrants.decision;

/**
 * A decision record was decided. Published in the deciding transaction, after its money
 * was created, so that other modules can act on it within the same transaction. A
 * listener may see the same decision more than once and must act only once.
 *
 * @param reference the record's reference
 * @param supported whether the Commissioner supported it
 * @param formulaRunId the formula run it decided, if any
 * @param attachmentType what is attached to it ({@code FORMULA_RUN},
 * {@code AWARD_SCHEDULE}), if anything
 * @param attachmentRef the attachment's reference (a run's or a schedule's id), if any
 */
public record DecisionDecided(String reference, boolean supported, Long formulaRunId, String attachmentType,
		String attachmentRef) {

	/** Whether the record decided what is attached to it of this type. */
	public boolean decides(String type) {
		return type.equals(this.attachmentType);
	}

}
