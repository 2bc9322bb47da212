package uk.opcc.cspgrants.publication;

import java.math.BigDecimal;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The open data validates against the official 360Giving JSON schemas (copied into test
 * resources) and its money adds up to the grants the published decisions created.
 */
@IntegrationTest
class OpenData360GivingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void thePackageValidatesAgainstThe360GivingSchema() throws Exception {
		String json = this.mvc.perform(get("/public/open-data/360giving.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.schemaMappers(mappers -> mappers
					.mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/",
							"classpath:360giving/")
					.mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/",
							"classpath:360giving/")));
		SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
		JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:360giving/360-giving-package-schema.json"),
				config);
		Set<ValidationMessage> errors = schema.validate(json, InputFormat.JSON);
		assertThat(errors).isEmpty();
		assertThat(
				schema.validate("{\"grants\":[{\"id\":7,\"amountAwarded\":\"lots\",\"dateModified\":\"yesterday\"}]}",
						InputFormat.JSON))
			.as("the schema is really applied: a bad grant is refused")
			.isNotEmpty();

		JsonNode grants = new ObjectMapper().readTree(json).get("grants");
		assertThat(grants.size()).isGreaterThanOrEqualTo(9);
		JsonNode first = grants.get(0);
		assertThat(first.get("id").asText()).startsWith("360G-opcc-leics-");
		assertThat(first.get("currency").asText()).isEqualTo("GBP");
		assertThat(first.get("fundingOrganization").get(0).get("name").asText())
			.isEqualTo("Office of the Police and Crime Commissioner for Leicestershire");
	}

	@Test
	void theMoneyAddsUpToTheGrantsOfPublishedDecisions() throws Exception {
		String json = this.mvc.perform(get("/public/open-data/360giving.json"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		BigDecimal published = BigDecimal.ZERO;
		for (JsonNode grant : new ObjectMapper().readTree(json).get("grants")) {
			published = published.add(grant.get("amountAwarded").decimalValue());
		}
		BigDecimal expected = this.jdbc.queryForObject(
				"select coalesce(sum(l.amount), 0) from decision_record d join formula_run_line l on l.run_id = cast(d.attachment_ref as bigint) "
						+ "where d.status = 'DECIDED' and d.decision = 'SUPPORTED' and d.publish_record <> 'NO' "
						+ "and d.attachment_type = 'FORMULA_RUN' and (d.redacted_sections is null or d.redacted_sections not like '%ATTACHMENT%') "
						+ "and d.publish_report <> 'NO'",
				BigDecimal.class);
		// and the grants to organisations whose decision record is published (issue 15)
		expected = expected.add(this.jdbc
			.queryForObject("select coalesce(sum(g.amount), 0) from organisation_grant g join decision_record d "
					+ "on d.reference = g.decision_reference where d.status = 'DECIDED' and d.decision = 'SUPPORTED' "
					+ "and d.publish_record <> 'NO' and d.publish_report <> 'NO' "
					+ "and (d.redacted_sections is null or d.redacted_sections not like '%ATTACHMENT%')",
					BigDecimal.class));
		assertThat(published).isEqualByComparingTo(expected);
		String csv = this.mvc.perform(get("/public/open-data/360giving.csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith("Identifier,Title,Description,Currency,Amount Awarded,Award Date")
			.contains(",GBP,", "E06000016,LA");
	}

}
