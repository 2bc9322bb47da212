package uk.opcc.cspgrants.shared.web;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The grant rounds taking applications now, soonest to close first, for the public start
 * page and the applicant's home page. Declared here so that pages outside the rounds
 * feature need not depend on it; the rounds feature implements it.
 */
public interface OpenRounds {

	List<OpenRound> open();

	/**
	 * A round taking applications.
	 *
	 * @param reference its reference, for its public page
	 * {@code /public/rounds/{reference}}
	 * @param title its title
	 * @param closesAt when it stops taking applications
	 */
	record OpenRound(String reference, String title, OffsetDateTime closesAt) {
	}

}
