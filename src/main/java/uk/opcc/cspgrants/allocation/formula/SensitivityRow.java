package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario of a sensitivity table: one indicator's weight moved by 10 points and what
 * every partnership would then receive.
 *
 * @param indicator the indicator whose weight moved
 * @param direction {@code "+10"} or {@code "-10"}
 * @param weightsPercent all the weights of the scenario (adding up to 100)
 * @param finalPenceByCode each partnership's allocation by code, in code order
 */
public record SensitivityRow(String indicator, String direction, Map<String, BigDecimal> weightsPercent,
		Map<String, Long> finalPenceByCode) {

	public SensitivityRow {
		weightsPercent = Collections.unmodifiableMap(new LinkedHashMap<>(weightsPercent));
		finalPenceByCode = Collections.unmodifiableMap(new LinkedHashMap<>(finalPenceByCode));
	}

}
