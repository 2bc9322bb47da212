package uk.opcc.cspgrants.commissioning;

/**
 * How money is committed: the six purchasing systems of the Commissioning Intentions (EXE
 * 0025/13). The route decides what an award needs before it can be approved.
 */
public enum PurchasingRoute {

	DIRECT("Direct commissioning", Needs.NOTHING),
	CONTRACT("Co-commissioning with existing commissioners under contract", Needs.CONTRACT),
	CSP_BUSINESS_CASE("Co-commissioning with Community Safety Partnerships on business cases", Needs.BUSINESS_CASE),
	PCC_GRANT("PCC Grant round", Needs.ROUND), INNOVATION_FUND("Innovation Fund", Needs.NOTHING),
	BCU_FUND("BCU Fund", Needs.NOTHING);

	/** What an award on a route needs before it can be approved. */
	public enum Needs {

		NOTHING, BUSINESS_CASE, CONTRACT, ROUND

	}

	private final String label;

	private final Needs needs;

	PurchasingRoute(String label, Needs needs) {
		this.label = label;
		this.needs = needs;
	}

	public String label() {
		return this.label;
	}

	public Needs needs() {
		return this.needs;
	}

	/**
	 * The reference an award on this route lacks before it can be approved ("a contract
	 * reference"), or {@code null} when it has what the route needs.
	 */
	public String missing(String businessCaseRef, String contractRef, String roundRef) {
		return switch (this.needs) {
			case BUSINESS_CASE -> (businessCaseRef == null) ? "a business case reference" : null;
			case CONTRACT -> (contractRef == null) ? "a contract reference" : null;
			case ROUND -> (roundRef == null) ? "a grant round reference" : null;
			case NOTHING -> null;
		};
	}

}
