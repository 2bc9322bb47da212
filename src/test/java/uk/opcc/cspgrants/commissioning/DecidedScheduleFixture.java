package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small award schedule written straight into the tables (V33, V34), from the Leicester
 * City section of the 2013-14 schedule attached to EXE 0025/13 with a few lines of the
 * rest: the "Youth Crime & Substance Misuse" line (£52,880) replaced by the Drug
 * Intervention Programme (£215,478), five more committed lines to Leicester City Council,
 * the indicative Youth Prevention and Diversion Pathway (£72,800, October to March), a
 * new funding stream line (£199,000), ICSB paid by the force in two halves (£15,000 and
 * £62,500), Juniper Lodge given in kind (£53,608) and Catch22 (£15,389). The year's
 * streams are the record's: PCC Community Safety Grant £1,649,000, former force
 * partnership funding £1,305,029 and the Budget Equalisation Reserve £294,994 (£3,249,023
 * in all).
 * <p>
 * By hand: a Supported decision makes 9 grants (6 to Leicester City Council totalling
 * £469,559 = the printed £522,439 less the replaced £52,880; 2 to Leicestershire Police,
 * £77,500 and £53,608 in kind; 1 to Catch22, £15,389) totalling £616,056, with 9 payments
 * totalling £562,448 (nothing for the grant in kind).
 */
public final class DecidedScheduleFixture {

	private DecidedScheduleFixture() {
	}

	/** Writes the schedule of the year starting in {@code startYear}; its id. */
	public static long insert(JdbcTemplate db, int startYear) {
		long city = organisation(db, "Leicester City Council", "LOCAL_AUTHORITY", "GB-LAE-LCE");
		long police = organisation(db, "Leicestershire Police", "POLICE_FORCE", "GB-GOV-LEICSPOLICE");
		long catch22 = organisation(db, "Catch22", "CHARITY", "GB-CHC-1124127");
		long grant = id(db, "insert into funding_stream (financial_year, name, funder, kind, amount, created_at, "
				+ "created_by) values (?, 'PCC Community Safety Grant', 'Home Office', 'GRANT', 1649000.00, now(), "
				+ "'officer') returning id", startYear);
		long force = id(db, "insert into funding_stream (financial_year, name, funder, kind, amount, created_at, "
				+ "created_by) values (?, 'Former Police Force Partnership funding', 'Leicestershire Police', 'FORCE', "
				+ "1305029.00, now(), 'officer') returning id", startYear);
		id(db, "insert into funding_stream (financial_year, name, funder, kind, amount, created_at, created_by) "
				+ "values (?, 'Budget Equalisation Reserve', 'Police and Crime Commissioner', 'RESERVE', 294994.00, "
				+ "now(), 'officer') returning id", startYear);
		long plan = id(db,
				"insert into police_crime_plan (name, published_on) values (?, date '2013-03-31') " + "returning id",
				"Police and Crime Plan for " + startYear);
		long reoffending = theme(db, plan, "Reoffending and Offending", 1);
		long safer = theme(db, plan, "Making our Communities and Neighbourhoods Safer", 2);
		long vulnerable = theme(db, plan, "Protecting the Vulnerable", 3);
		long all = id(db, "insert into plan_theme (plan_id, name, kind, position) values (?, 'All Themes', 'ALL', 4) "
				+ "returning id", plan);
		db.update("insert into commissioning_year (financial_year, plan_id) values (?, ?)", startYear, plan);
		long schedule = id(db, "insert into award_schedule (financial_year, title, created_at, updated_at) "
				+ "values (?, ?, now(), now()) returning id", startYear, "Partner funding " + startYear);
		LocalDate april = LocalDate.of(startYear, 4, 1);
		LocalDate september = LocalDate.of(startYear, 9, 30);
		LocalDate october = LocalDate.of(startYear, 10, 1);
		LocalDate march = LocalDate.of(startYear + 1, 3, 31);
		long youthCrime = line(db, schedule, 1, city, "Youth Crime & Substance Misuse Prevention Activities",
				"COMMITTED", grant, reoffending, "DIRECT", false, null, "52,880 Replaced by below");
		period(db, youthCrime, 1, april, september, "52880.00");
		long dip = line(db, schedule, 2, city, "Drug Intervention Programme (DIP)", "COMMITTED", grant, reoffending,
				"CONTRACT", false, youthCrime, "52,880 Replaces above");
		db.update(
				"update award_line set contract_ref = 'Sub-regional Drug and Alcohol Commissioning Board' where id = ?",
				dip);
		period(db, dip, 1, april, september, "215478.00");
		long csf = line(db, schedule, 3, city, "Community Safety Fund", "COMMITTED", grant, safer, "CSP_BUSINESS_CASE",
				false, null, "Allocation is for 6 months Apr-Sept");
		db.update("update award_line set business_case_ref = 'Leicester City business case 2013' where id = ?", csf);
		period(db, csf, 1, april, september, "92288.00");
		period(db, line(db, schedule, 4, city, "LSCB", "COMMITTED", grant, safer, "DIRECT", false, null, null), 1,
				april, september, "43945.00");
		period(db, line(db, schedule, 5, city, "LSAB", "COMMITTED", grant, vulnerable, "DIRECT", false, null, null), 1,
				april, september, "8500.00");
		period(db, line(db, schedule, 6, city, "Youth Offending Service", "COMMITTED", grant, vulnerable, "DIRECT",
				false, null, null), 1, april, september, "99348.00");
		period(db, line(db, schedule, 7, city, "Voluntary Action Leicester", "COMMITTED", grant, all, "DIRECT", false,
				null, null), 1, april, september, "10000.00");
		period(db, line(db, schedule, 8, city, "Youth Prevention and Diversion Pathway", "INDICATIVE", grant,
				reoffending, "DIRECT", false, null, null), 1, october, march, "72800.00");
		period(db,
				line(db, schedule, 9, city, "Sub regional Drug & Alcohol Commissioning Board", "NEW_FUNDING_STREAM",
						grant, reoffending, "CONTRACT", false, null, "This is new funding stream"),
				1, october, march, "199000.00");
		db.update("update award_line set contract_ref = 'Sub-regional Drug and Alcohol Commissioning Board' "
				+ "where schedule_id = ? and position = 9", schedule);
		long icsb = line(db, schedule, 10, police, "ICSB", "COMMITTED", force, safer, "DIRECT", false, null, null);
		period(db, icsb, 1, april, september, "15000.00");
		period(db, icsb, 2, october, march, "62500.00");
		period(db, line(db, schedule, 11, police, "Juniper Lodge", "COMMITTED", force, vulnerable, "DIRECT", true, null,
				"Full year funding already allocated"), 1, april, september, "53608.00");
		period(db, line(db, schedule, 12, catch22, "Catch22", "COMMITTED", grant, safer, "PCC_GRANT", false, null,
				"Allocation is for 6 months Apr-Sept"), 1, april, september, "15389.00");
		db.update("update award_line set round_ref = 'PCC Grant 2013' where schedule_id = ? and position = 12",
				schedule);
		return schedule;
	}

	/**
	 * Removes the schedule of the year and everything written for it, and the
	 * organisations that were not there before (for tests on the shared database).
	 */
	public static void remove(JdbcTemplate db, int startYear, java.util.List<Long> organisationsBefore) {
		// only a draft's lines change (V45)
		db.update("update award_schedule set status = 'DRAFT', decision_reference = null where financial_year = ?",
				startYear);
		db.update(
				"delete from award_line where schedule_id in (select id from award_schedule where financial_year = ?)",
				startYear);
		db.update("delete from award_schedule where financial_year = ?", startYear);
		Long plan = db.queryForObject("select plan_id from commissioning_year where financial_year = ?", Long.class,
				startYear);
		db.update("delete from commissioning_year where financial_year = ?", startYear);
		db.update("delete from plan_theme where plan_id = ?", plan);
		db.update("delete from police_crime_plan where id = ?", plan);
		db.update("delete from funding_stream where financial_year = ?", startYear);
		for (Long id : db.queryForList("select id from organisation", Long.class)) {
			if (!organisationsBefore.contains(id)) {
				db.update("delete from organisation where id = ?", id);
			}
		}
	}

	private static long organisation(JdbcTemplate db, String name, String type, String identifier) {
		db.update("insert into organisation (name, type, identifier, created_at, updated_at) values (?, ?, ?, now(), "
				+ "now()) on conflict (identifier) do nothing", name, type, identifier);
		return db.queryForObject("select id from organisation where identifier = ?", Long.class, identifier);
	}

	private static long theme(JdbcTemplate db, long plan, String name, int position) {
		return id(db, "insert into plan_theme (plan_id, name, position) values (?, ?, ?) returning id", plan, name,
				position);
	}

	private static long line(JdbcTemplate db, long schedule, int position, long organisation, String initiative,
			String status, long stream, long theme, String route, boolean inKind, Long replaces, String comments) {
		return id(db,
				"insert into award_line (schedule_id, position, organisation_id, initiative, status, stream_id, "
						+ "theme_id, route, in_kind, replaces_line_id, comments, created_at, created_by) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 'officer') returning id",
				schedule, position, organisation, initiative, status, stream, theme, route, inKind, replaces, comments);
	}

	private static void period(JdbcTemplate db, long line, int position, LocalDate from, LocalDate to, String amount) {
		db.update("insert into award_line_period (line_id, position, starts_on, ends_on, amount) values (?, ?, ?, ?, "
				+ "?::numeric)", line, position, from, to, amount);
	}

	private static long id(JdbcTemplate db, String sql, Object... args) {
		return db.queryForObject(sql, Long.class, args);
	}

}
