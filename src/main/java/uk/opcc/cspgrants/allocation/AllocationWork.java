package uk.opcc.cspgrants.allocation;

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
 * Formula runs on the home page: finance sees the draft runs someone else made, waiting
 * for their approval; an officer their own drafts; a CSP manager their partnership's
 * latest approved allocation. One query for the draft runs, one for the allocation. The
 * run of a redistribution proposal is approved with the proposal, so it is not listed
 * here (the underspend feature lists the proposal).
 */
@Component
@Transactional(readOnly = true)
class AllocationWork implements WorkSource {

	private final JdbcClient jdbc;

	AllocationWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		List<WorkItem> items = new ArrayList<>();
		if (user.hasAny(Role.FINANCE, Role.ADMIN, Role.OFFICER)) {
			List<DraftRun> drafts = drafts();
			if (user.has(Role.FINANCE)) {
				List<WorkItem.Link> waiting = drafts.stream()
					.filter(run -> !SeparationOfDuties.samePerson(run.createdBy(), user.getUsername()))
					.map(DraftRun::link)
					.toList();
				if (!waiting.isEmpty()) {
					items.add(WorkItem.waiting(100,
							WorkItem.count(waiting.size(), "formula run", "formula runs")
									+ " waiting for your approval",
							(waiting.size() == 1) ? waiting.get(0).href() : "/allocations", waiting));
				}
			}
			if (user.hasAny(Role.ADMIN, Role.OFFICER)) {
				List<WorkItem.Link> mine = drafts.stream()
					.filter(run -> SeparationOfDuties.samePerson(run.createdBy(), user.getUsername()))
					.map(DraftRun::link)
					.toList();
				if (!mine.isEmpty()) {
					items.add(WorkItem.info(500, WorkItem.DRAFTS,
							WorkItem.count(mine.size(), "draft formula run", "draft formula runs")
									+ " not yet approved",
							"/allocations", mine));
				}
			}
		}
		if (user.has(Role.CSP_MANAGER) && user.partnershipId() != null) {
			this.jdbc
				.sql("select r.financial_year, l.amount from formula_run r "
						+ "join formula_run_line l on l.run_id = r.id and l.partnership_id = ? "
						+ "where r.status = 'APPROVED' and r.purpose = 'ALLOCATION' "
						+ "order by r.financial_year desc limit 1")
				.param(user.partnershipId())
				.query((rs, row) -> WorkItem.info(100, WorkItem.PARTNERSHIP,
						"Your approved allocation for " + new FinancialYear(rs.getInt(1)) + ": "
								+ Money.of(rs.getBigDecimal(2)).format(),
						"/allocations/mine"))
				.optional()
				.ifPresent(items::add);
		}
		return items;
	}

	private List<DraftRun> drafts() {
		return this.jdbc
			.sql("select id, financial_year, purpose, pot, created_by from formula_run r where status = 'DRAFT' "
					+ "and not exists (select 1 from redistribution d where d.run_id = r.id) order by id")
			.query((rs, row) -> new DraftRun(rs.getLong(1), new FinancialYear(rs.getInt(2)),
					RunPurpose.valueOf(rs.getString(3)), Money.of(rs.getBigDecimal(4)), rs.getString(5)))
			.list();
	}

	private record DraftRun(long id, FinancialYear year, RunPurpose purpose, Money pot, String createdBy) {

		WorkItem.Link link() {
			return new WorkItem.Link(
					this.purpose.label() + " for " + this.year + ": " + this.pot.format() + " (run " + this.id + ")",
					"/allocations/runs/" + this.id);
		}

	}

}
