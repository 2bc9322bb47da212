package uk.opcc.cspgrants.shared.web;

import java.time.Instant;
import java.util.List;

/**
 * An applicant's own applications to grant rounds, the latest started first, for their
 * home page. Declared here so that the applicant's home page need not depend on the
 * rounds feature; the rounds feature implements it.
 */
public interface ApplicantApplications {

	List<Summary> of(long applicantUserId);

	/**
	 * An application in the applicant's list.
	 *
	 * @param id its id, for its page {@code /apply/applications/{id}}
	 * @param name the project's title, or a placeholder until given
	 * @param roundTitle the round it applies to
	 * @param status its status in the applicant's words
	 * @param completed sections completed
	 * @param sections sections in all
	 * @param closesAt when the round closes to applications
	 */
	record Summary(long id, String name, String roundTitle, String status, long completed, int sections,
			Instant closesAt) {
	}

}
