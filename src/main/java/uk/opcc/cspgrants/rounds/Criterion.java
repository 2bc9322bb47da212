package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;

/**
 * One thing reviewers score an application on, and its weight: the share, out of 100, of
 * an application's total that it carries.
 *
 * @param name what is scored ("Evidence of need")
 * @param guidance what reviewers look for
 * @param weight its weight, more than 0, to the penny of a percentage point
 */
public record Criterion(String name, String guidance, BigDecimal weight) {

	public Criterion {
		name = (name != null) ? name.strip() : "";
		guidance = (guidance != null) ? guidance.strip() : "";
	}

}
