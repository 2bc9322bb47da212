package uk.opcc.cspgrants.support;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grants to organisations made straight in the tables of issue 15 (V33 to V35), for tests
 * of recipients' returns, their logins, the year end and open data: two recipients, a
 * plan with a theme, a stream, a decided schedule with three lines and the three grants
 * made from them, with a payment per half-year. The recipient contact {@value #CONTACT}
 * acts for the first organisation. Everything can be removed again, so that a test on the
 * shared database leaves nothing behind.
 *
 * <p>
 * The figures: Voluntary Action Testshire (GB-CHC-1099999) has "Drug Intervention
 * Programme", £52,880.00 (£26,440.00 Apr–Sep and £26,440.00 Oct–Mar), and "Police
 * volunteers in kind", £5,000.00 given in kind (no payments); Second Step Testshire CIC
 * (GB-COH-09999999) has "Youth diversion", £10,000.00 (Apr–Sep only).
 */
public final class RecipientFixture {

	public static final String CONTACT = "recipient.contact";

	public static final String CONTACT_NAME = "Rita Recipient";

	public static final String OTHER_CONTACT = "other.recipient";

	private RecipientFixture() {
	}

	/**
	 * What was made.
	 *
	 * @param year the financial year's first calendar year
	 * @param organisationId Voluntary Action Testshire
	 * @param otherOrganisationId Second Step Testshire CIC
	 * @param grantId the Drug Intervention Programme grant
	 * @param inKindGrantId the grant in kind
	 * @param otherGrantId the other organisation's grant
	 * @param planId the plan made
	 * @param themeId its theme
	 * @param streamId the stream made
	 * @param scheduleId the schedule made
	 */
	public record Made(int year, long organisationId, long otherOrganisationId, long grantId, long inKindGrantId,
			long otherGrantId, long planId, long themeId, long streamId, long scheduleId) {

		public String yearText() {
			return this.year + "-" + String.format("%02d", (this.year + 1) % 100);
		}

	}

	/** Makes it all for a year, decided by {@code decisionReference}. */
	public static Made make(JdbcTemplate db, int year, String decisionReference) {
		long organisation = organisation(db, "Voluntary Action Testshire", "CHARITY", "1099999", null,
				"GB-CHC-1099999");
		long other = organisation(db, "Second Step Testshire CIC", "CIC", null, "09999999", "GB-COH-09999999");
		long plan = db.queryForObject("insert into police_crime_plan (name, published_on) values (?, ?) returning id",
				Long.class, "Test Police and Crime Plan " + year, LocalDate.of(year, 3, 1));
		long theme = db.queryForObject(
				"insert into plan_theme (plan_id, name, kind, position) values (?, ?, 'THEME', 1) returning id",
				Long.class, plan, "Protecting the Vulnerable");
		long stream = db.queryForObject("insert into funding_stream (financial_year, name, funder, kind, amount, "
				+ "created_at, created_by) values (?, ?, 'Home Office', 'GRANT', 1649000.00, now(), 'test') returning id",
				Long.class, year, "Test PCC Community Safety Grant");
		// a draft while its lines are written (V45: only a draft's lines change), then
		// decided
		long schedule = db.queryForObject("insert into award_schedule (financial_year, title, created_at, updated_at) "
				+ "values (?, 'Test partner funding', now(), now()) returning id", Long.class, year);
		LocalDate start = LocalDate.of(year, 4, 1);
		LocalDate half = LocalDate.of(year, 9, 30);
		LocalDate october = LocalDate.of(year, 10, 1);
		LocalDate end = LocalDate.of(year + 1, 3, 31);
		long grant = grant(db, schedule, 1, organisation, "Drug Intervention Programme", "52880.00", stream, theme,
				"CONTRACT", false, year, decisionReference);
		payment(db, grant, start, half, "26440.00");
		payment(db, grant, october, end, "26440.00");
		long inKind = grant(db, schedule, 2, organisation, "Police volunteers in kind", "5000.00", stream, theme,
				"DIRECT", true, year, decisionReference);
		long otherGrant = grant(db, schedule, 3, other, "Youth diversion", "10000.00", stream, theme, "PCC_GRANT",
				false, year, decisionReference);
		payment(db, otherGrant, start, half, "10000.00");
		db.update("update award_schedule set status = 'DECIDED', decision_reference = ? where id = ?",
				decisionReference, schedule);
		return new Made(year, organisation, other, grant, inKind, otherGrant, plan, theme, stream, schedule);
	}

	/**
	 * A recipient contact who signs in with the demo password, acting for an
	 * organisation; made if missing.
	 */
	public static void contact(JdbcTemplate db, String username, String name, long organisationId) {
		db.update("delete from app_user_role where user_id in (select id from app_user where username = ?)", username);
		db.update("delete from app_user where username = ?", username);
		long id = db.queryForObject(
				"insert into app_user (username, display_name, password_hash, enabled, "
						+ "organisation_id, created_at, updated_at) select ?, ?, password_hash, true, ?, now(), now() "
						+ "from app_user where username = 'officer' returning id",
				Long.class, username, name, organisationId);
		db.update("insert into app_user_role (user_id, role) values (?, 'RECIPIENT')", id);
	}

	/**
	 * Only the recipient contact {@value #CONTACT} and an organisation of their own, with
	 * no grants: for tests that need someone to sign in as a recipient contact.
	 * @return the organisation's id, for {@link #removeContact}
	 */
	public static long contactOnly(JdbcTemplate db) {
		removeContact(db, null);
		long organisation = organisation(db, "Voluntary Action Matrixshire", "CHARITY", "1099998", null,
				"GB-CHC-1099998");
		contact(db, CONTACT, CONTACT_NAME, organisation);
		return organisation;
	}

	/** Removes what {@link #contactOnly} made. */
	public static void removeContact(JdbcTemplate db, Long organisationId) {
		db.update("delete from app_user_role where user_id in (select id from app_user where username = ?)", CONTACT);
		db.update("delete from app_user where username = ?", CONTACT);
		db.update("delete from organisation where identifier = 'GB-CHC-1099998'");
	}

	/** Removes what {@link #make} and {@link #contact} made, returns first. */
	public static void remove(JdbcTemplate db, Made made) {
		String grants = "select id from organisation_grant where award_line_id in "
				+ "(select id from award_line where schedule_id = " + made.scheduleId() + ")";
		// the database keeps submitted and accepted returns; moved back first, as the
		// status rule allows
		db.update("update organisation_return set status = 'DRAFT' where status = 'ACCEPTED' and grant_id in (" + grants
				+ ")");
		db.update("update organisation_return set status = 'RETURNED' where status = 'SUBMITTED' and grant_id in ("
				+ grants + ")");
		db.update("delete from organisation_return where grant_id in (" + grants + ")");
		db.update("delete from organisation_grant_payment where grant_id in (" + grants + ")");
		db.update("delete from organisation_grant where id in (" + grants + ")");
		db.update("update award_schedule set status = 'DRAFT', decision_reference = null where id = ?",
				made.scheduleId());
		db.update("delete from award_line_period where line_id in (select id from award_line where schedule_id = ?)",
				made.scheduleId());
		db.update("delete from award_line where schedule_id = ?", made.scheduleId());
		db.update("delete from award_schedule where id = ?", made.scheduleId());
		db.update("delete from funding_stream where id = ?", made.streamId());
		db.update("delete from plan_theme where plan_id = ?", made.planId());
		db.update("delete from police_crime_plan where id = ?", made.planId());
		for (String username : new String[] { CONTACT, OTHER_CONTACT }) {
			db.update("delete from app_user_role where user_id in (select id from app_user where username = ?)",
					username);
			db.update("delete from app_user where username = ?", username);
		}
		db.update("delete from organisation where id in (?, ?)", made.organisationId(), made.otherOrganisationId());
	}

	private static long organisation(JdbcTemplate db, String name, String type, String charity, String company,
			String identifier) {
		return db.queryForObject(
				"insert into organisation (name, type, charity_number, company_number, identifier, "
						+ "created_at, updated_at) values (?, ?, ?, ?, ?, now(), now()) returning id",
				Long.class, name, type, charity, company, identifier);
	}

	/**
	 * A grant to the other organisation in another year, with its own stream and decided
	 * schedule: a year the first organisation has no grant in.
	 */
	public static long grantToTheOtherIn(JdbcTemplate db, Made made, int year, String decisionReference) {
		long stream = db.queryForObject("insert into funding_stream (financial_year, name, funder, kind, amount, "
				+ "created_at, created_by) values (?, ?, 'Home Office', 'GRANT', 50000.00, now(), 'test') returning id",
				Long.class, year, "Test PCC Community Safety Grant");
		long schedule = db.queryForObject("insert into award_schedule (financial_year, title, created_at, updated_at) "
				+ "values (?, 'Test partner funding', now(), now()) returning id", Long.class, year);
		long grant = grant(db, schedule, 1, made.otherOrganisationId(), "Mentoring", "7500.00", stream, made.themeId(),
				"PCC_GRANT", false, year, decisionReference);
		db.update("update award_schedule set status = 'DECIDED', decision_reference = ? where id = ?",
				decisionReference, schedule);
		return grant;
	}

	private static long grant(JdbcTemplate db, long schedule, int position, long organisation, String initiative,
			String amount, long stream, long theme, String route, boolean inKind, int year, String reference) {
		long line = db.queryForObject(
				"insert into award_line (schedule_id, position, organisation_id, initiative, "
						+ "status, stream_id, theme_id, route, in_kind, created_at, created_by) "
						+ "values (?, ?, ?, ?, 'COMMITTED', ?, ?, ?, ?, now(), 'test') returning id",
				Long.class, schedule, position, organisation, initiative, stream, theme, route, inKind);
		return db.queryForObject(
				"insert into organisation_grant (organisation_id, financial_year, award_line_id, "
						+ "initiative, amount, stream_id, theme_id, route, in_kind, decision_reference, created_at) "
						+ "values (?, ?, ?, ?, ?::numeric, ?, ?, ?, ?, ?, now()) returning id",
				Long.class, organisation, year, line, initiative, amount, stream, theme, route, inKind, reference);
	}

	private static void payment(JdbcTemplate db, long grant, LocalDate from, LocalDate to, String amount) {
		db.update("insert into organisation_grant_payment (grant_id, starts_on, ends_on, amount) "
				+ "values (?, ?, ?, ?::numeric)", grant, from, to, amount);
	}

}
