package uk.opcc.cspgrants.commissioning;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * A year to commission in, typed into the V33–V34 tables as the seed EXE 0025/13 gives it
 * (scaled to what a test needs): recipients, funding streams with their amounts, the
 * Police and Crime Plan of 2013 with its three themes (and "All Themes", "Discretionary")
 * adopted for the year. {@link #remove()} takes away everything it and the tests added,
 * so that tests sharing one database leave nothing behind.
 */
public final class ScheduleFixture {

	private final JdbcTemplate jdbc;

	private final FinancialYear year;

	public final long city;

	public final long county;

	public final long charity;

	public final long grantStream;

	public final long forceStream;

	public final long reserveStream;

	public final long plan;

	public final long reoffending;

	public final long safer;

	public final long vulnerable;

	/**
	 * @param jdbc the database
	 * @param year the year, one no other test uses
	 * @param grant the PCC Community Safety Grant's amount
	 * @param force the former force partnership funding's amount
	 * @param reserve the Budget Equalisation Reserve's amount
	 */
	public ScheduleFixture(JdbcTemplate jdbc, FinancialYear year, String grant, String force, String reserve) {
		this.jdbc = jdbc;
		this.year = year;
		String tag = year.toString();
		this.city = organisation("Leicester City Council " + tag, "LOCAL_AUTHORITY",
				"GB-LAE-LCE" + tag.replace("-", ""));
		this.county = organisation("Leicestershire County Council " + tag, "LOCAL_AUTHORITY",
				"GB-LAE-LEC" + tag.replace("-", ""));
		this.charity = organisation("Catch22 " + tag, "CHARITY", "GB-CHC-1124127" + tag.replace("-", ""));
		this.grantStream = stream("PCC Community Safety Grant", "Home Office", "GRANT", grant);
		this.forceStream = stream("Former Police Force Partnership funding", "Leicestershire Police", "FORCE", force);
		this.reserveStream = stream("Use of Budget Equalisation Reserve", "The Commissioner", "RESERVE", reserve);
		this.plan = jdbc.queryForObject(
				"insert into police_crime_plan (name, published_on) values (?, date '2013-03-31') returning id",
				Long.class, "Police and Crime Plan (schedule tests " + tag + ")");
		this.reoffending = theme("Reoffending and Offending", "THEME", 1);
		this.safer = theme("Making our Communities and Neighbourhoods Safer", "THEME", 2);
		this.vulnerable = theme("Protecting the Vulnerable", "THEME", 3);
		theme("All Themes (supports voluntary organisations)", "ALL", 4);
		theme("Discretionary (Across all themes)", "DISCRETIONARY", 5);
		jdbc.update("insert into commissioning_year (financial_year, plan_id) values (?, ?)", year.startYear(),
				this.plan);
	}

	public FinancialYear year() {
		return this.year;
	}

	/** Every line, schedule, stream, plan and organisation of the year. */
	public void remove() {
		int start = this.year.startYear();
		this.jdbc.update(
				"update award_schedule set status = 'DRAFT', decision_reference = null where financial_year = ?",
				start);
		this.jdbc.update("update award_line set replaces_line_id = null where schedule_id in "
				+ "(select id from award_schedule where financial_year = ?)", start);
		this.jdbc.update("delete from award_line where schedule_id in "
				+ "(select id from award_schedule where financial_year = ?)", start);
		this.jdbc.update("delete from award_schedule where financial_year = ?", start);
		this.jdbc.update("delete from commissioning_year where financial_year = ?", start);
		this.jdbc.update("delete from plan_theme where plan_id = ?", this.plan);
		this.jdbc.update("delete from police_crime_plan where id = ?", this.plan);
		this.jdbc.update("delete from formula_run_stream where stream_id in "
				+ "(select id from funding_stream where financial_year = ?)", start);
		this.jdbc.update("delete from funding_stream_change where stream_id in "
				+ "(select id from funding_stream where financial_year = ?)", start);
		this.jdbc.update("delete from funding_stream where financial_year = ?", start);
		for (long organisation : List.of(this.city, this.county, this.charity)) {
			this.jdbc.update("delete from organisation where id = ?", organisation);
		}
	}

	private long organisation(String name, String type, String identifier) {
		return this.jdbc.queryForObject("insert into organisation (name, type, identifier, created_at, updated_at) "
				+ "values (?, ?, ?, now(), now()) returning id", Long.class, name, type, identifier);
	}

	private long stream(String name, String funder, String kind, String amount) {
		return this.jdbc.queryForObject(
				"insert into funding_stream (financial_year, name, funder, kind, amount, created_at, created_by) "
						+ "values (?, ?, ?, ?, ?::numeric, now(), 'test') returning id",
				Long.class, this.year.startYear(), name, funder, kind, amount);
	}

	private long theme(String name, String kind, int position) {
		return this.jdbc.queryForObject(
				"insert into plan_theme (plan_id, name, kind, position) values (?, ?, ?, ?) returning id", Long.class,
				this.plan, name, kind, position);
	}

}
