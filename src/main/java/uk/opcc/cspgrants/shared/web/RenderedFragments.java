package uk.opcc.cspgrants.shared.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.LeastRecentlyUsed;

/**
 * The large, slow-changing parts of a page (a 300-row report, a run's allocation table)
 * rendered once and kept, keyed by what they show. The page around them (the signed-in
 * user, the navigation, the forms with their CSRF tokens) is rendered on every request as
 * usual and takes the kept HTML with {@code th:utext}.
 * <p>
 * The key must change whenever anything shown changes: a caller builds it from the data's
 * version (for example a fingerprint read from the database in one small query), so that
 * every node of a cluster, each with its own cache, shows the same. A fragment must not
 * depend on who asks: no forms (their CSRF tokens), no user names, no request or session
 * attributes; dates and numbers are formatted for the UK. The HTML is escaped by
 * Thymeleaf when it is rendered, as any other template output. The cache holds at most
 * {@code csp-grants.rendered-fragments.max-entries} fragments, least recently used going
 * first. Each is kept with its UTF-8 bytes too, plain and compressed, which
 * {@link KeptFragmentsFilter} sends as they are instead of encoding the text again on
 * every request.
 */
@Component
public class RenderedFragments {

	private final ITemplateEngine templates;

	private final JakartaServletWebApplication application;

	private final LeastRecentlyUsed<String, Kept> kept;

	/** The fragments of one partnership alone (a CSP manager's), kept apart. */
	private final LeastRecentlyUsed<String, Kept> keptForOne;

	private final ApplicationContext beans;

	RenderedFragments(ITemplateEngine templates, ServletContext servletContext, ApplicationContext beans,
			@Value("${csp-grants.rendered-fragments.max-entries:64}") int maxEntries,
			@Value("${csp-grants.rendered-fragments.one-partnership-max-entries:1024}") int onePartnershipMaxEntries) {
		this.beans = beans;
		this.templates = templates;
		this.application = JakartaServletWebApplication.buildApplication(servletContext);
		this.kept = new LeastRecentlyUsed<>(maxEntries);
		this.keptForOne = new LeastRecentlyUsed<>(onePartnershipMaxEntries);
	}

	/**
	 * The fragment {@code fragment} of {@code template} for {@code key}: kept from an
	 * earlier request, or rendered now with the variables {@code model} gives.
	 */
	public String render(String key, String template, String fragment, Supplier<Map<String, Object>> model,
			HttpServletRequest request, HttpServletResponse response) {
		return take(this.kept, key, template, fragment, model, request, response);
	}

	/**
	 * As {@link #render}, for a page whose fragment depends on whether its viewer sees
	 * one partnership alone: a CSP manager's (a row or a few) is kept apart, in
	 * {@code csp-grants.rendered-fragments.one-partnership-max-entries} of its own, for
	 * {@code key} and the partnership, so that the managers of hundreds of partnerships
	 * push none of the large tables everyone else shares out of theirs. (Rendered afresh
	 * on every request instead, measured on 4 December 2026, a CSP manager's payments
	 * page fell from 2,072 to 145 requests a second: its model reads the whole year.)
	 */
	public String render(String key, CurrentUser viewer, String template, String fragment,
			Supplier<Map<String, Object>> model, HttpServletRequest request, HttpServletResponse response) {
		if (viewer.isLimitedToOnePartnership()) {
			return take(this.keptForOne, key + " for partnership " + viewer.partnershipId(), template, fragment, model,
					request, response);
		}
		return take(this.kept, key, template, fragment, model, request, response);
	}

	private String take(LeastRecentlyUsed<String, Kept> cache, String key, String template, String fragment,
			Supplier<Map<String, Object>> model, HttpServletRequest request, HttpServletResponse response) {
		Kept fragmentKept = cache.get(key, () -> {
			String html = renderNow(template, fragment, model.get(), request, response);
			return new Kept(html, KeptBytes.of(html));
		});
		KeptFragmentsFilter.taken(request, fragmentKept.html(), fragmentKept.bytes());
		return fragmentKept.html();
	}

	private String renderNow(String template, String fragment, Map<String, Object> model, HttpServletRequest request,
			HttpServletResponse response) {
		// the same whoever asks, so never in the visitor's language
		Map<String, Object> variables = new HashMap<>(model);
		// the application's beans (@dates), as on any page
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.beans, null));
		WebContext context = new WebContext(this.application.buildExchange(request, response), Locale.UK, variables);
		return this.templates.process(template, Set.of(fragment), context);
	}

	/**
	 * A fragment's HTML and its bytes, sent as they are by {@link KeptFragmentsFilter}.
	 */
	private record Kept(String html, KeptBytes bytes) {
	}

}
