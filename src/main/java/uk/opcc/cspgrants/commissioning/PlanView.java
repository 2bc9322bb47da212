package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * A Police and Crime Plan with its themes in order, how many award lines link to each,
 * and the years that commission against it.
 *
 * @param id the plan
 * @param name its name
 * @param publishedOn the day it was published, if known
 * @param version the version read, for a change
 * @param themes its themes in order
 * @param years the years that adopted it, earliest first
 */
public record PlanView(long id, String name, LocalDate publishedOn, long version, List<Theme> themes,
		List<FinancialYear> years) {

	public PlanView {
		themes = List.copyOf(themes);
		years = List.copyOf(years);
	}

	/**
	 * A theme and the award lines linked to it.
	 *
	 * @param theme the theme
	 * @param awardLines how many award lines link to it (then it keeps its name for good)
	 */
	public record Theme(ThemeView theme, int awardLines) {

		public boolean inUse() {
			return this.awardLines > 0;
		}

	}

}
