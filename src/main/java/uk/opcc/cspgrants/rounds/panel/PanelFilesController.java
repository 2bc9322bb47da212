package uk.opcc.cspgrants.rounds.panel;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.PdfPages;

/**
 * The panel's paper as a spreadsheet and as CSV, and its minutes as a PDF once the round
 * has been taken to the panel: who sat, the interests declared, each application's
 * recommendation with its reason, and what the recommendations come to against the
 * budget.
 */
@Controller
class PanelFilesController {

	private final PanelRecommendations panel;

	private final PdfPages pdfPages;

	PanelFilesController(PanelRecommendations panel, PdfPages pdfPages) {
		this.panel = panel;
		this.pdfPages = pdfPages;
	}

	@GetMapping("/rounds/{reference}/panel.csv")
	ResponseEntity<byte[]> csv(@PathVariable String reference) {
		PanelPaper paper = this.panel.paper(this.panel.round(reference));
		return Downloads.attachment(PanelPaperFiles.csv(paper).getBytes(StandardCharsets.UTF_8), Downloads.CSV,
				paper.round().reference() + "-panel.csv");
	}

	@GetMapping("/rounds/{reference}/panel.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String reference) {
		PanelPaper paper = this.panel.paper(this.panel.round(reference));
		return Downloads.attachment(PanelPaperFiles.xlsx(paper), Downloads.XLSX,
				paper.round().reference() + "-panel.xlsx");
	}

	@GetMapping("/rounds/{reference}/panel-minutes.pdf")
	ResponseEntity<byte[]> minutes(@PathVariable String reference) {
		RoundView round = this.panel.round(reference);
		if (round.progress().panelMeetsOn() == null) {
			throw new ConflictException(null,
					round.reference() + " has not been taken to the panel: there are no minutes yet");
		}
		byte[] pdf = this.pdfPages.print("rounds/panel-minutes-pdf",
				java.util.Map.of("paper", this.panel.paper(round)));
		return Downloads.inline(pdf, MediaType.APPLICATION_PDF_VALUE, round.reference() + "-panel-minutes.pdf");
	}

}
