package uk.opcc.cspgrants.decision;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.ConflictException;

/**
 * The attachments other modules give tables for ({@link DecisionAttachment}), found by
 * type. A record whose attachment no module knows shows no table.
 */
@Component
class DecisionAttachments {

	private final ObjectProvider<DecisionAttachment> attachments;

	DecisionAttachments(ObjectProvider<DecisionAttachment> attachments) {
		this.attachments = attachments;
	}

	Optional<DecisionAttachment> of(String type) {
		if (type == null) {
			return Optional.empty();
		}
		return this.attachments.orderedStream().filter(attachment -> attachment.type().equals(type)).findFirst();
	}

	/** Whether a module gives tables for this type of attachment. */
	boolean known(String type) {
		return of(type).isPresent();
	}

	/** The tables attached to a record, none when it has none. */
	List<AttachedTable> tables(DecisionView record) {
		return of(record.attachmentType()).map(attachment -> attachment.tables(record.attachmentRef()))
			.orElse(List.of());
	}

	/** What is attached to a record, in words, or {@code null}. */
	String describe(DecisionView record) {
		return of(record.attachmentType()).map(attachment -> attachment.describe(record.attachmentRef())).orElse(null);
	}

	/** What a Supported decision of the record does or did, or {@code null}. */
	String whenSupported(DecisionView record) {
		boolean decided = record.decision() != null && record.decision().supported();
		return of(record.attachmentType())
			.map(attachment -> attachment.whenSupported(record.attachmentRef(), record.reference(), decided))
			.orElse(null);
	}

	/**
	 * Refuses the record's next sign-off while what it decides is not attached to it (409
	 * with the reason).
	 */
	void requireReady(String attachmentType, String attachmentRef, String recordReference) {
		of(attachmentType).map(attachment -> attachment.notReady(attachmentRef, recordReference)).ifPresent(reason -> {
			throw new ConflictException(null, reason);
		});
	}

}
