package uk.opcc.cspgrants.rounds.applying;

/**
 * One of the checks the service makes of a submitted application before an officer
 * decides whether it is eligible: the question, its answer, and what was found.
 *
 * @param question what is checked, in an officer's words
 * @param outcome whether it passed, failed, or needs the officer to look
 * @param found what the service found
 */
public record EligibilityCheck(String question, Outcome outcome, String found) {

	/** How a check came out. */
	public enum Outcome {

		PASSED("Passed"), FAILED("Failed"), TO_CHECK("Check this");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public boolean failed() {
		return this.outcome == Outcome.FAILED;
	}

}
