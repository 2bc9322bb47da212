package uk.opcc.cspgrants.commissioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * Reads the award schedule of a year, its lines and their periods in two queries, for
 * pages, exports, the decision record and other modules.
 */
@Component
@Transactional(readOnly = true)
public class AwardSchedules {

	private final JdbcClient jdbc;

	AwardSchedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ScheduleView> schedule(FinancialYear year) {
		return this.jdbc.sql("select id from award_schedule where financial_year = ?")
			.param(year.startYear())
			.query(Long.class)
			.optional()
			.map(this::schedule);
	}

	public ScheduleView schedule(long id) {
		Map<Long, List<AwardLineView.Period>> periods = new HashMap<>();
		this.jdbc
			.sql("select p.line_id, p.position, p.starts_on, p.ends_on, p.amount from award_line_period p "
					+ "join award_line l on l.id = p.line_id where l.schedule_id = ? order by p.line_id, p.position")
			.param(id)
			.query((rs) -> {
				periods.computeIfAbsent(rs.getLong(1), (line) -> new ArrayList<>())
					.add(new AwardLineView.Period(rs.getInt(2), rs.getDate(3).toLocalDate(),
							rs.getDate(4).toLocalDate(), Money.of(rs.getBigDecimal(5))));
			});
		List<AwardLineView> lines = this.jdbc
			.sql("select l.id, l.position, l.section, l.organisation_id, o.name, o.identifier, l.partnership_id, "
					+ "l.initiative, l.status, l.stream_id, s.name, l.theme_id, t.name, l.route, l.business_case_ref, "
					+ "l.contract_ref, l.round_ref, l.in_kind, l.comments, l.replaces_line_id, "
					+ "(select r.id from award_line r where r.replaces_line_id = l.id), l.decided_by "
					+ "from award_line l join organisation o on o.id = l.organisation_id "
					+ "join funding_stream s on s.id = l.stream_id join plan_theme t on t.id = l.theme_id "
					+ "where l.schedule_id = ? order by l.position")
			.param(id)
			.query((rs, row) -> new AwardLineView(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8),
					LineStatus.valueOf(rs.getString(9)), rs.getLong(10), rs.getString(11), rs.getLong(12),
					rs.getString(13), PurchasingRoute.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16),
					rs.getString(17), rs.getBoolean(18), rs.getString(19), rs.getObject(20, Long.class),
					rs.getObject(21, Long.class), rs.getString(22), periods.getOrDefault(rs.getLong(1), List.of())))
			.list();
		return this.jdbc
			.sql("select id, financial_year, title, status, tolerance_percent, decision_reference, version "
					+ "from award_schedule where id = ?")
			.param(id)
			.query((rs, row) -> new ScheduleView(rs.getLong(1), new FinancialYear(rs.getInt(2)), rs.getString(3),
					ScheduleStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6), rs.getLong(7),
					lines))
			.single();
	}

}
