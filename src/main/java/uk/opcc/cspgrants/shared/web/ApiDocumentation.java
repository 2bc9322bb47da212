package uk.opcc.cspgrants.shared.web;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every change through the API may answer besides success, in the API documentation:
 * a 400 naming each field that is not valid, and a 409 when the change clashes with what
 * is saved (someone else changed it since the version sent, or the step was taken
 * already). Either way nothing was changed.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String INVALID = "Some values are missing or not valid: a problem detail (RFC 9457) whose "
			+ "\"errors\" name each field and say what is wrong. Nothing was changed.";

	static final String CONFLICT = "The change clashes with what is saved: someone else changed it since the "
			+ "version you sent, or this step has already been taken (a second approval, payment or decision "
			+ "at the same moment). Nothing was changed: read it again and decide.";

	static final String NOT_FOUND = "There is no such record, or you may not know that there is.";

	@Bean
	OpenApiCustomizer refusals() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach((path) -> path.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
					responses.put("400", problem(INVALID));
					responses.put("409", problem(CONFLICT));
				}
				if (operation.getParameters() != null
						&& operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
					responses.put("404", problem(NOT_FOUND));
				}
				operation.setResponses(responses);
			}));
		};
	}

	private static ApiResponse problem(String description) {
		Schema<Object> problem = new Schema<>().type("object")
			.description("A problem detail (RFC 9457)")
			.addProperty("title", new Schema<String>().type("string"))
			.addProperty("status", new Schema<Integer>().type("integer"))
			.addProperty("detail", new Schema<String>().type("string"))
			.addProperty("instance", new Schema<String>().type("string"))
			.addProperty("errors",
					new Schema<Object>().type("object")
						.description("A message for each field that is not valid, by field name")
						.additionalProperties(new Schema<String>().type("string")));
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem)));
	}

}
