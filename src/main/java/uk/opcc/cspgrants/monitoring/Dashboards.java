package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * Builds the returns dashboard of a year, and says which version of the data it shows.
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

	private final ReturnManagement returns;

	private final PaymentManagement payments;

	private final QuarterlyReports reports;

	private final ReturnDueDates dueDates;

	Dashboards(ReturnManagement returns, PaymentManagement payments, QuarterlyReports reports,
			ReturnDueDates dueDates) {
		this.returns = returns;
		this.dueDates = dueDates;
		this.payments = payments;
		this.reports = reports;
	}

	/** Each partnership's returns, money paid and due, as of {@code today}. */
	public Dashboard dashboard(FinancialYear year, LocalDate today) {
		return dashboard(year, today, null);
	}

	/** The same, of one partnership only when {@code onlyPartnershipId} is given. */
	public Dashboard dashboard(FinancialYear year, LocalDate today, Long onlyPartnershipId) {
		Map<Quarter, LocalDate> dueDates = this.dueDates.of(year);
		Map<Long, Map<Quarter, ReturnView>> all = this.returns.returnsOf(year);
		return Dashboard.of(year,
				this.payments.schedules(year, all)
					.stream()
					.filter(schedule -> onlyPartnershipId == null || schedule.partnershipId() == onlyPartnershipId)
					.toList(),
				all, dueDates, today);
	}

	/**
	 * The version of everything the dashboard shows: grants, returns and partnerships (as
	 * the reports), payments and the year's settings, and the day, since a return falls
	 * overdue with it. Without a transaction of its own: each part is mostly read from
	 * memory (see {@code DataVersions}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year, LocalDate today) {
		return today + " " + this.reports.version(year) + " " + this.payments.version(year);
	}

}
