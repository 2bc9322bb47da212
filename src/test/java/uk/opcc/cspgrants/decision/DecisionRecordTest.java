package uk.opcc.cspgrants.decision;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.allocation.RunRequest;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A formula run goes from draft to a Supported decision record through four different
 * users, creates its grants once, and is published with its table and a PDF; a
 * part-redacted record shows its redacted text nowhere.
 */
@IntegrationTest
class DecisionRecordTest {

	private static final String PASSWORD = "csp-grants-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DecisionManagement decisions;

	@Autowired
	DecisionEffects effects;

	@Autowired
	RunManagement runs;

	@Test
	void fourPeopleTakeARunToASupportedDecisionThatCreatesItsGrantsOnce() throws Exception {
		RunView run = approvedRun("2026-27", "50000.00");
		String reference = draftThroughApi(run.id(), "Funding 2026-27");
		assertThat(reference).matches("EXE\\d{4}-26");

		step(reference, "consult", "finance", "{\"name\":\"Fran Finance\",\"on\":\"2026-07-09\"}");
		step(reference, "publication", "monitoring",
				"{\"record\":\"YES\",\"report\":\"YES\",\"details\":\"YES\",\"on\":\"2026-07-10\"}");
		step(reference, "decide", "commissioner", "{\"decision\":\"SUPPORTED\",\"on\":\"2026-07-11\"}");

		assertThat(grantsOf(run)).isEqualTo(9);
		assertThat(this.jdbc.queryForObject("select sum(amount) from grant_line where run_id = ?",
				java.math.BigDecimal.class, run.id()))
			.isEqualByComparingTo("50000.00");
		DecisionView decided = this.decisions.get(reference);
		assertThatThrownBy(() -> applyAgain(decided)).isInstanceOf(ConflictException.class)
			.hasMessage("This decision's money has already been created");
		assertThat(grantsOf(run)).isEqualTo(9);

		String page = this.mvc.perform(get("/public/decisions/" + reference))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("POLICE AND CRIME COMMISSIONER FOR LEICESTERSHIRE DECISION RECORD", "Funding 2026-27",
				"£50,000.00", "Supported");
		String pdf = pdfText(this.mvc.perform(get("/public/decisions/" + reference + ".pdf"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(pdf).contains("DECISION RECORD", reference, "Summary of Issue", "Recommendations presented",
				"OFFICE OF PCC APPROVAL", "Fran Finance", "Decision of Monitoring Officer", "Supported", "£50,000.00");
		this.mvc.perform(get("/public/open-data/360giving.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.grants[?(@.id =~ /.*-R" + run.id() + "/)].amountAwarded").isNotEmpty());
	}

	@Test
	void notSupportedCreatesNothing() throws Exception {
		RunView run = approvedRun("2027-28", "1000.00");
		String reference = draftThroughApi(run.id(), "Not supported");
		step(reference, "consult", "finance", "{\"name\":\"Fran Finance\"}");
		step(reference, "publication", "monitoring", "{\"record\":\"YES\",\"report\":\"YES\",\"details\":\"YES\"}");
		step(reference, "decide", "commissioner", "{\"decision\":\"NOT_SUPPORTED\"}");
		assertThat(grantsOf(run)).isZero();
	}

	@Test
	void nobodySignsTwiceAndEachStepBelongsToItsRole() throws Exception {
		RunView run = approvedRun("2028-29", "1000.00");
		String reference = draftThroughApi(run.id(), "Roles");
		this.mvc
			.perform(post("/api/v1/decisions/" + reference + "/publication").with(httpBasic("monitoring", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"record\":\"YES\",\"report\":\"YES\",\"details\":\"YES\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/v1/decisions/" + reference + "/consult").with(httpBasic("commissioner", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Chris\"}"))
			.andExpect(status().isForbidden());
		CurrentUser officerWithFinance = Principals.of("officer", this.jdbc);
		CurrentUser both = new CurrentUser(officerWithFinance.id(), "officer", "Olu", "", true,
				Set.of(uk.opcc.cspgrants.shared.Role.OFFICER, uk.opcc.cspgrants.shared.Role.FINANCE), null);
		assertThatThrownBy(() -> this.decisions.consult(reference, "Olu", LocalDate.now(), both))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("different person");
	}

	@Test
	void aDecidedRecordNeverChangesAndACorrectionPointsToIt() throws Exception {
		RunView run = approvedRun("2029-30", "1000.00");
		String reference = draftThroughApi(run.id(), "Final");
		step(reference, "consult", "finance", "{\"name\":\"Fran Finance\"}");
		step(reference, "publication", "monitoring", "{\"record\":\"YES\",\"report\":\"YES\",\"details\":\"YES\"}");
		step(reference, "decide", "commissioner", "{\"decision\":\"SUPPORTED\"}");
		assertThatThrownBy(
				() -> this.jdbc.update("update decision_record set title = 'Changed' where reference = ?", reference))
			.hasStackTraceContaining("can never change");
		assertThatThrownBy(() -> this.decisions.sendBack(reference, "again", Principals.of("commissioner", this.jdbc)))
			.isInstanceOf(ConflictException.class);

		String correction = this.mvc.perform(post("/api/v1/decisions").with(httpBasic("officer", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Correction\",\"decisionDate\":\"" + LocalDate.now() + "\",\"summary\":\"A typo\","
					+ "\"recommendations\":\"Correct it\",\"correctsReference\":\"" + reference + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.corrects").value(reference))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.decisions.get(reference).correctedBy()).hasSize(1);
		assertThat(correction).contains("\"status\":\"DRAFT\"");
	}

	@Test
	void aPartRedactedRecordShowsItsRedactedTextNowhere() throws Exception {
		RunView run = approvedRun("2030-31", "2000.00");
		String secret = "SECRET-NAMES-OF-VICTIMS";
		String reference = this.decisions
			.create(new DecisionDraft("Redacted record", LocalDate.now().minusMonths(1), "Officer " + secret,
					"Public summary", "Recommendations mention " + secret, null, null, run.id(), null, null),
					Principals.of("officer", this.jdbc))
			.reference();
		step(reference, "consult", "finance", "{\"name\":\"Fran Finance\"}");
		step(reference, "publication", "monitoring",
				"{\"record\":\"PART_REDACTED\",\"report\":\"YES\",\"details\":\"YES\",\"redacted\":[\"OFFICERS_PRESENT\","
						+ "\"RECOMMENDATIONS\"],\"reasons\":\"Freedom of Information Act 2000, section 40 (personal data)\"}");
		step(reference, "decide", "commissioner", "{\"decision\":\"SUPPORTED\"}");

		String page = this.mvc.perform(get("/public/decisions/" + reference))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(secret)
			.contains("Redacted: Freedom of Information Act 2000, section 40 (personal data)", "Public summary");
		byte[] pdf = this.mvc.perform(get("/public/decisions/" + reference + ".pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(pdfText(pdf)).doesNotContain(secret).contains("Redacted: Freedom of Information Act 2000");
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		this.mvc.perform(get("/public/decisions").param("q", secret))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(reference));
		assertThat(this.mvc.perform(get("/public/open-data/360giving.json"))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(secret);
		this.mvc.perform(get("/api/v1/decisions/" + reference)).andExpect(status().isUnauthorized());
	}

	@Test
	void unpublishedRecordsAreNeverSentToAnonymousUsers() throws Exception {
		RunView run = approvedRun("2031-32", "1000.00");
		String draft = draftThroughApi(run.id(), "Still a draft");
		long id = this.decisions.get(draft).id();
		this.mvc.perform(get("/public/decisions/" + draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/public/decisions/" + draft + ".pdf")).andExpect(status().isNotFound());
		this.mvc.perform(get("/public/decisions/" + id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/decisions/" + draft)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/decisions/" + draft + ".pdf")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/public/allocations/2031-32")).andExpect(status().isNotFound());
		assertThat(this.mvc.perform(get("/public/decisions")).andReturn().getResponse().getContentAsString())
			.doesNotContain("Still a draft");
	}

	private void applyAgain(DecisionView decided) {
		new org.springframework.transaction.support.TransactionTemplate(this.transactionManager)
			.executeWithoutResult(status -> this.effects.apply(decided.id(), decided.draft().formulaRunId()));
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	private RunView approvedRun(String year, String pot) {
		RunView run = this.runs
			.create(new RunRequest(FinancialYear.parse(year), Money.of(pot), RunPurpose.ALLOCATION, null,
					new uk.opcc.cspgrants.allocation.FormulaDetails("Population",
							java.util.Map.of("population", new java.math.BigDecimal("100")), 1, null, null, null, null),
					FinancialYear.parse("2023-24"), java.util.Map.of(), null));
		return this.runs.approve(run.id(), Principals.of("finance", this.jdbc));
	}

	private String draftThroughApi(long runId, String title) throws Exception {
		String body = this.mvc.perform(post("/api/v1/decisions").with(httpBasic("officer", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"" + title + "\",\"decisionDate\":\"" + LocalDate.of(2026, 7, 1) + "\","
					+ "\"summary\":\"The **pot** is split by formula\",\"recommendations\":\"- Split it\\n- Publish it\","
					+ "\"formulaRunId\":" + runId + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return body.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
	}

	private void step(String reference, String step, String user, String body) throws Exception {
		this.mvc
			.perform(post("/api/v1/decisions/" + reference + "/" + step).with(httpBasic(user, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk());
	}

	private int grantsOf(RunView run) {
		return this.jdbc.queryForObject("select count(*) from grant_line where run_id = ?", Integer.class, run.id());
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

}
