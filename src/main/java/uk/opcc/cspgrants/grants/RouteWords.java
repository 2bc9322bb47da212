package uk.opcc.cspgrants.grants;

import java.util.Map;

/**
 * The purchasing routes of the Commissioning Intentions in words, for the grants' pages
 * (the grants module reads a grant's route by name and does not know the commissioning
 * module that defines them; a test holds these to its words).
 */
public final class RouteWords {

	static final Map<String, String> LABELS = Map.of("DIRECT", "Direct commissioning", "CONTRACT",
			"Co-commissioning with existing commissioners under contract", "CSP_BUSINESS_CASE",
			"Co-commissioning with Community Safety Partnerships on business cases", "PCC_GRANT", "PCC Grant round",
			"INNOVATION_FUND", "Innovation Fund", "BCU_FUND", "BCU Fund");

	private RouteWords() {
	}

	/** A route's words, or its name when it is not one of the six. */
	public static String of(String route) {
		return LABELS.getOrDefault(route, route);
	}

}
