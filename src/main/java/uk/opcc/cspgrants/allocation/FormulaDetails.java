package uk.opcc.cspgrants.allocation;

import uk.opcc.cspgrants.shared.web.MoneyJson;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an officer says a formula is.
 *
 * @param name e.g. "Population 20%, crime per 1,000 40%, crime harm 40%"
 * @param weights indicator to weight in percent, summing to exactly 100
 * @param windowYears financial years averaged, 1 to 10
 * @param floorAmount minimum allocation in pounds, or {@code null}
 * @param floorPercent minimum allocation as a percentage of the pot, or {@code null}
 * @param maxDecreasePercent largest fall against the baseline, or {@code null}
 * @param maxIncreasePercent largest rise against the baseline, or {@code null}
 */
public record FormulaDetails(String name, Map<String, BigDecimal> weights, int windowYears,
		@JsonSerialize(using = MoneyJson.PoundsWriter.class) @JsonDeserialize(
				using = MoneyJson.PoundsReader.class) BigDecimal floorAmount,
		BigDecimal floorPercent, BigDecimal maxDecreasePercent, BigDecimal maxIncreasePercent) {

	public FormulaDetails {
		name = (name == null) ? null : name.strip();
		Map<String, BigDecimal> nonZero = new LinkedHashMap<>();
		if (weights != null) {
			weights.forEach((key, weight) -> {
				if (weight != null && weight.signum() != 0) {
					nonZero.put(key, weight);
				}
			});
		}
		weights = nonZero;
	}

}
