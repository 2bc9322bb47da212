package uk.opcc.cspgrants.notifications;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An applicant signs in by the link e-mailed to them, through GreenMail: they ask on the
 * sign-in page, a mail arrives with the link, the link opens a page with a Continue
 * button (opening it signs nobody in: mail scanners open links), pressing it signs them
 * in, in a new session, and their home page shows their address. The link then works no
 * more, nor does one left 30 minutes. Known and new addresses get the same answer, a
 * sixth link in an hour is not sent, and the administrators' outbox never shows a link.
 */
class ApplicantSignInByMailTest extends SmtpTestBase {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/apply/link/([A-Za-z0-9_-]{43}))");

	@Autowired
	MockMvc mvc;

	@BeforeEach
	@AfterEach
	void noApplicantsOfTheseTests() {
		ApplicantFixture.removeApplicants(this.db, "email ilike '%@" + DOMAIN + "'");
	}

	@Test
	void theLinkInTheEmailSignsInOnceInANewSession() throws Exception {
		String address = "Ada.Applicant@" + DOMAIN;
		this.mvc.perform(get("/apply/sign-in")).andExpect(status().isOk());
		this.mvc
			.perform(post("/apply/sign-in").with(csrf()).param("email", "  " + address + " ").param("next", "/apply"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/apply/sign-in/sent"));
		String sentPage = this.mvc.perform(get("/apply/sign-in/sent"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sentPage).contains("Check your email").doesNotContain("Demo only", "/apply/link/");

		this.sender.sendDue();
		List<MimeMessage> mail = mailToTestPeople();
		assertThat(mail).hasSize(1);
		MimeMessage message = mail.get(0);
		assertThat(SendingByMailTest.addressOf(message)).isEqualTo(address);
		assertThat(message.getSubject()).isEqualTo("Sign in to apply for a grant");
		String text = ((String) message.getContent()).replace("\r\n", "\n");
		assertThat(text).startsWith("Dear " + address + ",\n\nUse the link below to sign in to CSP Grants")
			.contains("The link works once, until ")
			.contains("Sign in: http://localhost:8080/apply/link/");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).isTrue();
		String path = link.group(1);
		String token = link.group(2);
		assertThat(this.db.queryForObject("select count(*) from sign_in_link where token_hash = ?", Integer.class,
				sha256(token)))
			.as("only the token's hash is kept")
			.isEqualTo(1);
		assertThat(this.db.queryForObject("select count(*) from sign_in_link where token_hash like ?", Integer.class,
				"%" + token + "%"))
			.isZero();
		assertThat(this.db.queryForObject("select count(*) from notification where link like ?", Integer.class,
				"%" + token + "%"))
			.as("once e-mailed, the outbox keeps the link no longer")
			.isZero();

		MvcResult opened = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		assertThat(opened.getResponse().getContentAsString()).contains("Continue")
			.doesNotContain("You are signed in as");
		assertThat(this.db.queryForObject("select used_at is null from sign_in_link where token_hash = ?",
				Boolean.class, sha256(token)))
			.as("opening the link does not use it")
			.isTrue();

		MockHttpSession before = new MockHttpSession();
		MvcResult pressed = this.mvc.perform(post(path).with(csrf()).session(before))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/apply"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) pressed.getRequest().getSession(false);
		assertThat(session).isNotNull();
		assertThat(session.getId()).as("a new session, never the one that came with the request")
			.isNotEqualTo(before.getId());
		assertThat(before.isInvalid()).isTrue();

		String home = this.mvc.perform(get("/apply").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("You are signed in as <strong>" + address + "</strong>", "Your applications",
				"You have not started an application");
		assertThat(this.db.queryForObject("select verified_at is not null from applicant_account where email = ?",
				Boolean.class, address))
			.isTrue();

		String again = this.mvc.perform(post(path).with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("This link has already been used", "Send me a new link");
		this.mvc.perform(get(path)).andExpect(status().isConflict());
		assertThat(this.db.queryForObject("select count(*) from audit_event where entity_type = 'ApplicantAccount' "
				+ "and action = 'SIGN_IN' and after_json ->> 'email' = ?", Integer.class, address))
			.isEqualTo(1);
	}

	@Test
	void aLinkLeftThirtyMinutesIsRefusedAndOffersANewOne() throws Exception {
		String token = askAndReceive("late@" + DOMAIN);
		this.clock.moveOn(Duration.ofMinutes(30));
		this.mvc.perform(get("/apply/link/" + token)).andExpect(status().isGone());
		MvcResult refused = this.mvc.perform(post("/apply/link/" + token).with(csrf()))
			.andExpect(status().isGone())
			.andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("This link has expired", "Send me a new link");
		assertThat(refused.getRequest().getSession(false)).isNull();
		assertThat(this.db.queryForObject(
				"select count(*) from sign_in_link l join applicant_account a "
						+ "on a.user_id = l.user_id where a.email = ? and l.used_at is not null",
				Integer.class, "late@" + DOMAIN))
			.isZero();
	}

	@Test
	void knownAndNewAddressesGetTheSameAnswerAndASixthLinkInAnHourIsNotSent() throws Exception {
		String address = "often@" + DOMAIN;
		for (int i = 0; i < 6; i++) {
			this.mvc.perform(post("/apply/sign-in").with(csrf()).param("email", address))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/apply/sign-in/sent"));
		}
		this.sender.sendDue();
		assertThat(mailToTestPeople()).hasSize(5);
		assertThat(this.db.queryForObject("select count(*) from applicant_account where email = ?", Integer.class,
				address))
			.isEqualTo(1);
		this.clock.moveOn(Duration.ofMinutes(61));
		this.mvc.perform(post("/apply/sign-in").with(csrf()).param("email", address))
			.andExpect(redirectedUrl("/apply/sign-in/sent"));
		this.sender.sendDue();
		assertThat(mailToTestPeople()).as("an hour later, links are sent again").hasSize(6);
	}

	@Test
	void theAdministratorsOutboxNeverShowsASignInLink() throws Exception {
		String token = askAndReceive("masked@" + DOMAIN);
		long id = this.db.queryForObject(
				"select n.id from notification n join app_user u on u.username = n.username " + "where u.email = ?",
				Long.class, "masked@" + DOMAIN);
		String page = this.mvc.perform(get("/admin/notifications/" + id).with(user(Principals.of("admin", this.db))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Sign in to apply for a grant", "Not shown: this message holds a sign-in link")
			.doesNotContain(token, "/apply/link/");
		String list = this.mvc.perform(get("/admin/notifications").with(user(Principals.of("admin", this.db))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain(token);
	}

	/** Asks for a link for the address, sends the mail, and returns its token. */
	private String askAndReceive(String address) throws Exception {
		this.mvc.perform(post("/apply/sign-in").with(csrf()).param("email", address))
			.andExpect(redirectedUrl("/apply/sign-in/sent"));
		this.sender.sendDue();
		List<MimeMessage> mail = mailToTestPeople();
		assertThat(mail).hasSize(1);
		Matcher link = LINK.matcher(((String) mail.get(0).getContent()).replace("\r\n", "\n"));
		assertThat(link.find()).isTrue();
		return link.group(2);
	}

	private static String sha256(String token) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
	}

}
