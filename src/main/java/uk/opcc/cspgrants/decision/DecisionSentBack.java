package uk.opcc.cspgrants.decision;

/**
 * A decision record was sent back to draft. Published in the same transaction, so that
 * what is attached to it (an award schedule) can be a draft again.
 *
 * @param reference the record's reference
 * @param attachmentType what is attached to it, if anything
 * @param attachmentRef the attachment's reference, if any
 */
public record DecisionSentBack(String reference, String attachmentType, String attachmentRef) {

	/** Whether what is attached to the record is of this type. */
	public boolean attaches(String type) {
		return type.equals(this.attachmentType);
	}

}
