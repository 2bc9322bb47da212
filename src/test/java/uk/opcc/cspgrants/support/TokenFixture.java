package uk.opcc.cspgrants.support;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.opcc.cspgrants.shared.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Makes API tokens on the tokens page as a person would, and takes away those a test
 * made, as the table's owner with the rule that keeps every token
 * ({@code api_token_kept}) off for the moment it takes.
 */
public final class TokenFixture {

	/** A token's secret, as the page shows it once. */
	public static final Pattern SECRET = Pattern.compile("cspg_[A-Za-z0-9_-]{43}");

	private TokenFixture() {
	}

	/** Removes the tokens whose name is like {@code pattern} ({@code Test %}). */
	public static void remove(DataSource owner, String pattern) {
		JdbcTemplate asOwner = new JdbcTemplate(owner);
		asOwner.execute("alter table api_token disable trigger api_token_changes");
		try {
			asOwner.update("delete from api_token where name like ?", pattern);
		}
		finally {
			asOwner.execute("alter table api_token enable trigger api_token_changes");
		}
	}

	/** Makes a token for {@code user} through the service's page; its secret. */
	public static String make(MockMvc mvc, CurrentUser user, String name, boolean readOnly) throws Exception {
		MockHttpServletRequestBuilder request = post("/account/tokens").with(user(user))
			.with(csrf())
			.param("name", name)
			.param("createKey", UUID.randomUUID().toString());
		if (readOnly) {
			request = request.param("readOnly", "true");
		}
		return secretIn(mvc.perform(request).andExpect(status().isOk()).andReturn());
	}

	/** The secret a page shows. */
	public static String secretIn(MvcResult result) throws Exception {
		Matcher found = SECRET.matcher(result.getResponse().getContentAsString());
		assertThat(found.find()).as("the page shows the secret").isTrue();
		return found.group();
	}

}
