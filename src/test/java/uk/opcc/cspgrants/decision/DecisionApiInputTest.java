package uk.opcc.cspgrants.decision;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A decision is SUPPORTED or NOT_SUPPORTED and nothing else: before, any other word (or
 * {@code true}) was recorded as Not supported, for ever. Dates and text outside what a
 * record can hold are refused with 400, and nothing is recorded.
 */
@IntegrationTest
class DecisionApiInputTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DecisionManagement decisions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDecisionThatIsNotSupportedOrNotSupportedIsRefusedAndNothingIsDecided() throws Exception {
		String reference = readyForDecision();
		for (String decision : new String[] { "\"Supported\"", "true", "\"supported\"", "1", "\"YES\"" }) {
			this.mvc
				.perform(post("/api/v1/decisions/" + reference + "/decide")
					.with(httpBasic("commissioner", SignIn.DEMO_PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"decision\": " + decision + "}"))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.decisions.get(reference).status()).isEqualTo(DecisionStatus.PUBLICATION_DECIDED);
		assertThat(this.jdbc.queryForObject("select decision from decision_record where reference = ?", String.class,
				reference))
			.isNull();
	}

	@Test
	void datesNoRecordCouldHaveAreRefused() throws Exception {
		for (String date : new String[] { "-0001-01-01", "0000-01-01", "9999-12-31", "45000" }) {
			this.mvc
				.perform(post("/api/v1/decisions").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\":\"Dates\",\"decisionDate\":"
							+ (date.equals("45000") ? date : "\"" + date + "\"")
							+ ",\"summary\":\"S\",\"recommendations\":\"R\"}"))
				.andExpect(status().isBadRequest());
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from decision_record where title = 'Dates'", Integer.class))
			.isZero();
	}

	@Test
	void aSummaryOfMegabytesIsRefused() throws Exception {
		this.mvc
			.perform(post("/api/v1/decisions").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Huge\",\"decisionDate\":\"" + LocalDate.now() + "\",\"summary\":\""
						+ "x".repeat(2_000_000) + "\",\"recommendations\":\"R\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.summary").value(containsString("20,000 characters or fewer")));
	}

	@Test
	void aSignOffRefusedOnThePageKeepsWhatWasTypedAndSaysWhy() throws Exception {
		String reference = readyForDecision();
		this.mvc
			.perform(post("/decisions/" + reference + "/decide").session(SignIn.as(this.mvc, "commissioner"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("decision", "Supported")
				.param("on", LocalDate.now().toString())
				.param("comment", "My considered comment"))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(containsString("Choose Supported or Not supported"),
						containsString("My considered comment"), containsString("id=\"decision-error\""))));
		assertThat(this.decisions.get(reference).status()).isEqualTo(DecisionStatus.PUBLICATION_DECIDED);
	}

	private String readyForDecision() {
		String reference = this.decisions
			.create(new DecisionDraft("Input test", LocalDate.now(), null, "Summary", "Recommendations", null, null,
					null, null, null), Principals.of("officer", this.jdbc))
			.reference();
		this.decisions.consult(reference, "Fran Finance", LocalDate.now(), Principals.of("finance", this.jdbc));
		this.decisions.decidePublication(reference, Publication.YES, Publication.YES, Publication.YES, null,
				java.util.Set.of(), LocalDate.now(), Principals.of("monitoring", this.jdbc));
		return reference;
	}

}
