package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * A CSP manager's returns and payments on their home page: the returns of their
 * partnership's grants that are returned to them for correction (with the reason),
 * overdue, or due now (the quarter over, the due date not passed), and the payments of
 * their latest grant, paid and due. One query for the returns; the payment schedules of
 * one year.
 */
@Component
@Transactional(readOnly = true)
class PartnershipWork implements WorkSource {

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final ReturnDueDates dueDates;

	PartnershipWork(JdbcClient jdbc, PaymentManagement payments, ReturnDueDates dueDates) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.dueDates = dueDates;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		if (!user.has(Role.CSP_MANAGER) || user.partnershipId() == null) {
			return List.of();
		}
		Map<FinancialYear, Map<Quarter, LocalDate>> dueDates = new HashMap<>();
		List<QuarterOfGrant> quarters = this.jdbc
			.sql("select g.financial_year, q.quarter, p.code, r.status, r.status_reason "
					+ MonitoringWork.QUARTERS_OF_GRANTS + "join partnership p on p.id = g.partnership_id "
					+ "where g.partnership_id = ? order by g.financial_year, q.quarter")
			.param(user.partnershipId())
			.query((rs, row) -> {
				FinancialYear year = new FinancialYear(rs.getInt(1));
				Quarter quarter = Quarter.valueOf(rs.getString(2));
				return new QuarterOfGrant(year, quarter, rs.getString(3),
						(rs.getString(4) != null) ? ReturnStatus.valueOf(rs.getString(4)) : null, rs.getString(5),
						dueDates.computeIfAbsent(year, this.dueDates::of).get(quarter));
			})
			.list();
		List<WorkItem.Link> returned = new ArrayList<>();
		List<WorkItem.Link> overdue = new ArrayList<>();
		List<WorkItem.Link> due = new ArrayList<>();
		for (QuarterOfGrant quarter : quarters) {
			if (quarter.status() == ReturnStatus.RETURNED) {
				returned.add(quarter.link(" return for " + quarter.year() + " was returned to you for correction: "
						+ ((quarter.reason() != null) ? quarter.reason() : "no reason was given")));
			}
			else if (quarter.status() == null || quarter.status() == ReturnStatus.DRAFT) {
				if (today.isAfter(quarter.due())) {
					overdue.add(quarter.link(" return for " + quarter.year() + " is overdue: it was due on "
							+ Dates.day(quarter.due())));
				}
				else if (today.isAfter(quarter.quarter().endIn(quarter.year()))) {
					due.add(quarter.link(" return for " + quarter.year() + " is due by " + Dates.day(quarter.due())));
				}
			}
		}
		List<WorkItem> items = new ArrayList<>();
		if (!returned.isEmpty()) {
			items.add(WorkItem.waiting(180,
					WorkItem.count(returned.size(), "return", "returns") + " returned to you for correction",
					returned.get(0).href(), returned));
		}
		if (!overdue.isEmpty()) {
			items.add(WorkItem.waiting(181, WorkItem.count(overdue.size(), "return", "returns") + " overdue",
					overdue.get(0).href(), overdue));
		}
		if (!due.isEmpty()) {
			items.add(WorkItem.waiting(182, WorkItem.count(due.size(), "return", "returns") + " due", due.get(0).href(),
					due));
		}
		if (!quarters.isEmpty()) {
			FinancialYear latest = quarters.get(quarters.size() - 1).year();
			this.payments.schedules(latest)
				.stream()
				.filter(schedule -> schedule.partnershipId() == user.partnershipId())
				.findFirst()
				.ifPresent(schedule -> items.add(WorkItem.info(
						120, WorkItem.PARTNERSHIP, "Payments for " + latest + ": " + schedule.paid().format()
								+ " paid, " + schedule.due().format() + " due",
						"/monitoring/payments?year=" + latest)));
		}
		return items;
	}

	private record QuarterOfGrant(FinancialYear year, Quarter quarter, String code, ReturnStatus status, String reason,
			LocalDate due) {

		WorkItem.Link link(String words) {
			return new WorkItem.Link(this.quarter + words,
					"/monitoring/returns/" + this.year + "/" + this.quarter + "/" + this.code);
		}

	}

}
