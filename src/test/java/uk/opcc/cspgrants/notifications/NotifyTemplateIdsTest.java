package uk.opcc.cspgrants.notifications;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GOV.UK Notify's template ids are found as the README says: for a template of ours by
 * its name, in a properties file or as an environment variable, else the default one.
 */
class NotifyTemplateIdsTest {

	@Test
	void aTemplatesIdIsReadFromItsEnvironmentVariableAndTheDefaultServesTheRest() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-environment",
					Map.of("CSP_GRANTS_NOTIFY_TEMPLATES_RETURN_DUE_SOON", "id-from-environment",
							"CSP_GRANTS_NOTIFY_TEMPLATES_DEFAULT", " default-id ")));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test-file",
					Map.of("csp-grants.notify.templates.decision-awaiting", "id-from-file")));
		ConfigurationPropertySources.attach(environment);

		assertThat(NotifyChannel.templateId(environment, "return-due-soon")).isEqualTo("id-from-environment");
		assertThat(NotifyChannel.templateId(environment, "decision-awaiting")).isEqualTo("id-from-file");
		assertThat(NotifyChannel.templateId(environment, "return-overdue")).isEqualTo("default-id");
		assertThat(NotifyChannel.templateId(new StandardEnvironment(), "return-overdue")).isEmpty();
	}

}
