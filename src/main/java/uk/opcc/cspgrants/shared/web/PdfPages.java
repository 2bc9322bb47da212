package uk.opcc.cspgrants.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Prints a Thymeleaf template as a PDF (OpenHTMLtoPDF): the template is written as XHTML
 * with its own print styles, and may use the same beans as pages ({@code @dates}).
 */
@Component
public class PdfPages {

	private final ITemplateEngine templates;

	private final ApplicationContext beans;

	PdfPages(ITemplateEngine templates, ApplicationContext beans) {
		this.templates = templates;
		this.beans = beans;
	}

	/** The template filled with {@code variables}, as PDF bytes. */
	public byte[] print(String template, Map<String, Object> variables) {
		Context context = new Context(Locale.UK);
		variables.forEach(context::setVariable);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.beans, null));
		String html = this.templates.process(template, context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

}
