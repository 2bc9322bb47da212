package uk.opcc.cspgrants.allocation.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import uk.opcc.cspgrants.shared.FinancialYear;

import static org.assertj.core.api.Assertions.assertThat;

/** The small helpers the calculator relies on. */
class InternalsTest {

	@Property(tries = 2000, edgeCases = EdgeCasesMode.MIXIN)
	void approximatesAnyAmountToWithinOnePartInAQuadrillion(
			@ForAll @BigRange(min = "0.000000001", max = "1000000000000000") @Scale(9) BigDecimal amount,
			@ForAll @IntRange(min = 0, max = 60) int extraDigits) {
		BigDecimal value = amount.divide(BigDecimal.valueOf(7), new MathContext(15 + extraDigits));

		double approx = Approx.of(value);

		assertThat(Math.abs(approx - value.doubleValue()) / value.doubleValue()).isLessThan(1e-15);
	}

	@Test
	void keepsYearValuesAsAnOrdinaryImmutableMap() {
		Map<FinancialYear, BigDecimal> values = new HashMap<>();
		values.put(new FinancialYear(2024), BigDecimal.ONE);
		values.put(new FinancialYear(2022), BigDecimal.TEN);
		values.put(new FinancialYear(2023), null);

		YearValues copy = YearValues.copyOf(values);

		assertThat(copy).hasSize(2)
			.containsEntry(new FinancialYear(2022), BigDecimal.TEN)
			.containsEntry(new FinancialYear(2024), BigDecimal.ONE)
			.doesNotContainKey(new FinancialYear(2023));
		assertThat(copy.get(new FinancialYear(2025))).isNull();
		assertThat(copy.get("2024-25")).isNull();
		assertThat(copy.keySet()).containsExactly(new FinancialYear(2022), new FinancialYear(2024));
		assertThat(copy)
			.isEqualTo(Map.of(new FinancialYear(2022), BigDecimal.TEN, new FinancialYear(2024), BigDecimal.ONE));
	}

}
