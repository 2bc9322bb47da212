package uk.opcc.cspgrants.rounds.applying;

/**
 * Where an application has got to, and what its applicant is told: never scores or who
 * reviewed it.
 */
public enum ApplicationStatus {

	DRAFT("Draft"), SUBMITTED("Submitted"), ELIGIBLE("Being assessed"), INELIGIBLE("Not eligible"),
	AWARDED("Successful"), NOT_AWARDED("Unsuccessful"), WITHDRAWN("Withdrawn");

	private final String forApplicant;

	ApplicationStatus(String forApplicant) {
		this.forApplicant = forApplicant;
	}

	/** The status in the applicant's words. */
	public String forApplicant() {
		return this.forApplicant;
	}

}
