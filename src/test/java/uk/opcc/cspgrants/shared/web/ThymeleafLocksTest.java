package uk.opcc.cspgrants.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.engine.AttributeNames;
import org.thymeleaf.engine.ElementNames;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class ThymeleafLocksTest {

	@Test
	void everyNameAndDefinitionRepositoryGetsANonFairLockAndTemplatesStillRender() throws Exception {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());

		int swapped = ThymeleafLocks.makeNonFair(engine);

		List<Object> names = new java.util.ArrayList<>();
		names.addAll(ThymeleafLocks.repositoriesIn(AttributeNames.class, null));
		names.addAll(ThymeleafLocks.repositoriesIn(ElementNames.class, null));
		assertThat(names).hasSizeGreaterThanOrEqualTo(6);
		for (Object repository : names) {
			assertThat(ThymeleafLocks.isFair(repository)).as(repository.getClass().getSimpleName()).isFalse();
		}
		assertThat(swapped)
			.as("at least the engine's attribute and element definitions (the static name "
					+ "repositories only the first time in a JVM)")
			.isGreaterThanOrEqualTo(2);
		assertThat(engine.process("<p class=\"a\" th:classappend=\"b\" th:text=\"${who}\" data-x=\"1\">x</p>",
				new Context(null, Map.of("who", "<Chris & Sam>"))))
			.isEqualTo("<p class=\"a b\" data-x=\"1\">&lt;Chris &amp; Sam&gt;</p>");
	}

}
