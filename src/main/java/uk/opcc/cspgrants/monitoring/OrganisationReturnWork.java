package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * Returns for grants to organisations on the home page, one query each: a recipient's
 * contact sees the returns of their organisation's grants whose quarter has ended and
 * that are not in yet (or came back for correction); officers the returns submitted and
 * waiting to be accepted.
 */
@Component
@Transactional(readOnly = true)
class OrganisationReturnWork implements WorkSource {

	static final String OPEN = "/monitoring/organisations";

	private final JdbcClient jdbc;

	OrganisationReturnWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		List<WorkItem> items = new ArrayList<>();
		if (user.isRecipientContact() && user.organisationId() != null) {
			toComplete(user.organisationId(), today, items);
		}
		if (user.hasAny(Role.ADMIN, Role.OFFICER)) {
			submitted(items);
		}
		return items;
	}

	private void toComplete(long organisationId, LocalDate today, List<WorkItem> items) {
		List<WorkItem.Link> waiting = new ArrayList<>();
		this.jdbc
			.sql("select g.id, g.financial_year, q.quarter, g.initiative, r.status from organisation_grant g "
					+ "cross join (values ('Q1'), ('Q2'), ('Q3'), ('Q4')) as q(quarter) "
					+ "left join organisation_return r on r.grant_id = g.id and r.quarter = q.quarter "
					+ "where g.organisation_id = ? and (r.status is null or r.status in ('DRAFT', 'RETURNED')) "
					+ "order by g.financial_year, q.quarter, g.initiative, g.id")
			.param(organisationId)
			.query((rs) -> {
				FinancialYear year = new FinancialYear(rs.getInt(2));
				Quarter quarter = Quarter.valueOf(rs.getString(3));
				if (quarter.endIn(year).isBefore(today)) {
					boolean returned = "RETURNED".equals(rs.getString(5));
					waiting.add(new WorkItem.Link(
							rs.getString(4) + ": " + quarter + " " + year
									+ (returned ? " (returned for correction)" : ""),
							OPEN + "/" + rs.getLong(1) + "/" + quarter));
				}
			});
		if (waiting.isEmpty()) {
			items.add(WorkItem.info(140, "Your organisation", "Your returns are up to date", OPEN));
		}
		else {
			items.add(WorkItem.waiting(140,
					WorkItem.count(waiting.size(), "return", "returns") + " for your grants to complete and submit",
					OPEN, waiting));
		}
	}

	private void submitted(List<WorkItem> items) {
		List<WorkItem.Link> submitted = this.jdbc
			.sql("select r.grant_id, r.quarter, g.financial_year, o.name, g.initiative from organisation_return r "
					+ "join organisation_grant g on g.id = r.grant_id join organisation o on o.id = g.organisation_id "
					+ "where r.status = 'SUBMITTED' order by g.financial_year, r.quarter, lower(o.name), g.id")
			.query((rs, row) -> new WorkItem.Link(rs.getString(4) + ", " + rs.getString(5) + ": " + rs.getString(2)
					+ " " + new FinancialYear(rs.getInt(3)), OPEN + "/" + rs.getLong(1) + "/" + rs.getString(2)))
			.list();
		if (!submitted.isEmpty()) {
			items
				.add(WorkItem.waiting(155,
						WorkItem.count(submitted.size(), "return", "returns")
								+ " for grants to organisations submitted and waiting for you to accept",
						OPEN, submitted));
		}
	}

}
