package uk.opcc.cspgrants.grants;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * A CSP manager's latest grant on their home page: its year and total available (every
 * line plus the carry forward), in one query.
 */
@Component
@Transactional(readOnly = true)
class GrantWork implements WorkSource {

	private final JdbcClient jdbc;

	GrantWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		if (!user.has(Role.CSP_MANAGER) || user.partnershipId() == null) {
			return List.of();
		}
		return this.jdbc
			.sql("select g.financial_year, p.code, g.carry_forward + coalesce((select sum(l.amount) from grant_line l "
					+ "where l.grant_id = g.id), 0) from grant_award g join partnership p on p.id = g.partnership_id "
					+ "where g.partnership_id = ? order by g.financial_year desc limit 1")
			.param(user.partnershipId())
			.query((rs, row) -> {
				FinancialYear year = new FinancialYear(rs.getInt(1));
				return WorkItem.info(110, WorkItem.PARTNERSHIP,
						"Your grant for " + year + ": " + Money.of(rs.getBigDecimal(3)).format() + " available",
						"/grants/" + year + "/" + rs.getString(2));
			})
			.list();
	}

}
