package uk.opcc.cspgrants.grants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * The grant schedule of a year, read straight from the tables in two queries whatever the
 * number of partnerships: the schedule page, the quarterly report, the dashboard, the
 * payments page and the year end all show every grant of a year at once. Read through the
 * {@link Grant} aggregate that would be one query per grant for its lines (300
 * partnerships made 900 queries a page before this was a projection); the aggregate is
 * for changing one grant.
 */
@Component
class GrantSchedules {

	private static final String LINE_COLUMNS = "l.source, l.amount, l.run_id, l.note, l.created_at, l.created_by";

	private final JdbcClient jdbc;

	GrantSchedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every grant of a year, by partnership name. */
	List<GrantView> grants(FinancialYear year) {
		Map<Long, List<GrantView.Line>> lines = new HashMap<>();
		this.jdbc
			.sql("select l.grant_id, " + LINE_COLUMNS + " from grant_line l join grant_award g on g.id = l.grant_id "
					+ "where g.financial_year = ? order by l.id")
			.param(year.startYear())
			.query((rs) -> {
				lines.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(line(rs, 2));
			});
		return this.jdbc.sql("select g.id, g.partnership_id, p.code, p.name, g.financial_year, g.carry_forward, "
				+ "g.carry_forward_note, g.version from grant_award g join partnership p on p.id = g.partnership_id "
				+ "where g.financial_year = ? order by p.name")
			.param(year.startYear())
			.query((rs, row) -> new GrantView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					new FinancialYear(rs.getInt(5)), lines.getOrDefault(rs.getLong(1), List.of()),
					Money.of(rs.getBigDecimal(6)), rs.getString(7), rs.getLong(8)))
			.list();
	}

	/**
	 * The years in which a grant has money (a line or a carry forward), latest first;
	 * only one partnership's when {@code partnershipId} is given.
	 */
	List<FinancialYear> years(Long partnershipId) {
		return this.jdbc
			.sql("select distinct g.financial_year from grant_award g where (cast(? as bigint) is null or "
					+ "g.partnership_id = ?) and (g.carry_forward <> 0 or exists "
					+ "(select 1 from grant_line l where l.grant_id = g.id)) order by g.financial_year desc")
			.params(partnershipId, partnershipId)
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	/** Every payment recorded against the grants of a year, in one query. */
	List<Payment> payments(FinancialYear year) {
		return this.jdbc
			.sql("select p.grant_id, p.quarter, p.amount, p.paid_on, p.reference from grant_payment p "
					+ "join grant_award g on g.id = p.grant_id where g.financial_year = ? order by p.id")
			.param(year.startYear())
			.query((rs, row) -> new Payment(rs.getLong(1),
					(rs.getString(2) != null) ? Quarter.valueOf(rs.getString(2)) : null, Money.of(rs.getBigDecimal(3)),
					rs.getDate(4).toLocalDate(), rs.getString(5)))
			.list();
	}

	/**
	 * A version of a year's grants: it changes whenever a grant, a line of one or a carry
	 * forward is added or changed.
	 */
	String version(FinancialYear year) {
		return this.jdbc
			.sql("select concat_ws(',', "
					+ "(select concat_ws(':', count(*), sum(version), sum(carry_forward)) from grant_award "
					+ "where financial_year = ?), "
					+ "(select concat_ws(':', count(*), max(l.id), sum(l.amount)) from grant_line l "
					+ "join grant_award g on g.id = l.grant_id where g.financial_year = ?))")
			.params(year.startYear(), year.startYear())
			.query(String.class)
			.single();
	}

	/** A version of a year's payments and payment settings. */
	String paymentsVersion(FinancialYear year) {
		return this.jdbc
			.sql("select concat_ws(',', count(*), max(p.id), sum(p.amount), "
					+ "(select max(version) from year_settings where financial_year = ?)) from grant_payment p "
					+ "join grant_award g on g.id = p.grant_id where g.financial_year = ?")
			.params(year.startYear(), year.startYear())
			.query(String.class)
			.single();
	}

	/**
	 * Each partnership's highest total available in any year before {@code year}, in one
	 * query.
	 */
	Map<Long, Money> highestTotalsBefore(FinancialYear year) {
		Map<Long, Money> highest = new HashMap<>();
		this.jdbc
			.sql("select g.partnership_id, max(g.carry_forward + coalesce(l.total, 0)) from grant_award g "
					+ "left join (select grant_id, sum(amount) as total from grant_line group by grant_id) l "
					+ "on l.grant_id = g.id where g.financial_year < ? group by g.partnership_id")
			.param(year.startYear())
			.query((rs) -> {
				highest.put(rs.getLong(1), Money.of(rs.getBigDecimal(2)));
			});
		return highest;
	}

	/** Which of these runs have given grant lines, in one query. */
	Set<Long> createdFrom(List<Long> runIds) {
		if (runIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("select distinct run_id from grant_line where run_id = any(?)")
			.param(runIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/** Whether a year has a grant (to this partnership only, when one is given). */
	boolean any(FinancialYear year, Long partnershipId) {
		return this.jdbc
			.sql("select exists (select 1 from grant_award where financial_year = ? and "
					+ "(cast(? as bigint) is null or partnership_id = ?))")
			.params(year.startYear(), partnershipId, partnershipId)
			.query(Boolean.class)
			.single();
	}

	boolean createdFrom(long runId) {
		return this.jdbc.sql("select exists (select 1 from grant_line where run_id = ?)")
			.param(runId)
			.query(Boolean.class)
			.single();
	}

	private static GrantView.Line line(ResultSet rs, int first) throws SQLException {
		return new GrantView.Line(GrantView.Source.valueOf(rs.getString(first)), Money.of(rs.getBigDecimal(first + 1)),
				(Long) rs.getObject(first + 2), rs.getString(first + 3), rs.getTimestamp(first + 4).toInstant(),
				rs.getString(first + 5));
	}

}
