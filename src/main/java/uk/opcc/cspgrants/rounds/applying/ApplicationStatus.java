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

}
