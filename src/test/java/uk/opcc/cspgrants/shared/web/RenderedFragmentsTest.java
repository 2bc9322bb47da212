package uk.opcc.cspgrants.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

class RenderedFragmentsTest {

	private static final String TEMPLATE = "<div><p th:fragment=\"amount\" th:text=\"${amount}\">£0</p>"
			+ "<p>not this</p></div>";

	private final AtomicInteger renders = new AtomicInteger();

	private final RenderedFragments fragments = new RenderedFragments(engine(), new MockServletContext(), beans(), 2,
			400);

	@Test
	void aFragmentIsRenderedEscapedOnceAndKeptForItsKey() {
		assertThat(render("a", "<£1,234 & more>")).isEqualTo("<p>&lt;£1,234 &amp; more&gt;</p>");
		assertThat(render("a", "ignored: the kept one is used")).isEqualTo("<p>&lt;£1,234 &amp; more&gt;</p>");
		assertThat(this.renders).hasValue(1);
		assertThat(render("b", "£2")).isEqualTo("<p>£2</p>");
		assertThat(this.renders).hasValue(2);
	}

	@Test
	void atMostTheConfiguredNumberAreKeptTheLeastRecentlyUsedGoingFirst() {
		render("a", "£1");
		render("b", "£2");
		render("a", "£1");
		render("c", "£3");
		assertThat(this.renders).hasValue(3);
		render("a", "£1");
		assertThat(this.renders).as("a was used after b, so b went").hasValue(3);
		render("b", "£2");
		assertThat(this.renders).hasValue(4);
	}

	@Test
	void aCspManagersFragmentsAreKeptApartAndPushOutNoneOfTheSharedOnes() {
		render("a", "£1");
		render("b", "£2");
		for (long partnership = 1; partnership <= 300; partnership++) {
			assertThat(renderFor(manager(partnership), "£" + partnership)).isEqualTo("<p>£" + partnership + "</p>");
		}
		assertThat(this.renders).as("each of the 300 rendered").hasValue(302);
		render("a", "ignored: kept");
		render("b", "ignored: kept");
		assertThat(this.renders).as("a and b are still kept").hasValue(302);
		// each partnership's is kept for it, and never shown to another
		assertThat(renderFor(manager(7), "ignored: kept")).isEqualTo("<p>£7</p>");
		assertThat(renderFor(manager(8), "ignored: kept")).isEqualTo("<p>£8</p>");
		assertThat(this.renders).hasValue(302);
		// someone who sees every partnership gets the shared one for the key
		assertThat(renderFor(new CurrentUser(1, "olu", "Olu Officer", "", true, Set.of(Role.OFFICER), null), "£9"))
			.isEqualTo("<p>£9</p>");
		assertThat(renderFor(new CurrentUser(2, "fran", "Fran Finance", "", true, Set.of(Role.FINANCE), null),
				"ignored: kept"))
			.isEqualTo("<p>£9</p>");
	}

	@Test
	void theApplicationsBeansAreAtHandAsOnAnyPage() {
		String html = this.fragments.render("beans", "<p th:fragment=\"day\" th:text=\"${@words.shout(day)}\">day</p>",
				"day", () -> Map.of("day", "paid on 30 July 2009"), new MockHttpServletRequest(),
				new MockHttpServletResponse());
		assertThat(html).isEqualTo("<p>PAID ON 30 JULY 2009</p>");
	}

	private String render(String key, String amount) {
		return this.fragments.render(key, TEMPLATE, "amount", () -> {
			this.renders.incrementAndGet();
			return Map.of("amount", amount);
		}, new MockHttpServletRequest(), new MockHttpServletResponse());
	}

	private String renderFor(CurrentUser viewer, String amount) {
		return this.fragments.render("table", viewer, TEMPLATE, "amount", () -> {
			this.renders.incrementAndGet();
			return Map.of("amount", amount);
		}, new MockHttpServletRequest(), new MockHttpServletResponse());
	}

	private static CurrentUser manager(long partnership) {
		return new CurrentUser(100 + partnership, "csp" + partnership, "Manager " + partnership, "", true,
				Set.of(Role.CSP_MANAGER), partnership);
	}

	private static StaticApplicationContext beans() {
		StaticApplicationContext beans = new StaticApplicationContext();
		beans.getBeanFactory().registerSingleton("words", new Words());
		beans.refresh();
		return beans;
	}

	/** A bean a template calls, as pages call {@code @dates}. */
	public static final class Words {

		public String shout(String words) {
			return words.toUpperCase(java.util.Locale.UK);
		}

	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		return engine;
	}

}
