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

}
