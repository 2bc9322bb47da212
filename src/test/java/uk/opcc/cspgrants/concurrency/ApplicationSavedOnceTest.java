package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.OpenedRounds;
import uk.opcc.cspgrants.support.TestDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * An application is started once per press of Start and each task saved once from one
 * version. On a database of its own, an applicant signed in by a link presses Start
 * twenty times at once with one start key, then saves a task twenty times at once from
 * one version (as twenty tabs would), uploads one file twenty times at once and removes
 * it twenty times at once, submits twenty times at once, and chooses a business case's
 * partnership twenty times at once: one success each time, 409s saying so for the rest,
 * nobody a 500, one row and one audit row.
 */
class ApplicationSavedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static LiveApplication.Browser applicant;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("application_saved_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		OpenedRounds.open(app, "2025-26", "ONCE-2025");
		applicant = app.signInApplicant("twenty.tabs@applicants.example");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void startPressedTwentyTimesAtOnceStartsOneApplication() {
		String key = UUID.randomUUID().toString();
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> applicant.post("/apply/rounds/ONCE-2025/start", Map.of("startKey", key)));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("You pressed Start more than once");
			}
		}
		assertThat(db.queryForObject("select count(*) from application where start_key = ?::uuid", Long.class, key))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'START' and entity_id = (select id::text from application where start_key = ?::uuid)",
				Long.class, key))
			.isEqualTo(1);
	}

	@Test
	void aTaskSavedTwentyTimesAtOnceFromOneVersionIsSavedOnce() {
		HttpResponse<String> started = applicant.post("/apply/rounds/ONCE-2025/start",
				Map.of("startKey", UUID.randomUUID().toString()));
		assertThat(started.statusCode()).isEqualTo(302);
		String path = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> applicant.post(path + "/outcomes",
				Map.of("outcomes", "Fewer call-outs, tab " + i, "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).statusCode() == 409) {
				assertThat(responses.get(i).body()).contains("This application was changed in another window",
						"Fewer call-outs, tab " + i + "</textarea>");
			}
		}
		assertThat(db.queryForObject("select version from application where id = ?", Long.class, id)).isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'SAVE_OUTCOMES' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
	}

	@Test
	void aBusinessCasesPartnershipSavedTwentyTimesAtOnceFromOneVersionIsSavedOnceKeepingEachTabsChoice() {
		OpenedRounds.open(app, "2025-26", "CASES-2025", "CSP_BUSINESS_CASE");
		HttpResponse<String> started = applicant.post("/apply/rounds/CASES-2025/start",
				Map.of("startKey", UUID.randomUUID().toString()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String path = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		List<Long> partnerships = db.queryForList("select id from partnership where active order by id", Long.class);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> applicant.post(path + "/partnership",
				Map.of("partnershipId", Long.toString(partnerships.get(i % partnerships.size())), "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).statusCode() == 409) {
				assertThat(responses.get(i).body()).contains("This application was changed in another window")
					.containsPattern("value=\"" + partnerships.get(i % partnerships.size())
							+ "\" aria-describedby=\"[^\"]+\" checked=\"checked\"");
			}
		}
		assertThat(db.queryForMap("select version, partnership_id is not null as chosen from application where id = ?",
				id))
			.isEqualTo(Map.of("version", 1L, "chosen", true));
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'SAVE_PARTNERSHIP' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
	}

	@Test
	void oneFileUploadedTwentyTimesAtOnceIsAttachedOnceThenRemovedOnce() {
		HttpResponse<String> started = applicant.post("/apply/rounds/ONCE-2025/start",
				Map.of("startKey", UUID.randomUUID().toString()));
		String path = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		byte[] policy = TestDocuments.pdf("Safeguarding policy, twenty presses");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> applicant.postFile(path + "/documents",
				Map.of("kind", "SAFEGUARDING_POLICY"), "file", "policy.pdf", policy));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("This file is already attached to your application");
			}
		}
		assertThat(
				db.queryForObject("select count(*) from application_document where application_id = ?", Long.class, id))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'ATTACH' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
		long document = db.queryForObject("select id from application_document where application_id = ?", Long.class,
				id);
		List<HttpResponse<String>> removals = app.atOnce(AT_ONCE,
				i -> applicant.post(path + "/documents/" + document + "/remove", Map.of("remove", "yes")));
		assertThat(statuses(removals)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : removals) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("That file is no longer attached to your application");
			}
		}
		assertThat(db.queryForObject("select count(*) from application_document_content where document_id = ?",
				Long.class, document))
			.isZero();
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'REMOVE_DOCUMENT' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
	}

	@Test
	void aFileOverTheServersLimitIsRefusedWithAPageLeadingBackToTheDocuments() {
		HttpResponse<String> started = applicant.post("/apply/rounds/ONCE-2025/start",
				Map.of("startKey", UUID.randomUUID().toString()));
		String path = started.headers().firstValue("Location").orElseThrow();
		byte[] huge = java.util.Arrays.copyOf(TestDocuments.pdf("Huge"), 21 * 1024 * 1024);
		HttpResponse<String> refused = applicant.postFile(path + "/documents", Map.of("kind", "ACCOUNTS"), "file",
				"accounts.pdf", huge);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("The selected file must be smaller than 10MB. Nothing was uploaded.",
				"href=\"" + path + "/documents\"");
		assertThat(db.queryForObject("select count(*) from application_document where application_id = ?", Long.class,
				Long.parseLong(path.substring(path.lastIndexOf('/') + 1))))
			.isZero();
	}

	@Test
	void anApplicationSubmittedTwentyTimesAtOnceIsSubmittedOnce() {
		String path = completeApplication(applicant);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> applicant.post(path + "/submit", Map.of("version", "8")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).containsAnyOf("This application is submitted",
						"This application was changed in another window");
			}
		}
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'SUBMIT' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
		assertThat(db.queryForObject(
				"select count(*) from notification where template = 'application-received' " + "and message_key like ?",
				Long.class, "application-received:" + id + "%"))
			.isEqualTo(1);
	}

	@Test
	void anEligibilityDecisionRecordedTwentyTimesAtOnceIsRecordedAndToldOnce() {
		Submitted submitted = submitted();
		long id = submitted.id();
		String reference = submitted.reference();
		String version = submitted.version();
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> officer.post(
				"/rounds/ONCE-2025/applications/" + reference + "/eligibility/confirm",
				Map.of("eligible", "no", "reasons", "Works outside the area, officer tab " + i, "version", version)));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).statusCode() == 409) {
				assertThat(responses.get(i).body()).contains("after you opened the page",
						"Works outside the area, officer tab " + i + "</textarea>");
			}
		}
		assertThat(db.queryForObject("select status from application where id = ?", String.class, id))
			.isEqualTo("INELIGIBLE");
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'DECIDE_ELIGIBILITY' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from notification where template = 'application-not-eligible' "
				+ "and message_key like ?", Long.class, "application-not-eligible:" + id + ":%"))
			.isEqualTo(1);
	}

	@Test
	void dueDiligenceRecordedTwentyTimesAtOnceForTheFirstTimeIsRecordedOnce() {
		Submitted submitted = submitted();
		long id = submitted.id();
		String reference = submitted.reference();
		String version = submitted.version();
		LiveApplication.Browser officer = app.signIn("officer");
		String page = "/rounds/ONCE-2025/applications/" + reference;
		assertThat(
				officer.post(page + "/eligibility/confirm", Map.of("eligible", "yes", "version", version)).statusCode())
			.isEqualTo(302);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post(page + "/due-diligence",
						Map.of("registrationConfirmed", "yes", "accountsSatisfactory", "yes",
								"safeguardingSatisfactory", "yes", "bankAccountVerified", "yes", "interestsChecked",
								"yes", "risk", "LOW", "notes", "Checked in tab " + i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).statusCode() == 409) {
				assertThat(responses.get(i).body()).contains("after you opened the page",
						"Checked in tab " + i + "</textarea>");
			}
		}
		assertThat(db.queryForObject("select version from application_due_diligence where application_id = ?",
				Long.class, id))
			.isZero();
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Application' "
				+ "and action = 'DUE_DILIGENCE' and entity_id = ?", Long.class, Long.toString(id)))
			.isEqualTo(1);
	}

	@Test
	void twentyApplicantsSubmittingAtOnceGetTwentyNumbers() {
		OpenedRounds.open(app, "2025-26", "NUMBERS-2025");
		List<LiveApplication.Browser> applicants = new java.util.ArrayList<>();
		List<String> paths = new java.util.ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			LiveApplication.Browser one = app.signInApplicant("applicant" + i + "@numbers.example");
			applicants.add(one);
			paths.add(completeApplication(one, "NUMBERS-2025"));
		}
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> applicants.get(i).post(paths.get(i) + "/submit", Map.of("version", "8")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, (long) AT_ONCE));
		assertThat(db.queryForList("select number from application a join grant_round r on r.id = a.round_id "
				+ "where r.reference = 'NUMBERS-2025' order by number", Integer.class))
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, AT_ONCE).boxed().toList());
	}

	/** An application submitted by the applicant: its id, reference and version now. */
	private record Submitted(long id, String reference, String version) {
	}

	private static Submitted submitted() {
		String path = completeApplication(applicant);
		assertThat(applicant.post(path + "/submit", Map.of("version", "8")).statusCode()).isEqualTo(302);
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		return new Submitted(id, db.queryForObject("select reference from application where id = ?", String.class, id),
				db.queryForObject("select version::text from application where id = ?", String.class, id));
	}

	private static String completeApplication(LiveApplication.Browser who) {
		return completeApplication(who, "ONCE-2025");
	}

	/**
	 * Starts an application, saves its five pages and uploads its three documents;
	 * returns its page.
	 */
	private static String completeApplication(LiveApplication.Browser who, String round) {
		HttpResponse<String> started = who.post("/apply/rounds/" + round + "/start",
				Map.of("startKey", UUID.randomUUID().toString()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String path = started.headers().firstValue("Location").orElseThrow();
		long theme = db
			.queryForObject("select min(theme_id) from round_theme t join grant_round r on r.id = t.round_id "
					+ "where r.reference = ?", Long.class, round);
		List<Map<String, String>> pages = List.of(
				Map.of("task", "organisation", "name", "Street Pastors", "type", "OTHER", "address", "Leicester",
						"version", "0"),
				Map.of("task", "contact", "name", "Sam Smith", "email", "sam@example.org", "version", "1"),
				Map.ofEntries(Map.entry("task", "project"), Map.entry("title", "Night patrols"),
						Map.entry("summary", "Volunteers"), Map.entry("themeId", Long.toString(theme)),
						Map.entry("starts.day", "1"), Map.entry("starts.month", "1"), Map.entry("starts.year", "2027"),
						Map.entry("ends.day", "31"), Map.entry("ends.month", "3"), Map.entry("ends.year", "2027"),
						Map.entry("version", "2")),
				Map.of("task", "funding", "amount", "1000", "item-1", "Radios", "amount-1", "1000", "version", "3"),
				Map.of("task", "outcomes", "outcomes", "Fewer call-outs", "version", "4"));
		for (Map<String, String> page : pages) {
			Map<String, String> fields = new java.util.LinkedHashMap<>(page);
			String task = fields.remove("task");
			HttpResponse<String> saved = who.post(path + "/" + task, fields);
			assertThat(saved.statusCode()).as(task + ": " + saved.body()).isEqualTo(302);
		}
		for (String[] document : TestDocuments.REQUIRED) {
			HttpResponse<String> uploaded = who.postFile(path + "/documents", Map.of("kind", document[0]), "file",
					document[1], TestDocuments.pdf(path + document[1]));
			assertThat(uploaded.statusCode()).as(document[1] + ": " + uploaded.body()).isEqualTo(302);
		}
		return path;
	}

}
