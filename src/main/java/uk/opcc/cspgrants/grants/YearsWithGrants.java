package uk.opcc.cspgrants.grants;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * What a year picker offers: the years with grants (latest first) and the year shown,
 * which is the one asked for or else the latest with grants. A year asked for that has
 * none is offered too, so the picker says where the page is.
 *
 * @param shown the year the page shows
 * @param withGrants the years that have grants, latest first
 */
public record YearsWithGrants(FinancialYear shown, List<FinancialYear> withGrants) {

	public YearsWithGrants {
		withGrants = List.copyOf(withGrants);
	}

	/** The picker's years, latest first. */
	public List<FinancialYear> choices() {
		List<FinancialYear> choices = new ArrayList<>(this.withGrants);
		if (!choices.contains(this.shown)) {
			choices.add(this.shown);
			choices.sort(Comparator.reverseOrder());
		}
		return choices;
	}

	/** Whether the year shown has any grants. */
	public boolean shownHasGrants() {
		return this.withGrants.contains(this.shown);
	}

}
