package uk.opcc.cspgrants.rounds.applying;

/**
 * The eligibility question as sent: "yes" or "no", the reasons, and the version read.
 */
public record EligibilityForm(String eligible, String reasons, Long version) {

	static EligibilityForm of(ApplicationView application) {
		String eligible = switch (application.status()) {
			case ELIGIBLE -> "yes";
			case INELIGIBLE -> "no";
			default -> null;
		};
		return new EligibilityForm(eligible, application.eligibilityReasons(), application.version());
	}

	public EligibilityAnswer answer() {
		Boolean yes = "yes".equals(this.eligible) ? Boolean.TRUE : "no".equals(this.eligible) ? Boolean.FALSE : null;
		return new EligibilityAnswer(yes, this.reasons);
	}

	EligibilityForm withVersion(long now) {
		return new EligibilityForm(this.eligible, this.reasons, now);
	}

}
