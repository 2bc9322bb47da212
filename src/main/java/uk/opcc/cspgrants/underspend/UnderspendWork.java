package uk.opcc.cspgrants.underspend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.SeparationOfDuties;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * Redistribution proposals on the home page: finance sees the drafts someone else
 * proposed, waiting for their approval; an officer their own drafts. One query.
 */
@Component
@Transactional(readOnly = true)
class UnderspendWork implements WorkSource {

	private final JdbcClient jdbc;

	UnderspendWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		if (!user.hasAny(Role.FINANCE, Role.ADMIN, Role.OFFICER)) {
			return List.of();
		}
		List<Draft> drafts = this.jdbc
			.sql("select id, source_year, pot, created_by from redistribution where status = 'DRAFT' order by id")
			.query((rs, row) -> new Draft(rs.getLong(1), new FinancialYear(rs.getInt(2)), Money.of(rs.getBigDecimal(3)),
					rs.getString(4)))
			.list();
		List<WorkItem> items = new ArrayList<>();
		if (user.has(Role.FINANCE)) {
			List<WorkItem.Link> waiting = drafts.stream()
				.filter(draft -> !SeparationOfDuties.samePerson(draft.createdBy(), user.getUsername()))
				.map(Draft::link)
				.toList();
			if (!waiting.isEmpty()) {
				items.add(WorkItem.waiting(110,
						WorkItem.count(waiting.size(), "redistribution", "redistributions")
								+ " waiting for your approval",
						(waiting.size() == 1) ? waiting.get(0).href() : "/redistributions", waiting));
			}
		}
		if (user.hasAny(Role.ADMIN, Role.OFFICER)) {
			List<WorkItem.Link> mine = drafts.stream()
				.filter(draft -> SeparationOfDuties.samePerson(draft.createdBy(), user.getUsername()))
				.map(Draft::link)
				.toList();
			if (!mine.isEmpty()) {
				items.add(WorkItem.info(510, WorkItem.DRAFTS,
						WorkItem.count(mine.size(), "draft redistribution", "draft redistributions")
								+ " not yet approved",
						"/redistributions", mine));
			}
		}
		return items;
	}

	private record Draft(long id, FinancialYear sourceYear, Money pot, String createdBy) {

		WorkItem.Link link() {
			return new WorkItem.Link("The " + this.sourceYear + " underspend: " + this.pot.format(),
					"/redistributions/" + this.id);
		}

	}

}
