package uk.opcc.cspgrants.commissioning.spreadsheet;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * A year ready for an import, written straight into the V34 tables (so that the
 * spreadsheet's tests do not depend on the streams' and plans' pages): 2011-12, a year no
 * demo or other test uses, with the 2013 plan's five themes and EXE 0025/13's three
 * streams. {@link #remove} takes away everything added, imports and schedules included.
 */
public final class ImportYearRows {

	public static final FinancialYear YEAR = FinancialYear.parse("2011-12");

	private static final String PLAN = "Police and Crime Plan (spreadsheet import tests)";

	private ImportYearRows() {
	}

	public static void add(JdbcTemplate db) {
		remove(db);
		long plan = db.queryForObject(
				"insert into police_crime_plan (name, published_on) values (?, date '2013-03-31') returning id",
				Long.class, PLAN);
		String[][] themes = { { "Reoffending and Offending", "THEME" },
				{ "Making our Communities and Neighbourhoods Safer", "THEME" },
				{ "Protecting the Vulnerable", "THEME" }, { "All themes", "ALL" },
				{ "Discretionary", "DISCRETIONARY" } };
		for (int i = 0; i < themes.length; i++) {
			db.update("insert into plan_theme (plan_id, name, kind, position) values (?, ?, ?, ?)", plan, themes[i][0],
					themes[i][1], i + 1);
		}
		db.update("insert into commissioning_year (financial_year, plan_id) values (?, ?)", YEAR.startYear(), plan);
		String[][] streams = { { "PCC Community Safety Grant", "Home Office", "GRANT", "1649000" },
				{ "Former Police Force Partnership funding", "Leicestershire Police", "FORCE", "1305029" },
				{ "Use of Budget Equalisation Reserve", "Police and Crime Commissioner", "RESERVE", "294994" } };
		for (String[] stream : streams) {
			db.update(
					"insert into funding_stream (financial_year, name, funder, kind, amount, created_at, created_by) "
							+ "values (?, ?, ?, ?, ?::numeric, now(), 'test')",
					YEAR.startYear(), stream[0], stream[1], stream[2], stream[3]);
		}
	}

	public static void remove(JdbcTemplate db) {
		int year = YEAR.startYear();
		db.update("delete from schedule_import where financial_year = ?", year);
		db.update("update award_schedule set status = 'DRAFT', decision_reference = null where financial_year = ?",
				year);
		db.update("update award_line set replaces_line_id = null where schedule_id in "
				+ "(select id from award_schedule where financial_year = ?)", year);
		db.update("delete from award_line_period where line_id in (select l.id from award_line l "
				+ "join award_schedule s on s.id = l.schedule_id where s.financial_year = ?)", year);
		db.update(
				"delete from award_line where schedule_id in (select id from award_schedule where financial_year = ?)",
				year);
		db.update("delete from award_schedule where financial_year = ?", year);
		db.update("delete from funding_stream_change where stream_id in "
				+ "(select id from funding_stream where financial_year = ?)", year);
		db.update("delete from funding_stream where financial_year = ?", year);
		db.update("delete from commissioning_year where financial_year = ?", year);
		db.update("delete from plan_theme where plan_id in (select id from police_crime_plan where name = ?)", PLAN);
		db.update("delete from police_crime_plan where name = ?", PLAN);
	}

	/** A schedule of the year with two lines to one new organisation, for the export. */
	public static long addSchedule(JdbcTemplate db) {
		long organisation = db
			.queryForObject("insert into organisation (name, type, identifier, created_at, updated_at) "
					+ "values ('Anchor Centre (export test)', 'CHARITY', '360G-opcc-leics-org-export-test', now(), now()) "
					+ "on conflict (identifier) do update set name = excluded.name returning id", Long.class);
		long schedule = db.queryForObject(
				"insert into award_schedule (financial_year, title, created_at, updated_at) "
						+ "values (?, 'Partner funding 2011-12', now(), now()) returning id",
				Long.class, YEAR.startYear());
		long stream = db.queryForObject(
				"select id from funding_stream where financial_year = ? and name = 'PCC Community Safety Grant'",
				Long.class, YEAR.startYear());
		long theme = db.queryForObject("select t.id from plan_theme t join police_crime_plan p on p.id = t.plan_id "
				+ "where p.name = ? and t.name = 'Reoffending and Offending'", Long.class, PLAN);
		String[][] lines = { { "Street Drinkers Outreach", "34000", "1500.50" }, { "=Youth Work", "0", "2000" } };
		for (int i = 0; i < lines.length; i++) {
			long line = db.queryForObject("insert into award_line (schedule_id, position, section, organisation_id, "
					+ "initiative, status, stream_id, theme_id, route, comments, created_at, created_by) values "
					+ "(?, ?, 'Anchor Centre (export test)', ?, ?, 'COMMITTED', ?, ?, 'DIRECT', 'Full year', now(), 'test') "
					+ "returning id", Long.class, schedule, i + 1, organisation, lines[i][0], stream, theme);
			if (!lines[i][1].equals("0")) {
				db.update("insert into award_line_period (line_id, position, starts_on, ends_on, amount) values "
						+ "(?, 1, date '2011-04-01', date '2011-09-30', ?::numeric)", line, lines[i][1]);
			}
			db.update("insert into award_line_period (line_id, position, starts_on, ends_on, amount) values "
					+ "(?, 2, date '2011-10-01', date '2012-03-31', ?::numeric)", line, lines[i][2]);
		}
		return schedule;
	}

	/** The organisation {@link #addSchedule} made, removed after the schedule. */
	public static void removeScheduleOrganisation(JdbcTemplate db) {
		db.update("delete from organisation where identifier = '360G-opcc-leics-org-export-test'");
	}

}
