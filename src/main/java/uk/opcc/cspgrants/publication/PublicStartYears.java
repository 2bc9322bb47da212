package uk.opcc.cspgrants.publication;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.web.PublishedYears;

/**
 * The years the public start page lists: those with an allocation a published, Supported
 * decision record decided, as {@code /public/allocations/{year}} shows them.
 */
@Component
class PublicStartYears implements PublishedYears {

	private final PublishedDecisions published;

	PublicStartYears(PublishedDecisions published) {
		this.published = published;
	}

	@Override
	public List<FinancialYear> publishedAllocationYears() {
		return this.published.publishedRuns()
			.stream()
			.map(PublishedDecisions.PublishedRun::run)
			.map(RunView::year)
			.distinct()
			.sorted(Comparator.reverseOrder())
			.toList();
	}

}
