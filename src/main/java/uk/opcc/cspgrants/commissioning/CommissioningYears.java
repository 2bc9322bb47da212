package uk.opcc.cspgrants.commissioning;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The years commissioning has anything for (streams, a plan adopted, a schedule), and the
 * choices the line form offers: partnerships and the lines a line may replace.
 */
@Component
@Transactional(readOnly = true)
class CommissioningYears {

	private final JdbcClient jdbc;

	CommissioningYears(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A year with what it has: its streams' total, its schedule's status and lines. */
	record YearSummary(FinancialYear year, int streams, String streamsTotal, String scheduleStatus, int lines) {
	}

	/** Newest first. */
	List<YearSummary> years() {
		return this.jdbc.sql("""
				select y.financial_year,
				  (select count(*) from funding_stream s where s.financial_year = y.financial_year),
				  (select coalesce(sum(s.amount), 0) from funding_stream s where s.financial_year = y.financial_year),
				  (select a.status from award_schedule a where a.financial_year = y.financial_year),
				  (select count(*) from award_line l join award_schedule a on a.id = l.schedule_id
				     where a.financial_year = y.financial_year)
				from (select financial_year from funding_stream union select financial_year from award_schedule
				      union select financial_year from commissioning_year) y
				order by y.financial_year desc""")
			.query((rs, row) -> new YearSummary(new FinancialYear(rs.getInt(1)), rs.getInt(2),
					uk.opcc.cspgrants.shared.Money.of(rs.getBigDecimal(3)).format(),
					(rs.getString(4) != null) ? ScheduleStatus.valueOf(rs.getString(4)).label() : null, rs.getInt(5)))
			.list();
	}

	/** A partnership an award may be for. */
	record PartnershipChoice(long id, String name) {
	}

	List<PartnershipChoice> partnerships() {
		return this.jdbc.sql("select id, name from partnership where active order by name")
			.query((rs, row) -> new PartnershipChoice(rs.getLong(1), rs.getString(2)))
			.list();
	}

}
