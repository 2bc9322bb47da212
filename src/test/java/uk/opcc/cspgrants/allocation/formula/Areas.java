package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Builds partnerships' data for tests: {@code Areas.area("E07000130", "Charnwood")...}.
 */
final class Areas {

	static final FinancialYear Y2022 = FinancialYear.parse("2022-23");

	static final FinancialYear Y2023 = FinancialYear.parse("2023-24");

	static final FinancialYear Y2024 = FinancialYear.parse("2024-25");

	private final String code;

	private final String name;

	private final Map<String, Map<FinancialYear, BigDecimal>> values = new LinkedHashMap<>();

	private Long baselinePence;

	private Areas(String code, String name) {
		this.code = code;
		this.name = name;
	}

	/**
	 * Weights in the order given:
	 * {@code weights("population", "60", "recorded_crime", "40")}.
	 */
	static Map<String, BigDecimal> weights(String... keysAndPercents) {
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		for (int i = 0; i < keysAndPercents.length; i += 2) {
			weights.put(keysAndPercents[i], new BigDecimal(keysAndPercents[i + 1]));
		}
		return weights;
	}

	static Areas area(String code, String name) {
		return new Areas(code, name);
	}

	/** One value for one year. */
	Areas with(String indicator, FinancialYear year, long value) {
		return with(indicator, year, BigDecimal.valueOf(value));
	}

	Areas with(String indicator, FinancialYear year, BigDecimal value) {
		this.values.computeIfAbsent(indicator, (key) -> new LinkedHashMap<>()).put(year, value);
		return this;
	}

	/** One value for 2024-25 only. */
	Areas with(String indicator, long value) {
		return with(indicator, Y2024, value);
	}

	Areas baseline(long pence) {
		this.baselinePence = pence;
		return this;
	}

	AreaInput build() {
		return new AreaInput(this.code, this.name, this.values, this.baselinePence);
	}

}
