package uk.opcc.cspgrants.monitoring;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.security.UserView;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.RecipientFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A recipient's contact signs in and sees only their own organisation's grants, payments
 * and returns, fills in a return and submits it; an officer accepts it, and the year end
 * shows the grant's underspend. On a database of its own with the grants of
 * {@link RecipientFixture} in 2022-23 (every quarter of which has ended by the demo's
 * day). The first test runs before any return is in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecipientReturnsTest {

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static RecipientFixture.Made made;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("recipient_returns");
		db = app.database();
		made = RecipientFixture.make(db, 2022, "EXE0031-22");
		RecipientFixture.contact(db, RecipientFixture.CONTACT, RecipientFixture.CONTACT_NAME, made.organisationId());
		RecipientFixture.contact(db, RecipientFixture.OTHER_CONTACT, "Owen Other", made.otherOrganisationId());
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	@Order(1)
	void aRecipientContactSeesOnlyTheirOwnGrantsPaymentsAndReturns() {
		LiveApplication.Browser rita = app.signIn(RecipientFixture.CONTACT);
		HttpResponse<String> mine = rita.get("/monitoring/organisations?year=2022-23");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body())
			.contains("Your grants and returns for 2022-23", "Drug Intervention Programme", "Police volunteers in kind",
					"£52,880.00", "£26,440.00", "1 October 2022 to 31 March 2023", "Given in kind: no payments")
			.doesNotContain("Youth diversion", "Second Step Testshire CIC");
		// two grants, four quarters each, every due date gone by and nothing sent
		assertThat(mine.body().split(">Overdue<", -1)).hasSize(9);
		assertThat(rita.get("/monitoring/organisations/" + made.otherGrantId() + "/Q1").statusCode()).isEqualTo(404);
		assertThat(rita.get("/monitoring/organisations/" + made.grantId() + "/Q1").statusCode()).isEqualTo(200);
		for (String staffOnly : new String[] { "/monitoring", "/monitoring/payments", "/grants", "/partnerships",
				"/decisions", "/underspend", "/notifications", "/allocations/mine", "/monitoring/returns" }) {
			assertThat(rita.get(staffOnly).statusCode()).as(staffOnly).isEqualTo(403);
		}
		HttpResponse<String> api = app.api(RecipientFixture.CONTACT).get("/api/v1/returns/organisations?year=2022-23");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"initiative\":\"Drug Intervention Programme\"")
			.doesNotContain("Youth diversion");
		assertThat(app.api(RecipientFixture.CONTACT)
			.get("/api/v1/returns/organisations/" + made.otherGrantId() + "/Q1")
			.statusCode()).isEqualTo(404);
		assertThat(app.api(RecipientFixture.CONTACT).get("/api/v1/grants").statusCode()).isEqualTo(403);
		assertThat(app.api(RecipientFixture.CONTACT).get("/api/v1/partnerships").statusCode()).isEqualTo(403);

		HttpResponse<String> home = rita.get("/");
		// two grants, four quarters each, all ended and none in: eight returns to do
		assertThat(home.body()).contains("8 returns for your grants to complete and submit",
				"Drug Intervention Programme: Q1 2022-23");

		HttpResponse<String> everyone = app.signIn("officer").get("/monitoring/organisations?year=2022-23");
		assertThat(everyone.body()).contains("Returns for grants to organisations, 2022-23", "Youth diversion",
				"Second Step Testshire CIC", "GB-COH-09999999", "Voluntary Action Testshire");
	}

	@Test
	@Order(2)
	void aReturnGoesFromTheRecipientToAnOfficerAndCountsAtTheYearEnd() {
		LiveApplication.Browser rita = app.signIn(RecipientFixture.CONTACT);
		String q4 = "/monitoring/organisations/" + made.grantId() + "/Q4";
		HttpResponse<String> refused = rita.post(q4, form("lots", "", "save"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("There is a problem", "for the spend to date");

		HttpResponse<String> saved = rita.post(q4, form("50,000.00", "312 people in treatment", "submit"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(q4 + "/check");
		HttpResponse<String> check = rita.get(q4 + "/check");
		assertThat(check.body()).contains("Check the return before you submit it", "£50,000.00 of £52,880.00",
				"312 people in treatment");
		long version = db.queryForObject(
				"select version from organisation_return where grant_id = ? and quarter = 'Q4'", Long.class,
				made.grantId());
		assertThat(rita.post(q4 + "/submit", Map.of("version", String.valueOf(version))).statusCode()).isEqualTo(302);
		assertThat(rita.get(q4).body()).contains("Submitted", "The OPCC will check this return");
		// a recipient does not accept their own return
		assertThat(rita.post(q4 + "/accept", Map.of("version", "1")).statusCode()).isEqualTo(403);

		LiveApplication.Browser officer = app.signIn("officer");
		assertThat(officer.get("/").body()).contains("1 return for grants to organisations submitted");
		HttpResponse<String> noReason = officer.post(q4 + "/return-for-correction", Map.of("reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("Say what needs correcting");
		HttpResponse<String> acceptPage = officer.get(q4 + "/accept");
		assertThat(acceptPage.body()).contains("Accept the return", "Rita Recipient", "£50,000.00");
		long submitted = db.queryForObject(
				"select version from organisation_return where grant_id = ? and quarter = 'Q4'", Long.class,
				made.grantId());
		assertThat(officer.post(q4 + "/accept", Map.of("version", String.valueOf(submitted))).statusCode())
			.isEqualTo(302);
		assertThat(
				db.queryForObject("select accepted_by from organisation_return where grant_id = ? and quarter = 'Q4'",
						String.class, made.grantId()))
			.isEqualTo("Olu Officer");
		// this grant's return only: the demo's Catch22 return of 2013-14 is audited too
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'OrganisationReturn' "
						+ "and action in ('CREATE', 'SUBMIT', 'ACCEPT') and entity_id in "
						+ "(select cast(id as varchar) from organisation_return where grant_id = ?)",
				Long.class, made.grantId()))
			.isEqualTo(3);

		HttpResponse<String> yearEnd = app.signIn("finance").get("/underspend?year=2022-23");
		assertThat(yearEnd.statusCode()).isEqualTo(200);
		// 52,880.00 - 50,000.00; Youth diversion has no accepted Q4 return; the grant in
		// kind is left out; the grants paid in money: 52,880.00 + 10,000.00
		assertThat(yearEnd.body()).contains("Grants to other recipients", "£2,880.00", "Not known",
				"1 grant given in kind is left out", "1 grant has no accepted Q4 return yet", "£62,880.00");
	}

	@Test
	@Order(3)
	void anAdministratorGivesARecipientContactALoginForOneOrganisationOnly() {
		UserManagement users = app.bean(UserManagement.class);
		String password = "a-long-enough-passphrase-2024";
		assertThatThrownBy(() -> users.create("two.roles",
				new AccountDetails("Two Roles", null, Set.of(Role.RECIPIENT, Role.OFFICER), null, null,
						made.organisationId()),
				password))
			.isInstanceOfSatisfying(ValidationException.class, (refused) -> assertThat(refused.fieldErrors())
				.containsEntry("roles", "A recipient contact cannot hold any other role"));
		assertThatThrownBy(() -> users.create("no.organisation",
				new AccountDetails("No Organisation", null, Set.of(Role.RECIPIENT), null, null, null), password))
			.isInstanceOfSatisfying(ValidationException.class, (refused) -> assertThat(refused.fieldErrors())
				.containsEntry("organisationId", "Choose the organisation this recipient contact acts for"));
		UserView created = users.create("sam.second",
				new AccountDetails("Sam Second", null, Set.of(Role.RECIPIENT), null, null, made.otherOrganisationId()),
				password);
		assertThat(created.organisationId()).isEqualTo(made.otherOrganisationId());
		UserView officer = users.create("not.linked",
				new AccountDetails("Not Linked", null, Set.of(Role.OFFICER), null, null, made.otherOrganisationId()),
				password);
		assertThat(officer.organisationId()).as("only a recipient contact is linked to an organisation").isNull();

		HttpResponse<String> page = app.signIn("admin").get("/admin/users/" + created.id());
		assertThat(page.body()).contains("Organisation (recipient contacts only)",
				"Second Step Testshire CIC (GB-COH-09999999)", "Recipient contact");
		assertThat(app.signIn("admin").get("/admin/users").body()).contains("Second Step Testshire CIC");
	}

	@Test
	@Order(4)
	void aRecipientContactIsOfferedTheYearsOfTheirOwnGrantsAndStaffEveryYear() {
		// a grant to the other organisation in 2020-21, a year Voluntary Action
		// Testshire has none in
		RecipientFixture.grantToTheOtherIn(db, made, 2020, "EXE0007-20");
		HttpResponse<String> mine = app.signIn(RecipientFixture.CONTACT).get("/monitoring/organisations");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("Your grants and returns for 2022-23").doesNotContain("2020-21");
		HttpResponse<String> theirs = app.signIn(RecipientFixture.OTHER_CONTACT).get("/monitoring/organisations");
		assertThat(theirs.body()).contains("<option value=\"2020-21\"", "<option value=\"2022-23\"");
		HttpResponse<String> staff = app.signIn("officer").get("/monitoring/organisations");
		assertThat(staff.body()).contains("Returns for grants to organisations, 2022-23", "<option value=\"2020-21\"");
	}

	private static Map<String, String> form(String spend, String outcomes, String action) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("spendToDate", spend);
		form.put("outcomes", outcomes);
		form.put("comments", "");
		form.put("version", "");
		form.put("action", action);
		return form;
	}

}
