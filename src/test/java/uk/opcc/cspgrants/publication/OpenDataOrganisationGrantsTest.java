package uk.opcc.cspgrants.publication;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.RecipientFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grants to organisations in the 360Giving file: none while their decision record is not
 * published; once it is, each with the recipient's own identifier and name, the plan
 * theme as a classification, the purchasing route as the grant programme, planned dates
 * from its payments' periods and its amount, in the JSON (valid against the 360Giving
 * schema) and the CSV. On a database of its own with the grants of
 * {@link RecipientFixture}, decided by a record written straight into the table.
 */
class OpenDataOrganisationGrantsTest {

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static RecipientFixture.Made made;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("open_data_organisations");
		db = app.database();
		made = RecipientFixture.make(db, 2022, "EXE0031-22");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void grantsToOrganisationsArePublishedWithTheirRecipientsThemeRouteAndDates() throws Exception {
		assertThat(app.api("officer").get("/public/open-data/360giving.json").body())
			.as("not published while the decision record is not")
			.doesNotContain("-OG-");

		long record = db.queryForObject("insert into decision_record (reference, reference_year, sequence, title, "
				+ "decision_date, summary, recommendations, status, created_at, created_by) values ('EXE0031-22', "
				+ "2022, 31, 'Police and Crime Commissioner Partner Funding', date '2022-07-14', 'Partner funding', "
				+ "'Approve the schedule', 'DRAFT', now(), 'officer') returning id", Long.class);
		db.update("update decision_record set status = 'DECIDED', consulted_by = 'finance', consulted_name = "
				+ "'Fran Finance', consulted_on = date '2022-07-10', publish_record = 'YES', publish_report = 'YES', "
				+ "publish_details = 'YES', publication_by = 'monitoring', publication_on = date '2022-07-11', "
				+ "decision = 'SUPPORTED', decided_on = date '2022-07-14', decided_by = 'commissioner' where id = ?",
				record);

		// the record was decided by hand in SQL, as on another node: it shows within the
		// max
		// age of the kept decision records (csp-grants.data-versions.max-age, a second)
		Thread.sleep(1100);
		String json = app.api("officer").get("/public/open-data/360giving.json").body();
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.schemaMappers(mappers -> mappers
					.mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/",
							"classpath:360giving/")
					.mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/",
							"classpath:360giving/")));
		JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:360giving/360-giving-package-schema.json"),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
		assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();

		Map<String, JsonNode> byId = new HashMap<>();
		BigDecimal total = BigDecimal.ZERO;
		for (JsonNode grant : new ObjectMapper().readTree(json).get("grants")) {
			if (grant.get("id").asText().contains("-OG-")) {
				byId.put(grant.get("id").asText(), grant);
				total = total.add(grant.get("amountAwarded").decimalValue());
			}
		}
		assertThat(byId).hasSize(3);
		// 52,880.00 + 5,000.00 + 10,000.00
		assertThat(total).isEqualByComparingTo("67880.00");

		JsonNode dip = byId.get("360G-opcc-leics-OG-" + made.grantId());
		assertThat(dip.get("title").asText()).isEqualTo("Drug Intervention Programme");
		assertThat(dip.get("amountAwarded").decimalValue()).isEqualByComparingTo("52880.00");
		assertThat(dip.get("awardDate").asText()).isEqualTo("2022-07-14");
		assertThat(dip.get("recipientOrganization").get(0).get("id").asText()).isEqualTo("GB-CHC-1099999");
		assertThat(dip.get("recipientOrganization").get(0).get("name").asText())
			.isEqualTo("Voluntary Action Testshire");
		assertThat(dip.get("classifications").get(0).get("vocabulary").asText())
			.isEqualTo("Police and Crime Plan theme");
		assertThat(dip.get("classifications").get(0).get("title").asText()).isEqualTo("Protecting the Vulnerable");
		assertThat(dip.get("grantProgramme").get(0).get("title").asText())
			.isEqualTo("Co-commissioning with existing commissioners under contract");
		assertThat(dip.get("grantProgramme").get(0).get("code").asText()).isEqualTo("CONTRACT");
		assertThat(dip.get("plannedDates").get(0).get("startDate").asText()).isEqualTo("2022-04-01");
		assertThat(dip.get("plannedDates").get(0).get("endDate").asText()).isEqualTo("2023-03-31");
		assertThat(dip.get("description").asText()).contains("decided by EXE0031-22");
		assertThat(dip.has("beneficiaryLocation")).isFalse();

		JsonNode youth = byId.get("360G-opcc-leics-OG-" + made.otherGrantId());
		assertThat(youth.get("recipientOrganization").get(0).get("id").asText()).isEqualTo("GB-COH-09999999");
		assertThat(youth.get("grantProgramme").get(0).get("title").asText()).isEqualTo("PCC Grant round");
		assertThat(youth.get("plannedDates").get(0).get("endDate").asText()).as("its only period: Apr to Sep")
			.isEqualTo("2022-09-30");

		JsonNode inKind = byId.get("360G-opcc-leics-OG-" + made.inKindGrantId());
		assertThat(inKind.get("description").asText()).endsWith("(given in kind)");
		assertThat(inKind.get("plannedDates").get(0).get("startDate").asText()).isEqualTo("2022-04-01");

		String csv = app.api("officer").get("/public/open-data/360giving.csv").body();
		assertThat(csv.lines().findFirst().orElseThrow())
			.endsWith("Last Modified,Grant Programme:Code,Classifications:Vocabulary,Classifications:Title");
		String row = csv.lines()
			.filter(line -> line.startsWith("360G-opcc-leics-OG-" + made.grantId() + ","))
			.findFirst()
			.orElseThrow();
		assertThat(row).contains(",52880.00,2022-07-14,GB-CHC-1099999,Voluntary Action Testshire,",
				",2022-04-01,2023-03-31,Co-commissioning with existing commissioners under contract,",
				",CONTRACT,Police and Crime Plan theme,Protecting the Vulnerable");
	}

}
