package uk.opcc.cspgrants.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Signs in through the real sign-in form and returns the session to use for later
 * requests.
 */
public final class SignIn {

	/** The demo profile's password for every demo user. */
	public static final String DEMO_PASSWORD = "csp-grants-demo";

	private SignIn() {
	}

	public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
		return as(mvc, username, DEMO_PASSWORD);
	}

	public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
