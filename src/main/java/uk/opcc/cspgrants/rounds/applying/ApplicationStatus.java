package uk.opcc.cspgrants.rounds.applying;

/**
 * Where an application has got to, and what its applicant is told: never scores or who
 * reviewed it.
 */
public enum ApplicationStatus {

	DRAFT("Draft", "Draft"), SUBMITTED("Submitted", "Submitted"), ELIGIBLE("Being assessed", "Eligible"),
	INELIGIBLE("Not eligible", "Not eligible"), AWARDED("Successful", "Awarded"),
	NOT_AWARDED("Unsuccessful", "Not awarded"), WITHDRAWN("Withdrawn", "Withdrawn");

	private final String forApplicant;

	private final String label;

	ApplicationStatus(String forApplicant, String label) {
		this.forApplicant = forApplicant;
		this.label = label;
	}

	/** The status in officers' words. */
	public String label() {
		return this.label;
	}

	/** The status in the applicant's words. */
	public String forApplicant() {
		return this.forApplicant;
	}

	/**
	 * True when the application was found eligible and so reviewed and ranked: eligible,
	 * and after the round's decision awarded or not.
	 */
	public boolean foundEligible() {
		return this == ELIGIBLE || this == AWARDED || this == NOT_AWARDED;
	}

}
