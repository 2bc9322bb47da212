package uk.opcc.cspgrants.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "£1,234.50|1234.50", "1234.5|1234.50", "1234|1234.00", "£97,905.00|97905.00",
			"  £ 12.3 |12.30", "-£10|-10.00", "£-10.05|-10.05", "0.07|0.07", ".5|0.50", "1,000,000|1000000.00" })
	void readsWhatPeopleType(String typed, String expected) {
		assertThat(Money.parse(typed).amount()).isEqualByComparingTo(expected);
		assertThat(Money.parse(typed).amount().scale()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "12.345", "£0.001" })
	void refusesFractionsOfAPenny(String typed) {
		assertThatThrownBy(() -> Money.parse(typed)).isInstanceOf(InvalidMoneyException.class)
			.hasMessage("Enter an amount with no more than 2 decimal places");
	}

	@ParameterizedTest
	@ValueSource(strings = { "twelve", "£", "1,23", "12,34.00", "1.2.3", "£12abc", "$12", "1e5" })
	void refusesWhatIsNotAnAmount(String typed) {
		assertThatThrownBy(() -> Money.parse(typed)).isInstanceOf(InvalidMoneyException.class)
			.hasMessage("Enter an amount in pounds and pence, like £1,234.50");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--5", "-£-5", "£--5", "-£--5", "- -5", "---5" })
	void refusesMoreThanOneMinusSign(String typed) {
		assertThatThrownBy(() -> Money.parse(typed)).isInstanceOf(InvalidMoneyException.class)
			.hasMessage("Enter an amount with no more than one minus sign, like -£10.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "10000000000000", "£10,000,000,000,000.00", "-£10000000000000", "99999999999999999999",
			"-99999999999999999999.99" })
	void refusesWhatTheDatabaseCannotHold(String typed) {
		assertThatThrownBy(() -> Money.parse(typed)).isInstanceOf(InvalidMoneyException.class)
			.hasMessage("Enter an amount between -£9,999,999,999,999.99 and £9,999,999,999,999.99");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "£9,999,999,999,999.99|9999999999999.99", "-£9999999999999.99|-9999999999999.99" })
	void takesTheLargestAmountsTheDatabaseHolds(String typed, String expected) {
		assertThat(Money.parse(typed).amount()).isEqualByComparingTo(expected);
	}

	@Test
	void jsonAmountsAreRefusedBeyondTheLimitButSumsAreNot() {
		assertThat(Money.fromJson(new BigDecimal("9999999999999.99")).amount())
			.isEqualByComparingTo("9999999999999.99");
		assertThatThrownBy(() -> Money.fromJson(new BigDecimal("1E+13"))).isInstanceOf(InvalidMoneyException.class)
			.hasMessage("Enter an amount between -£9,999,999,999,999.99 and £9,999,999,999,999.99");
		assertThatThrownBy(() -> Money.fromJson(new BigDecimal("-10000000000000.00")))
			.isInstanceOf(InvalidMoneyException.class);
		assertThatThrownBy(() -> Money.fromJson(new BigDecimal("1.001"))).isInstanceOf(InvalidMoneyException.class);
		Money large = Money.of(new BigDecimal("9999999999999.99"));
		assertThat(large.plus(large).amount()).isEqualByComparingTo("19999999999999.98");
	}

	@Test
	void refusesNothing() {
		assertThatThrownBy(() -> Money.parse("  ")).hasMessage("Enter an amount");
		assertThatThrownBy(() -> Money.parse(null)).hasMessage("Enter an amount");
	}

	@Test
	void addsAndSubtractsExactly() {
		Money sum = Money.of("0.10").plus(Money.of("0.20"));
		assertThat(sum).isEqualTo(Money.of("0.30"));
		assertThat(Money.of("140705.06").minus(Money.of("42800.06"))).isEqualTo(Money.of("97905.00"));
		assertThat(Money.of("1.00").minus(Money.of("2.00")).isNegative()).isTrue();
	}

	@Test
	void knowsItsPence() {
		assertThat(Money.of("97905.01").pence()).isEqualTo(9_790_501L);
		assertThat(Money.ofPence(4_160_298L)).isEqualTo(Money.of("41602.98"));
	}

	@Test
	void refusesExactValuesWithMoreThanTwoDecimals() {
		assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"))).isInstanceOf(InvalidMoneyException.class);
		assertThat(Money.of(new BigDecimal("1.500"))).isEqualTo(Money.of("1.50"));
	}

	@Test
	void showsPoundsAndPenceAndWholePoundsAsPublished() {
		assertThat(Money.of("41602.98").format()).isEqualTo("£41,602.98");
		assertThat(Money.of("-1").format()).isEqualTo("-£1.00");
		assertThat(Money.of("4294482").formatWholePounds()).isEqualTo("£4,294,482");
		assertThat(Money.of("-1").formatWholePounds()).isEqualTo("-£1");
		assertThat(Money.of("0.50").formatWholePounds()).isEqualTo("£1");
		assertThat(Money.of("0.05").format()).isEqualTo("£0.05");
		assertThat(Money.of("999.99").format()).isEqualTo("£999.99");
		assertThat(Money.of("1000").format()).isEqualTo("£1,000.00");
		assertThat(Money.of("-140705.06").format()).isEqualTo("-£140,705.06");
		assertThat(Money.of("3000000").format()).isEqualTo("£3,000,000.00");
		assertThat(Money.of("-0.40").formatWholePounds()).isEqualTo("£0");
		assertThat(Money.of("999.50").formatWholePounds()).isEqualTo("£1,000");
	}

	@Test
	void groupsDigitsAsTheUkNumberFormatDoes() {
		NumberFormat uk = NumberFormat.getNumberInstance(Locale.UK);
		uk.setMinimumFractionDigits(2);
		uk.setMaximumFractionDigits(2);
		Random random = new Random(20261122);
		for (int i = 0; i < 20_000; i++) {
			BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 10_000_000_000_000L, 2);
			assertThat(Money.of(amount).format()).as(amount.toPlainString())
				.isEqualTo((amount.signum() < 0 ? "-£" : "£") + uk.format(amount.abs()));
		}
	}

	@Test
	void equalAmountsAreEqualWhateverTheirInputScale() {
		assertThat(Money.of("10")).isEqualTo(Money.of("10.00")).hasSameHashCodeAs(Money.of("10.0"));
		assertThat(Money.of("10").toString()).isEqualTo("10.00");
	}

}
