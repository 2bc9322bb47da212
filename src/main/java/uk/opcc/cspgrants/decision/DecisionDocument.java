package uk.opcc.cspgrants.decision;

import java.util.List;

import uk.opcc.cspgrants.allocation.RunView;

/**
 * A decision record laid out as the published records are, ready for a page or a PDF. For
 * the public, a redacted section carries only the words "Redacted" and the reason; its
 * text is not here at all.
 *
 * @param record the record
 * @param area the police area in the heading, e.g. LEICESTERSHIRE
 * @param sections the sections in the published order
 * @param run the attached formula run, or {@code null} (also when its table is redacted)
 * @param tableRedaction the redaction note for the table, or {@code null}
 * @param forPublic whether redactions are applied
 * @param attachment what else is attached, in words ("the award schedule 2013-14"), or
 * {@code null}
 * @param tables its tables, none when redacted
 */
public record DecisionDocument(DecisionView record, String area, List<Part> sections, RunView run,
		String tableRedaction, boolean forPublic, String attachment, List<AttachedTable> tables) {

	public DecisionDocument {
		tables = (tables == null) ? List.of() : List.copyOf(tables);
	}

	/**
	 * One section.
	 *
	 * @param heading e.g. "Summary of Issue"
	 * @param html the text as safe HTML, or {@code null} when redacted
	 * @param redaction "Redacted: reason" when redacted for the public, else {@code null}
	 * @param redactedWhenPublished for staff: this section is withheld from the public
	 */
	public record Part(String heading, String html, String redaction, boolean redactedWhenPublished) {
	}

}
