package uk.opcc.cspgrants.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's JSON mapper reads each scalar only from its own JSON type. */
class StrictJsonTest {

	private final JsonMapper strict = strictMapper();

	record Sample(String note, Integer count, Long id, BigDecimal amount, Boolean flag, LocalDate on, RoundingMode mode,
			Money pot, FinancialYear year) {
	}

	private static JsonMapper strictMapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		StrictJson.apply(builder);
		builder.addModule(MoneyJson.module());
		return builder.build();
	}

	@Test
	void readsEachScalarFromItsOwnType() {
		Sample sample = this.strict.readValue(
				"{\"note\":\"five\",\"count\":5,\"id\":7,\"amount\":12.5,\"flag\":true,"
						+ "\"on\":\"2025-03-31\",\"mode\":\"HALF_UP\",\"pot\":97905.00,\"year\":\"2024-25\"}",
				Sample.class);
		assertThat(sample).isEqualTo(new Sample("five", 5, 7L, new BigDecimal("12.5"), true, LocalDate.of(2025, 3, 31),
				RoundingMode.HALF_UP, Money.of("97905.00"), FinancialYear.parse("2024-25")));
		assertThat(this.strict.readValue("{\"pot\":97905}", Sample.class).pot()).isEqualTo(Money.of("97905.00"));
		assertThat(this.strict.readValue("{\"pot\":\"97905.00\"}", Sample.class).pot()).isEqualTo(Money.of("97905.00"));
		assertThat(this.strict.writeValueAsString(sample)).contains("\"pot\":\"97905.00\"");
		assertThat(this.strict.readValue("{\"amount\":12}", Sample.class).amount()).isEqualByComparingTo("12");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"note\":5}", "{\"note\":5.5}", "{\"note\":true}", "{\"count\":\"5\"}",
			"{\"count\":5.7}", "{\"count\":true}", "{\"id\":\"7\"}", "{\"amount\":\"12.5\"}", "{\"amount\":false}",
			"{\"flag\":1}", "{\"flag\":\"true\"}", "{\"flag\":0.0}", "{\"on\":45000}", "{\"on\":\"45000\"}",
			"{\"on\":[2025,3,31]}", "{\"on\":\"2025-3-31\"}", "{\"on\":\"2025-03-31T10:00:00\"}",
			"{\"on\":\"2025-02-30\"}", "{\"mode\":1}", "{\"pot\":\"£97,905\"}", "{\"pot\":\"97905.001\"}",
			"{\"pot\":true}", "{\"year\":2024}" })
	void refusesAScalarOfAnotherType(String json) {
		assertThatThrownBy(() -> this.strict.readValue(json, Sample.class)).isInstanceOf(DatabindException.class);
	}

	@Test
	void theLenientDefaultsThisReplacesWouldHaveTakenThem() {
		JsonMapper lenient = JsonMapper.builder().build();
		assertThat(lenient.readValue("{\"note\":5,\"count\":\"5\",\"flag\":1,\"on\":45000}", Sample.class))
			.extracting(Sample::note, Sample::count, Sample::flag, Sample::on)
			.containsExactly("5", 5, true, LocalDate.ofEpochDay(45000));
	}

}
