package uk.opcc.cspgrants.rounds.applying;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.TestDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application's supporting documents on the pages: what a charity must send and what a
 * local authority must, an upload refused with its messages and the kind chosen kept, the
 * same file twice refused, a document downloaded as an attachment with its own bytes and
 * type (whatever the browser said), removed after a page that asks, the task complete
 * once the required kinds are in; another applicant finds none of it; officers download a
 * submitted application's documents, and nothing changes once it is submitted. On the
 * shared demo database in 1991-92.
 */
@IntegrationTest
class DocumentPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	private RequestPostProcessor applicant;

	private long id;

	@BeforeEach
	void application() throws Exception {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1991-92"));
		this.fixture.openRound("DOCS-1991", Instant.now().plus(Duration.ofDays(30)));
		ApplicantFixture.make(this.jdbc);
		this.applicant = user(Principals.of(ApplicantFixture.USERNAME, this.jdbc));
		MvcResult started = this.mvc
			.perform(post("/apply/rounds/DOCS-1991/start").with(this.applicant)
				.with(csrf())
				.param("startKey", UUID.randomUUID().toString()))
			.andExpect(status().isFound())
			.andReturn();
		String location = started.getResponse().getRedirectedUrl();
		this.id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.jdbc);
		ApplicantFixture.removeApplicants(this.jdbc, "email = 'stranger@applicants.example'");
	}

	@Test
	void aRefusedUploadKeepsTheKindChosenAndSaysWhyOnTheField() throws Exception {
		this.mvc.perform(get(documents()).with(this.applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Governing document"),
					containsString("Latest annual accounts"), containsString("Safeguarding policy"),
					containsString("Still needed"), not(containsString("Files you have uploaded")))));
		this.mvc.perform(upload(null, "notes.txt", TestDocuments.text("Just some notes")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("href=\"#kind\">Select what the document is</a>"), containsString(
							"href=\"#file\">The selected file must be a PDF, Word, Excel, OpenDocument, PNG or JPEG file"))));
		this.mvc.perform(upload("ACCOUNTS", "accounts.pdf", new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("The selected file is empty"),
					containsString("value=\"ACCOUNTS\" aria-describedby=\"kind-ACCOUNTS-hint\" checked=\"checked\""))));
		assertThat(this.jdbc.queryForObject("select count(*) from application_document where application_id = ?",
				Long.class, this.id))
			.isZero();
	}

	@Test
	void documentsAreUploadedDownloadedAsTheyWereAndRemovedAfterAskingUntilTheTaskIsComplete() throws Exception {
		byte[] constitution = TestDocuments.pdf("Constitution, signed and dated");
		this.mvc.perform(upload("GOVERNING_DOCUMENT", "C:\\fakepath\\Our constitution.pdf", constitution))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(documents()));
		this.mvc.perform(upload("OTHER", "copy.pdf", constitution))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This file is already attached to your application, as "
					+ "“Our constitution.pdf” (governing document) uploaded on")));
		long document = this.jdbc.queryForObject("select id from application_document where application_id = ?",
				Long.class, this.id);
		this.mvc.perform(get(documents() + "/" + document).with(this.applicant))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"Our constitution.pdf\"; filename*=UTF-8''Our%20constitution.pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes(constitution));
		this.mvc.perform(get("/apply/applications/" + this.id).with(this.applicant))
			.andExpect(content()
				.string(allOf(containsString("You have completed 0 of 6 sections."), containsString("In progress"))));
		this.mvc.perform(get(documents() + "/" + document + "/remove").with(this.applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Are you sure you want to remove Our constitution.pdf?")));
		this.mvc.perform(post(documents() + "/" + document + "/remove").with(this.applicant).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Select yes if you want to remove the file")));
		this.mvc.perform(
				post(documents() + "/" + document + "/remove").with(this.applicant).with(csrf()).param("remove", "no"))
			.andExpect(redirectedUrl(documents()));
		this.mvc.perform(
				post(documents() + "/" + document + "/remove").with(this.applicant).with(csrf()).param("remove", "yes"))
			.andExpect(redirectedUrl(documents()));
		assertThat(this.jdbc.queryForObject("select count(*) from application_document_content where document_id = ?",
				Long.class, document))
			.isZero();
		// a local authority sends only its safeguarding policy
		this.mvc
			.perform(post("/apply/applications/" + this.id + "/organisation").with(this.applicant)
				.with(csrf())
				.param("name", "Rutland County Council")
				.param("type", "LOCAL_AUTHORITY")
				.param("address", "Oakham")
				.param("version", "2"))
			.andExpect(status().isFound());
		this.mvc.perform(upload("SAFEGUARDING_POLICY", "policy.pdf", TestDocuments.pdf("Policy")))
			.andExpect(status().isFound());
		this.mvc.perform(get("/apply/applications/" + this.id).with(this.applicant))
			.andExpect(content().string(allOf(containsString("You have completed 2 of 6 sections."),
					containsString("id=\"documents-status\">Completed<"))));
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where entity_type = 'Application' and "
						+ "entity_id = ? and action in ('ATTACH', 'REMOVE_DOCUMENT') order by id",
				String.class, Long.toString(this.id)))
			.containsExactly("ATTACH", "REMOVE_DOCUMENT", "ATTACH");
	}

	@Test
	void anotherApplicantFindsNoDocumentAndOfficersDownloadOnlyOnceSubmitted() throws Exception {
		this.mvc.perform(upload("SAFEGUARDING_POLICY", "policy.pdf", TestDocuments.pdf("Policy")))
			.andExpect(status().isFound());
		long document = this.jdbc.queryForObject("select id from application_document where application_id = ?",
				Long.class, this.id);
		ApplicantFixture.make(this.jdbc, "applicant.stranger", "stranger@applicants.example");
		RequestPostProcessor other = user(Principals.of("applicant.stranger", this.jdbc));
		for (String path : new String[] { documents(), documents() + "/" + document,
				documents() + "/" + document + "/remove" }) {
			this.mvc.perform(get(path).with(other)).andExpect(status().isNotFound());
		}
		this.mvc.perform(post(documents() + "/" + document + "/remove").with(other).with(csrf()).param("remove", "yes"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart(documents())
				.file(new MockMultipartFile("file", "mine.pdf", "application/pdf", TestDocuments.pdf("Mine")))
				.param("kind", "OTHER")
				.with(other)
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.jdbc.update("update application set status = 'SUBMITTED', number = 1, reference = 'DOCS-1991-001', "
				+ "submitted_at = now(), submitted_by = 'test' where id = ?", this.id);
		RequestPostProcessor officer = user(Principals.of("officer", this.jdbc));
		this.mvc.perform(get("/rounds/DOCS-1991/applications/DOCS-1991-001").with(officer))
			.andExpect(content().string(containsString(
					"href=\"/rounds/DOCS-1991/applications/DOCS-1991-001/documents/" + document + "\"")));
		this.mvc.perform(get("/rounds/DOCS-1991/applications/DOCS-1991-001/documents/" + document).with(officer))
			.andExpect(status().isOk())
			.andExpect(content().bytes(TestDocuments.pdf("Policy")));
		this.mvc
			.perform(get("/rounds/DOCS-1991/applications/DOCS-1991-001/documents/" + (document + 1000)).with(officer))
			.andExpect(status().isNotFound());
		this.mvc.perform(upload("OTHER", "late.pdf", TestDocuments.pdf("Late")))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("This application is submitted: its answers no longer change"),
					containsString("Reference DOCS-1991-001"))));
		this.mvc.perform(
				post(documents() + "/" + document + "/remove").with(this.applicant).with(csrf()).param("remove", "yes"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This application is submitted")));
		this.mvc.perform(get(documents()).with(this.applicant))
			.andExpect(redirectedUrl("/apply/applications/" + this.id));
		assertThat(this.jdbc.queryForObject("select count(*) from application_document where application_id = ?",
				Long.class, this.id))
			.isEqualTo(1);
	}

	private String documents() {
		return "/apply/applications/" + this.id + "/documents";
	}

	private org.springframework.test.web.servlet.RequestBuilder upload(String kind, String name, byte[] content) {
		var request = multipart(documents()).file(new MockMultipartFile("file", name, "text/plain", content))
			.with(this.applicant)
			.with(csrf());
		return (kind == null) ? request : request.param("kind", kind);
	}

}
