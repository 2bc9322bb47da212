package uk.opcc.cspgrants.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FinancialYearTest {

	@Test
	void isWrittenTheWayOfficersWriteIt() {
		assertThat(new FinancialYear(2024)).hasToString("2024-25");
		assertThat(new FinancialYear(1999)).hasToString("1999-00");
		assertThat(FinancialYear.parse("2016-17")).isEqualTo(new FinancialYear(2016));
		assertThat(FinancialYear.parse("2016/17")).isEqualTo(new FinancialYear(2016));
		assertThat(FinancialYear.parse("2016-2017")).isEqualTo(new FinancialYear(2016));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024", "2024-26", "24-25", "2024-2026", "next year", "" })
	void refusesWhatIsNotAFinancialYear(String text) {
		assertThatThrownBy(() -> FinancialYear.parse(text)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void runsFromAprilToMarch() {
		FinancialYear year = FinancialYear.parse("2023-24");
		assertThat(year.startDate()).isEqualTo(LocalDate.of(2023, 4, 1));
		assertThat(year.endDate()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(year.contains(LocalDate.of(2024, 2, 29))).isTrue();
		assertThat(year.contains(LocalDate.of(2024, 4, 1))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "2023-04-01,2023,Q1", "2023-06-30,2023,Q1", "2023-07-01,2023,Q2", "2023-12-31,2023,Q3",
			"2024-01-01,2023,Q4", "2024-03-31,2023,Q4" })
	void knowsTheYearAndQuarterOfADate(LocalDate date, int startYear, Quarter quarter) {
		FinancialYear year = FinancialYear.of(date);
		assertThat(year.startYear()).isEqualTo(startYear);
		assertThat(year.quarterOf(date)).isEqualTo(quarter);
	}

	@Test
	void refusesTheQuarterOfADateInAnotherYear() {
		assertThatThrownBy(() -> new FinancialYear(2023).quarterOf(LocalDate.of(2024, 4, 1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void splitsIntoAprilToSeptemberAndOctoberToMarch() {
		FinancialYear year = FinancialYear.parse("2013-14");
		assertThat(year.secondHalfStart()).isEqualTo(LocalDate.of(2013, 10, 1));
		assertThat(year.inFirstHalf(LocalDate.of(2013, 4, 1))).isTrue();
		assertThat(year.inFirstHalf(LocalDate.of(2013, 9, 30))).isTrue();
		assertThat(year.inFirstHalf(LocalDate.of(2013, 10, 1))).isFalse();
		assertThat(year.inFirstHalf(LocalDate.of(2014, 3, 31))).isFalse();
	}

	@Test
	void ordersAndSteps() {
		FinancialYear year = new FinancialYear(2015);
		assertThat(year.next()).hasToString("2016-17");
		assertThat(year.previous()).hasToString("2014-15");
		assertThat(year).isLessThan(year.next());
	}

}
