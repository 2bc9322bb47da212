package uk.opcc.cspgrants.allocation;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The partnerships a scenario covers: by default those the run covers (frozen in it), or
 * every active partnership, or a saved group's active members.
 *
 * @param runsOwn whether the scenario covers the run's own partnerships
 * @param partnershipGroupId otherwise the group chosen, or {@code null} for every active
 * partnership
 */
public record ScenarioPartnerships(boolean runsOwn, Long partnershipGroupId) {

	/** The value of the choice on the scenario page for the run's own partnerships. */
	public static final String RUN = "run";

	/** The value of the choice on pages for every active partnership. */
	public static final String ALL = "all";

	public static final ScenarioPartnerships RUNS_OWN = new ScenarioPartnerships(true, null);

	/**
	 * The choice as a page sends it: empty or {@code run} for the run's own, {@code all},
	 * or a group's id.
	 */
	public static ScenarioPartnerships parse(String choice) {
		if (choice == null || choice.isBlank() || choice.strip().equals(RUN)) {
			return RUNS_OWN;
		}
		if (choice.strip().equals(ALL)) {
			return new ScenarioPartnerships(false, null);
		}
		try {
			return new ScenarioPartnerships(false, Long.valueOf(choice.strip()));
		}
		catch (NumberFormatException notAGroup) {
			throw new ValidationException("partnershipGroupId", "Choose the partnerships from the list");
		}
	}

	/** The choice as the page sends it back. */
	public String value() {
		if (this.runsOwn) {
			return RUN;
		}
		return (this.partnershipGroupId != null) ? this.partnershipGroupId.toString() : ALL;
	}

}
