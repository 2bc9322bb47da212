package uk.opcc.cspgrants.shared.web;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * What one feature has waiting for a signed-in user, for their home page. Each feature
 * declares one as a bean, as it declares its {@link NavigationEntry navigation links},
 * and reads its own data with a handful of queries: the home page asks every source on
 * each visit.
 */
public interface WorkSource {

	/**
	 * The lines for this user, for their roles only; empty when the feature has nothing
	 * for them.
	 * @param user who is signed in
	 * @param today the day, in the UK, that decides what is overdue
	 */
	List<WorkItem> workFor(CurrentUser user, LocalDate today);

}
