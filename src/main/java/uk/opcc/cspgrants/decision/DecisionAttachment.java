package uk.opcc.cspgrants.decision;

import java.util.List;

/**
 * Something another module attaches to a decision record as a table, such as a year's
 * award schedule: that module implements this (as a Spring bean) so that the record's
 * page, its public page and its PDF show the table, and so that the record cannot go on
 * to its next sign-off while what it decides is not attached to it. The decision module
 * never needs to know the other module.
 */
public interface DecisionAttachment {

	/** The attachment type this gives tables for, as stored: {@code AWARD_SCHEDULE}. */
	String type();

	/** How the attachment is named on a page: "the award schedule 2013-14". */
	String describe(String attachmentRef);

	/** The tables of the attachment, in the order they are shown. */
	List<AttachedTable> tables(String attachmentRef);

	/**
	 * Why the record cannot take its next sign-off with this attachment (for example the
	 * schedule was changed after the record was sent back and is no longer attached to
	 * it), or {@code null} when it can.
	 * @param attachmentRef the attachment's reference
	 * @param recordReference the decision record's reference
	 */
	String notReady(String attachmentRef, String recordReference);

	/**
	 * What a Supported decision of the record does (before it is decided) or did (after),
	 * in a sentence for the Commissioner's pages: "Supported makes 12 grants to
	 * organisations totalling £1,216,892.00 …".
	 * @param attachmentRef the attachment's reference
	 * @param recordReference the decision record's reference
	 * @param decided whether the record has been decided Supported
	 */
	String whenSupported(String attachmentRef, String recordReference, boolean decided);

}
