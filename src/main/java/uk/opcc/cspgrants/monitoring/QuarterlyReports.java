package uk.opcc.cspgrants.monitoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;

/** Builds the quarterly report of a year from its grants and received returns. */
@Service
@Transactional(readOnly = true)
public class QuarterlyReports {

	private final GrantManagement grants;

	private final ReturnManagement returns;

	private final PartnershipManagement partnerships;

	QuarterlyReports(GrantManagement grants, ReturnManagement returns, PartnershipManagement partnerships) {
		this.grants = grants;
		this.returns = returns;
		this.partnerships = partnerships;
	}

	/**
	 * The version of everything a year's reports show: it changes whenever a grant, a
	 * return or a partnership's name does. Without a transaction of its own: each part is
	 * mostly read from memory (see {@code DataVersions}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.grants.version(year) + "/" + this.returns.version(year) + "/" + this.partnerships.version();
	}

	public QuarterlyReport report(FinancialYear year, Quarter quarter) {
		Map<Long, Map<Quarter, ReturnView>> all = this.returns.returnsOf(year);
		List<QuarterlyReport.Input> inputs = new ArrayList<>();
		for (GrantView grant : this.grants.grants(year)) {
			Map<Quarter, QuarterlyReport.Figures> received = new EnumMap<>(Quarter.class);
			Map<Quarter, String> comments = new EnumMap<>(Quarter.class);
			all.getOrDefault(grant.partnershipId(), Map.of()).forEach((q, view) -> {
				if (view.status().received()) {
					received.put(q, new QuarterlyReport.Figures(view.details().plannedAllocation(),
							view.details().cumulativeSpend()));
					if (view.details().comments() != null) {
						comments.put(q, view.details().comments());
					}
				}
			});
			inputs.add(new QuarterlyReport.Input(grant.name(), grant.allocation(), grant.carryForward(), received,
					comments));
		}
		return QuarterlyReport.of(year, quarter, inputs);
	}

}
