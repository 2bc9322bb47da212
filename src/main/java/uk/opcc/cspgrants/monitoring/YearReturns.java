package uk.opcc.cspgrants.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * Every return of a year, read straight from the tables in two queries whatever the
 * number of partnerships, for the pages that show them all at once: the quarterly report,
 * the dashboard, the payments and the year end. Loaded as {@link QuarterlyReturn}
 * aggregates that was a query per return for its activities (12,000 returns in the load
 * test's national-scale data); the aggregate is for changing one return.
 */
@Component
class YearReturns {

	private final JdbcClient jdbc;

	YearReturns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The returns of a year by partnership id and quarter, each with the total available
	 * of its partnership's grant and its due date.
	 */
	Map<Long, Map<Quarter, ReturnView>> of(FinancialYear year, Map<Long, PartnershipView> partnerships,
			List<GrantView> grants, Map<Quarter, LocalDate> dueDates) {
		Map<Long, Money> available = new HashMap<>();
		grants.forEach(grant -> available.put(grant.partnershipId(), grant.totalAvailable()));
		Map<Long, List<ReturnDetails.Activity>> activities = new HashMap<>();
		this.jdbc.sql("select a.return_id, a.title, a.theme, a.planned, a.spend, a.outcomes from return_activity a "
				+ "join quarterly_return r on r.id = a.return_id where r.financial_year = ? order by a.return_id, a.line")
			.param(year.startYear())
			.query((rs, row) -> activities.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(activity(rs)))
			.list();
		Map<Long, Map<Quarter, ReturnView>> returns = new LinkedHashMap<>();
		this.jdbc.sql("select * from quarterly_return where financial_year = ? order by partnership_id, quarter")
			.param(year.startYear())
			.query((rs, row) -> {
				PartnershipView partnership = partnerships.get(rs.getLong("partnership_id"));
				Quarter quarter = Quarter.valueOf(rs.getString("quarter"));
				ReturnView view = view(rs, partnership, year, quarter,
						activities.getOrDefault(rs.getLong("id"), List.of()),
						available.getOrDefault(partnership.id(), Money.ZERO), dueDates.get(quarter));
				return returns.computeIfAbsent(partnership.id(), id -> new EnumMap<>(Quarter.class)).put(quarter, view);
			})
			.list();
		return returns;
	}

	/** A version of a year's returns: every change of a return raises its version. */
	String version(FinancialYear year) {
		return this.jdbc.sql(
				"select concat_ws(',', count(*), sum(version), max(id)) from quarterly_return where financial_year = ?")
			.param(year.startYear())
			.query(String.class)
			.single();
	}

	private static ReturnDetails.Activity activity(ResultSet rs) throws SQLException {
		return new ReturnDetails.Activity(rs.getString(2), rs.getString(3), Money.of(rs.getBigDecimal(4)),
				Money.of(rs.getBigDecimal(5)), rs.getString(6));
	}

	private static ReturnView view(ResultSet rs, PartnershipView partnership, FinancialYear year, Quarter quarter,
			List<ReturnDetails.Activity> activities, Money totalAvailable, LocalDate dueDate) throws SQLException {
		ReturnDetails details = new ReturnDetails(Money.of(rs.getBigDecimal("planned_allocation")),
				Money.of(rs.getBigDecimal("cumulative_spend")), activities, rs.getString("comments"),
				rs.getString("spend_fall_reason"), rs.getLong("version"));
		return new ReturnView(rs.getLong("id"), partnership.id(), partnership.code(), partnership.name(), year, quarter,
				ReturnStatus.valueOf(rs.getString("status")), details, rs.getString("status_reason"), totalAvailable,
				dueDate, rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
				rs.getString("accepted_by"));
	}

}
