package uk.opcc.cspgrants.allocation;

import uk.opcc.cspgrants.shared.web.MoneyJson;
import tools.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import uk.opcc.cspgrants.allocation.formula.Damping;
import uk.opcc.cspgrants.allocation.formula.Floor;
import uk.opcc.cspgrants.allocation.formula.FormulaSpec;

/**
 * One version of a formula.
 *
 * @param id the version's id, which runs cite
 * @param formulaId the formula it belongs to
 * @param name the formula's name
 * @param number 1 for the first version, then 2, 3 ...
 * @param weights indicator to weight in percent; they sum to 100
 * @param windowYears how many financial years of indicator data are averaged
 * @param floorAmount a minimum allocation in pounds, or {@code null}
 * @param floorPercent a minimum allocation as a percentage of the pot, or {@code null}
 * @param maxDecreasePercent the largest fall against the baseline, or {@code null}
 * @param maxIncreasePercent the largest rise against the baseline, or {@code null}
 * @param locked true once an approved run has used it: it can then never change
 * @param createdAt when it was made
 * @param createdBy who made it
 */
public record FormulaVersionView(long id, long formulaId, String name, int number, Map<String, BigDecimal> weights,
		int windowYears, @JsonSerialize(using = MoneyJson.PoundsWriter.class) BigDecimal floorAmount,
		BigDecimal floorPercent, BigDecimal maxDecreasePercent, BigDecimal maxIncreasePercent, boolean locked,
		Instant createdAt, String createdBy) {

	/** e.g. "Population, crime and harm (version 2)". */
	public String label() {
		return this.name + " (version " + this.number + ")";
	}

	public FormulaSpec spec() {
		return new FormulaSpec(this.weights, new Floor(this.floorAmount, this.floorPercent),
				new Damping(this.maxDecreasePercent, this.maxIncreasePercent));
	}

}
