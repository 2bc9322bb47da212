package uk.opcc.cspgrants.organisations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organisations in JSON: add, read, list, change, and the refusals as problem details.
 */
@IntegrationTest
class OrganisationApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTheTestOrganisations() {
		this.jdbc.update("delete from organisation where name ilike '%test org%'");
	}

	@Test
	void aScriptAddsReadsAndChangesAnOrganisation() throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Box Smart CIC", "type": "CIC", "companyNumber": "7654321",
						 "contactEmail": "box@example.org"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/v1/organisations/")))
			.andExpect(jsonPath("$.identifier").value("GB-COH-07654321"))
			.andExpect(jsonPath("$.companyNumber").value("07654321"))
			.andExpect(jsonPath("$.typeLabel").value("Community interest company"))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

		this.mvc.perform(get("/api/v1/organisations/" + id).with(httpBasic("commissioner", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Test Org Box Smart CIC"))
			.andExpect(jsonPath("$.contactEmail").value("box@example.org"));
		this.mvc
			.perform(get("/api/v1/organisations").param("type", "CIC")
				.param("search", "box smart")
				.with(httpBasic("finance", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.rows[*].identifier", contains("GB-COH-07654321")));

		this.mvc
			.perform(put("/api/v1/organisations/" + id).with(httpBasic("admin", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Box Smart CIC", "type": "CIC", "companyNumber": "7654321",
						 "contactPhone": "0116 000 0000", "version": 0}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.contactPhone").value("0116 000 0000"));
		this.mvc
			.perform(put("/api/v1/organisations/" + id).with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Box Smart CIC", "type": "CIC", "version": 0}"""))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"Ada Admin changed Test Org Box Smart CIC after you opened it. Check the current values and save again."));
		this.mvc
			.perform(put("/api/v1/organisations/" + id).with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Box Smart CIC", "type": "CIC"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.version").value("Send the version you read"));
	}

	@Test
	void refusalsAreProblemDetailsNamingTheFieldAndTheOrganisationAlreadyRecorded() throws Exception {
		this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "", "type": "CHARITY", "charityNumber": "12", "postcode": "nowhere"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.name").value("Enter the organisation's name"))
			.andExpect(
					jsonPath("$.errors.charityNumber").value(startsWith("Enter the charity number as 6 to 8 digits")))
			.andExpect(jsonPath("$.errors.postcode").value("Enter a real postcode, like LE19 2BX"));
		this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Council", "type": "LOCAL_AUTHORITY", "localAuthorityCode": "qqq"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.identifier").value("GB-LAE-QQQ"));
		this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Other Council", "type": "LOCAL_AUTHORITY", "localAuthorityCode": "QQQ"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors.localAuthorityCode")
				.value("The local authority code QQQ is already recorded as Test Org Council"));
		this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Council Ltd", "type": "OTHER"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors.name").value(startsWith(
					"There is already an organisation called Test Org Council (GB-LAE-QQQ). If Test Org Council Ltd is a different organisation")));
		this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Council Ltd", "type": "OTHER", "despiteSimilarName": true}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.identifier").value("360G-opcc-leics-org-test-org-council"));
		this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Anything", "type": "CHARITABLE_TRUST"}"""))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/organisations/999999999").with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no organisation with the id 999999999"));
		this.mvc
			.perform(post("/api/v1/organisations").with(httpBasic("finance", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Test Org Finance's Own", "type": "OTHER"}"""))
			.andExpect(status().isForbidden());
		assertThat(
				this.jdbc.queryForObject("select count(*) from organisation where name like 'Test Org%'", Long.class))
			.isEqualTo(2);
	}

}
