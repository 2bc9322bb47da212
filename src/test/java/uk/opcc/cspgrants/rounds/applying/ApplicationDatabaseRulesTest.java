package uk.opcc.cspgrants.rounds.applying;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database refuses of applications whatever connects (V49), in SQL as the
 * application's role: a second application from one press of Start, an application to a
 * round that is not open, a theme of another round, a budget line of nothing, and any
 * change of a submitted application's answers or budget; a submission without its number,
 * after the closing time, under a number taken, and any change of a submitted
 * application's number or move back to a draft (V50); a document without its bytes, with
 * other bytes, twice, an eleventh, or changed, and any document of a submitted
 * application (V51); a decision on eligibility without who and when, "not eligible"
 * without reasons, and any change once the round is assessed (V52). On 1992-93.
 */
@IntegrationTest
class ApplicationDatabaseRulesTest {

	private static final String KEY = "00000000-0000-0000-0000-000000000001";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	private long round;

	private long applicant;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1992-93"));
		this.round = this.fixture.openRound("DB-APPLY-1992", Instant.now().plus(Duration.ofDays(30)));
		this.applicant = ApplicantFixture.make(this.jdbc);
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.jdbc);
	}

	@Test
	void anApplicationIsStartedOncePerPressOnlyInAnOpenRoundWithOneOfItsThemes() {
		long id = start(this.round, KEY);
		assertThatThrownBy(() -> start(this.round, KEY)).hasMessageContaining("application_started_once");
		assertThatThrownBy(() -> this.jdbc.update("update application set theme_id = ? where id = ?",
				this.fixture.reoffending + 100000, id))
			.hasMessageContaining("application_theme_of_its_round");
		this.jdbc.update("update application set theme_id = ? where id = ?", this.fixture.reoffending, id);
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into application_budget_line (application_id, position, item, amount) values (?, 1, ' ', 10)",
				id))
			.hasMessageContaining("application_budget_line_item_check");
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		assertThatThrownBy(() -> start(this.round, "00000000-0000-0000-0000-000000000002"))
			.hasMessageContaining("applications are started only while it is open");
	}

	@Test
	void aSubmittedApplicationsAnswersAndBudgetDoNotChange() {
		long id = start(this.round, KEY);
		this.jdbc.update(
				"insert into application_budget_line (application_id, position, item, amount) values (?, 1, 'Radios', 10)",
				id);
		assertThatThrownBy(() -> this.jdbc.update("update application set status = 'SUBMITTED' where id = ?", id))
			.hasMessageContaining("application_submitted_with_its_number");
		assertThatThrownBy(() -> this.jdbc.update("update application set status = 'SUBMITTED', number = 1, "
				+ "reference = 'DB-APPLY-1992-001', submitted_at = now() + interval '31 days', submitted_by = 'test' "
				+ "where id = ?", id))
			.hasMessageContaining("was not taking applications at");
		submit(id, 1);
		long second = start(this.round, "00000000-0000-0000-0000-000000000003");
		assertThatThrownBy(() -> submit(second, 1)).hasMessageContaining("application_number_once");
		assertThatThrownBy(() -> this.jdbc.update("update application set number = 7 where id = ?", id))
			.hasMessageContaining("keeps its number, reference and time of submission");
		assertThatThrownBy(() -> this.jdbc.update("update application set status = 'DRAFT', number = null, "
				+ "reference = null, submitted_at = null, submitted_by = null where id = ?", id))
			.hasMessageContaining("An application that is submitted does not become draft");
		assertThatThrownBy(() -> this.jdbc.update("update application set project_title = 'Changed' where id = ?", id))
			.hasMessageContaining("The answers of an application that is submitted do not change");
		assertThatThrownBy(() -> this.jdbc.update("delete from application_budget_line where application_id = ?", id))
			.hasMessageContaining("The budget of an application that is submitted does not change");
		assertThat(this.jdbc.queryForObject("select count(*) from application_budget_line where application_id = ?",
				Long.class, id))
			.isEqualTo(1);
		assertThatThrownBy(() -> this.jdbc.execute("truncate application_budget_line")).rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void aDocumentIsKeptWithItsOwnBytesOnceAtMostTenAndChangesOnlyWhileADraft() {
		long id = start(this.round, KEY);
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(this.jdbc.getDataSource()));
		assertThatThrownBy(() -> this.jdbc.queryForObject(DOCUMENT, Long.class, id, "policy.pdf", 3, sha("abc")))
			.hasMessageContaining("was recorded without its bytes");
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			long document = this.jdbc.queryForObject(DOCUMENT, Long.class, id, "policy.pdf", 3, sha("abc"));
			this.jdbc.update(CONTENT, document, "abd".getBytes(StandardCharsets.US_ASCII));
		})).hasMessageContaining("are not the bytes that were checked");
		long kept = transaction.execute(status -> document(id, "file 1"));
		assertThat(this.jdbc.queryForObject(
				"select encode(content, 'escape') from application_document_content " + "where document_id = ?",
				String.class, kept))
			.isEqualTo("file 1");
		assertThatThrownBy(() -> transaction.execute(status -> document(id, "file 1")))
			.hasMessageContaining("application_document_once");
		for (int i = 2; i <= 10; i++) {
			String words = "file " + i;
			transaction.execute(status -> document(id, words));
		}
		assertThatThrownBy(() -> transaction.execute(status -> document(id, "file 11")))
			.hasMessageContaining("An application has at most ten documents");
		assertThatThrownBy(
				() -> this.jdbc.update("update application_document set file_name = 'other.pdf' where id = ?", kept))
			.hasMessageContaining("A document of an application does not change");
		assertThatThrownBy(() -> this.jdbc
			.update("update application_document_content set content = 'x' " + "where document_id = ?", kept))
			.hasMessageContaining("The bytes of a document do not change");
		assertThatThrownBy(
				() -> this.jdbc.update("delete from application_document_content where document_id = ?", kept))
			.hasMessageContaining("The bytes of a document go only with the document");
		submit(id, 1);
		assertThatThrownBy(() -> this.jdbc.update("delete from application_document where id = ?", kept))
			.hasMessageContaining("The documents of an application that is submitted do not change");
		assertThat(this.jdbc.queryForObject("select count(*) from application_document where application_id = ?",
				Long.class, id))
			.isEqualTo(10);
		assertThatThrownBy(() -> this.jdbc.execute("truncate application_document_content")).rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void eligibilityIsDecidedWithItsReasonsAndOnlyBeforeTheRoundIsAssessed() {
		long id = start(this.round, KEY);
		submit(id, 1);
		assertThatThrownBy(() -> this.jdbc.update("update application set status = 'INELIGIBLE' where id = ?", id))
			.hasMessageContaining("application_eligibility_decided");
		assertThatThrownBy(() -> this.jdbc.update("update application set status = 'INELIGIBLE', "
				+ "eligibility_decided_by = 'Olu Officer', eligibility_decided_at = now(), eligibility_reasons = ' ' "
				+ "where id = ?", id))
			.hasMessageContaining("application_eligibility_decided");
		this.jdbc.update("update application set status = 'ELIGIBLE', eligibility_decided_by = 'Olu Officer', "
				+ "eligibility_decided_at = now() where id = ?", id);
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		this.fixture.assessed(this.owner, this.round);
		assertThatThrownBy(() -> this.jdbc.update(
				"update application set status = 'INELIGIBLE', " + "eligibility_reasons = 'Too late' where id = ?", id))
			.hasMessageContaining("eligibility no longer changes");
		assertThatThrownBy(() -> this.jdbc.update("update application set status = 'SUBMITTED' where id = ?", id))
			.hasMessageContaining("An application that is eligible does not become submitted");
	}

	@Test
	void dueDiligenceIsRecordedOnlyOnAnEligibleApplicationWithItsConcernsExplainedAndKept() {
		long id = start(this.round, KEY);
		submit(id, 1);
		String insert = "insert into application_due_diligence (application_id, registration_confirmed, "
				+ "accounts_satisfactory, safeguarding_satisfactory, bank_account_verified, interests_checked, risk, "
				+ "notes, checked_by, checked_at) values (?, true, true, true, true, true, ?, ?, 'Olu Officer', now())";
		assertThatThrownBy(() -> this.jdbc.update(insert, id, "LOW", null))
			.hasMessageContaining("Due diligence is recorded only on an eligible application");
		this.jdbc.update("update application set status = 'ELIGIBLE', eligibility_decided_by = 'Olu Officer', "
				+ "eligibility_decided_at = now() where id = ?", id);
		assertThatThrownBy(() -> this.jdbc.update(insert, id, "HIGH", " "))
			.hasMessageContaining("application_due_diligence_concerns_explained");
		this.jdbc.update(insert, id, "LOW", null);
		assertThatThrownBy(() -> this.jdbc.update(insert, id, "LOW", null))
			.hasMessageContaining("application_due_diligence_pkey");
		assertThatThrownBy(() -> this.jdbc.update("delete from application_due_diligence where application_id = ?", id))
			.hasMessageContaining("Due diligence is kept");
	}

	private static final String DOCUMENT = "insert into application_document (application_id, kind, file_name, "
			+ "content_type, size_bytes, sha256, uploaded_by, uploaded_at) values (?, 'OTHER', ?, 'application/pdf', "
			+ "?, ?, 'test', now()) returning id";

	private static final String CONTENT = "insert into application_document_content (document_id, content) "
			+ "values (?, ?)";

	private long document(long application, String words) {
		byte[] content = words.getBytes(StandardCharsets.US_ASCII);
		long document = this.jdbc.queryForObject(DOCUMENT, Long.class, application, words + ".pdf", content.length,
				sha(words));
		this.jdbc.update(CONTENT, document, content);
		return document;
	}

	/** The SHA-256 of the words, by the JDK (the database checks it by its own). */
	private static String sha(String words) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(words.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private void submit(long id, int number) {
		this.jdbc
			.update("update application set status = 'SUBMITTED', number = ?, reference = ?, submitted_at = now(), "
					+ "submitted_by = 'test' where id = ?", number, "DB-APPLY-1992-" + id, id);
	}

	private long start(long roundId, String key) {
		return this.jdbc.queryForObject(
				"insert into application (round_id, applicant_user_id, start_key, created_at, "
						+ "updated_at) values (?, ?, ?::uuid, now(), now()) returning id",
				Long.class, roundId, this.applicant, key);
	}

}
