package uk.opcc.cspgrants.rounds.panel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.web.Downloads;

/**
 * The panel's paper as a spreadsheet and as CSV, and its minutes as a PDF once the round
 * has been taken to the panel: who sat, the interests declared, each application's
 * recommendation with its reason, and what the recommendations come to against the
 * budget.
 */
@Controller
class PanelFilesController {

	private final PanelRecommendations panel;

	private final ITemplateEngine templates;

	private final ApplicationContext beans;

	PanelFilesController(PanelRecommendations panel, ITemplateEngine templates, ApplicationContext beans) {
		this.panel = panel;
		this.templates = templates;
		this.beans = beans;
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
					round.reference() + " has not been taken to the panel: there are no " + "minutes yet");
		}
		Context context = new Context(Locale.UK);
		context.setVariable("paper", this.panel.paper(round));
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.beans, null));
		String html = this.templates.process("rounds/panel-minutes-pdf", context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return Downloads.inline(out.toByteArray(), MediaType.APPLICATION_PDF_VALUE,
					round.reference() + "-panel-minutes.pdf");
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

}
