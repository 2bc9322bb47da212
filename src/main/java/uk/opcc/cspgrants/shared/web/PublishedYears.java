package uk.opcc.cspgrants.shared.web;

import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The financial years whose allocation is published, newest first, for the public start
 * page. Declared by the feature that decides what is published.
 */
public interface PublishedYears {

	List<FinancialYear> publishedAllocationYears();

}
