package uk.opcc.cspgrants.performance;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.TokenFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reading changes nothing: the busy pages and the API with a token or HTTP Basic commit
 * no writing transaction of the application's. One that did would count as a change (see
 * {@link DataVersions}) and make every kept table and kept read on the node be read again
 * on the next request of anyone, as the API with a token did before issue 17.
 */
@IntegrationTest
class ReadingChangesNothingTest {

	private static final String TOKEN_NAME = "Reading changes nothing";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataVersions versions;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void theBusyPagesAndTheApiWithATokenCommitNoChange() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		String secret = TokenFixture.make(this.mvc, Principals.of("officer", this.jdbc), TOKEN_NAME, false);
		try {
			long before = this.versions.changesCommitted();
			for (String page : List.of("/", "/monitoring/reports/2024-25/Q1", "/allocations", "/monitoring", "/grants",
					"/partnerships", "/indicators", "/decisions", "/monitoring/payments")) {
				this.mvc.perform(get(page).session(officer).accept("text/html")).andExpect(status().isOk());
			}
			this.mvc.perform(get("/").session(finance).accept("text/html")).andExpect(status().isOk());
			this.mvc.perform(get("/").session(manager).accept("text/html")).andExpect(status().isOk());
			for (String path : List.of("/api/v1/reports/quarterly/2024-25/Q1", "/api/v1/grants?year=2024-25")) {
				for (int i = 0; i < 3; i++) {
					this.mvc.perform(get(path).header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
					// a password checked (counted as being checked, then let go) is no
					// change either
					this.mvc.perform(get(path)
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
							.httpBasic("officer", SignIn.DEMO_PASSWORD)))
						.andExpect(status().isOk());
				}
			}
			assertThat(this.versions.changesCommitted()).as("writing transactions committed while reading")
				.isEqualTo(before);
		}
		finally {
			TokenFixture.remove(this.owner, TOKEN_NAME);
		}
	}

}
