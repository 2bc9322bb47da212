package uk.opcc.cspgrants.shared;

import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuarterTest {

	@Test
	void quartersFollowTheFinancialYear() {
		assertThat(Quarter.of(Month.APRIL)).isEqualTo(Quarter.Q1);
		assertThat(Quarter.of(Month.JUNE)).isEqualTo(Quarter.Q1);
		assertThat(Quarter.of(Month.SEPTEMBER)).isEqualTo(Quarter.Q2);
		assertThat(Quarter.of(Month.OCTOBER)).isEqualTo(Quarter.Q3);
		assertThat(Quarter.of(Month.JANUARY)).isEqualTo(Quarter.Q4);
		assertThat(Quarter.of(Month.MARCH)).isEqualTo(Quarter.Q4);
	}

	@Test
	void knowsItsDatesInAYear() {
		FinancialYear year = FinancialYear.parse("2016-17");
		assertThat(Quarter.Q1.startIn(year)).isEqualTo(LocalDate.of(2016, 4, 1));
		assertThat(Quarter.Q2.endIn(year)).isEqualTo(LocalDate.of(2016, 9, 30));
		assertThat(Quarter.Q4.startIn(year)).isEqualTo(LocalDate.of(2017, 1, 1));
		assertThat(Quarter.Q4.endIn(year)).isEqualTo(LocalDate.of(2017, 3, 31));
		assertThat(Quarter.Q2.months()).isEqualTo("July to September");
		assertThat(Quarter.Q3.number()).isEqualTo(3);
	}

	@Test
	void readsItsName() {
		assertThat(Quarter.parse("q2")).isEqualTo(Quarter.Q2);
		assertThatThrownBy(() -> Quarter.parse("Q5")).hasMessage("Enter a quarter, Q1 to Q4");
	}

}
