package uk.opcc.cspgrants.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.PdfPages;

/**
 * Lays out decision records for pages and PDFs, from the one template fragment
 * {@code decision/document}, applying redactions for the public.
 */
@Component
public class DecisionDocuments {

	private final RunManagement runs;

	private final PdfPages pdfPages;

	private final String area;

	private final DecisionAttachments attachments;

	DecisionDocuments(RunManagement runs, PdfPages pdfPages,
			@Value("${csp-grants.decisions.police-area:Leicestershire}") String area, DecisionAttachments attachments) {
		this.attachments = attachments;
		this.runs = runs;
		this.pdfPages = pdfPages;
		this.area = area;
	}

	public DecisionDocument of(DecisionView record, boolean forPublic) {
		List<DecisionDocument.Part> parts = new ArrayList<>();
		add(parts, record, Section.OFFICERS_PRESENT, "Officers present", record.draft().officersPresent(), forPublic);
		parts.add(new DecisionDocument.Part("Title", SimpleText.toHtml(record.draft().title()), null, false));
		add(parts, record, Section.SUMMARY, "Summary of Issue", record.draft().summary(), forPublic);
		add(parts, record, Section.RECOMMENDATIONS, "Recommendations presented", record.draft().recommendations(),
				forPublic);
		add(parts, record, Section.DISCUSSION, "Key discussion points", record.draft().discussion(), forPublic);
		add(parts, record, Section.FINANCIAL_IMPLICATIONS, "Financial implications",
				record.draft().financialImplications(), forPublic);
		RunView run = (record.draft().formulaRunId() != null) ? this.runs.get(record.draft().formulaRunId()) : null;
		String tableRedaction = null;
		String attachment = this.attachments.describe(record);
		List<AttachedTable> tables = this.attachments.tables(record);
		if ((run != null || !tables.isEmpty()) && forPublic && record.redacted(Section.ATTACHMENT)) {
			tableRedaction = redaction(record);
			run = null;
			tables = List.of();
		}
		return new DecisionDocument(record, this.area.toUpperCase(Locale.UK), parts, run, tableRedaction, forPublic,
				attachment, tables);
	}

	/** The record as a PDF, from the same fragment as its page. */
	public byte[] pdf(DecisionView record, boolean forPublic) {
		return this.pdfPages.print("decision/pdf", Map.of("document", of(record, forPublic)));
	}

	static ResponseEntity<byte[]> pdfResponse(String reference, byte[] pdf) {
		return Downloads.inline(pdf, MediaType.APPLICATION_PDF_VALUE, reference + ".pdf");
	}

	private static void add(List<DecisionDocument.Part> parts, DecisionView record, Section section, String heading,
			String text, boolean forPublic) {
		boolean redacted = record.redacted(section);
		if (redacted && forPublic) {
			parts.add(new DecisionDocument.Part(heading, null, redaction(record), false));
		}
		else {
			parts.add(new DecisionDocument.Part(heading, SimpleText.toHtml(text), null, redacted));
		}
	}

	private static String redaction(DecisionView record) {
		String reasons = (record.publication() != null && record.publication().reasons() != null)
				? record.publication().reasons() : "withheld by the Monitoring Officer";
		return "Redacted: " + reasons;
	}

}
