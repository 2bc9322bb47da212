package uk.opcc.cspgrants.decision;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A decision record with its sign-offs.
 *
 * @param id internal id
 * @param reference the OPCC reference, e.g. EXE0019-24
 * @param draft what was drafted
 * @param status where it is
 * @param createdBy who drafted it
 * @param sentBackReason why it was last sent back, if it was
 * @param consulted the Chief Finance Officer's sign-off, or null
 * @param publication the Monitoring Officer's decision, or null
 * @param decision the Commissioner's decision, or null
 * @param corrects the reference of the record this corrects, or null
 * @param correctedBy references of records that correct this one
 * @param version for optimistic locking
 * @param attachmentType what is attached ({@code FORMULA_RUN}, {@code AWARD_SCHEDULE}),
 * or null
 * @param attachmentRef the attachment's reference (a run's or a schedule's id), or null
 */
public record DecisionView(long id, String reference, DecisionDraft draft, DecisionStatus status, String createdBy,
		String sentBackReason, Consulted consulted, PublicationDecision publication, Decision decision, String corrects,
		List<String> correctedBy, long version, String attachmentType, String attachmentRef) {

	/** The Chief Finance Officer's "consulted" sign-off. */
	public record Consulted(String name, LocalDate on, String by) {
	}

	/** The Monitoring Officer's publication decision. */
	public record PublicationDecision(Publication record, Publication report, Publication details, String reasons,
			Set<Section> redacted, LocalDate on, String by) {
	}

	/** The Commissioner's decision. */
	public record Decision(boolean supported, LocalDate on, String comment, String by) {
	}

	/** Published: decided, and the Monitoring Officer did not withhold the record. */
	public boolean published() {
		return this.status == DecisionStatus.DECIDED && this.publication != null
				&& this.publication.record() != Publication.NO;
	}

	/** Whether a section is withheld from the public. */
	public boolean redacted(Section section) {
		if (this.publication == null) {
			return false;
		}
		if (section.partOfReport() && this.publication.report() == Publication.NO) {
			return true;
		}
		if (section == Section.DECISION_COMMENT && this.publication.details() == Publication.NO) {
			return true;
		}
		return this.publication.redacted().contains(section);
	}

	public Set<Section> redactedSections() {
		Set<Section> sections = EnumSet.noneOf(Section.class);
		for (Section section : Section.values()) {
			if (redacted(section)) {
				sections.add(section);
			}
		}
		return sections;
	}

}
