package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * One partnership's data for a formula run.
 *
 * @param code the partnership's code (e.g. an ONS code); results are sorted by it and it
 * breaks ties in rounding
 * @param name the partnership's name, as messages show it
 * @param values base indicator key → financial year → value; a missing year (or a
 * {@code null} value) is missing data, never zero; kept as an immutable copy
 * @param baselinePence what the partnership received before (usually last year's
 * allocation), for damping and the change columns; {@code null} if none
 */
public record AreaInput(String code, String name, Map<String, Map<FinancialYear, BigDecimal>> values,
		Long baselinePence) {

	public AreaInput {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		if (code.isBlank()) {
			throw new IllegalArgumentException("Every partnership needs a code");
		}
		Map<String, Map<FinancialYear, BigDecimal>> copy = new HashMap<>();
		if (values != null) {
			values.forEach((key, byYear) -> {
				if (key != null && byYear != null) {
					copy.put(key, YearValues.copyOf(byYear));
				}
			});
		}
		values = Map.copyOf(copy);
	}

	/** The value of a base indicator for a year, or {@code null} if the data has none. */
	public BigDecimal value(String key, FinancialYear year) {
		Map<FinancialYear, BigDecimal> byYear = this.values.get(key);
		return (byYear != null) ? byYear.get(year) : null;
	}

}
