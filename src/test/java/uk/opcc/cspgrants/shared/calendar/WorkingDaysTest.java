package uk.opcc.cspgrants.shared.calendar;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working days around the summer and Christmas bank holidays of 2024 (England and Wales).
 */
class WorkingDaysTest {

	private final WorkingDays days = new WorkingDays(
			List.of(LocalDate.of(2024, 8, 26), LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 26)));

	@Test
	void countsWorkingDaysBeforeAndAfterADueDate() {
		LocalDate due = LocalDate.of(2024, 10, 30);
		assertThat(this.days.plus(due, -3)).isEqualTo(LocalDate.of(2024, 10, 25));
		assertThat(this.days.plus(due, -10)).isEqualTo(LocalDate.of(2024, 10, 16));
		assertThat(this.days.between(LocalDate.of(2024, 10, 25), due)).isEqualTo(3);
		assertThat(this.days.between(due, LocalDate.of(2024, 11, 4))).isEqualTo(3);
		assertThat(this.days.between(LocalDate.of(2024, 11, 4), due)).isEqualTo(-3);
	}

	@Test
	void skipsBankHolidaysAndWeekends() {
		// Tuesday 30 July 2024 + 20 working days passes the summer bank holiday:
		// Wednesday 28 August
		assertThat(this.days.plus(LocalDate.of(2024, 7, 30), 20)).isEqualTo(LocalDate.of(2024, 8, 28));
		assertThat(this.days.onOrAfter(LocalDate.of(2024, 8, 24))).isEqualTo(LocalDate.of(2024, 8, 27));
		assertThat(this.days.onOrAfter(LocalDate.of(2024, 12, 25))).isEqualTo(LocalDate.of(2024, 12, 27));
		assertThat(this.days.isWorkingDay(LocalDate.of(2024, 12, 24))).isTrue();
		assertThat(this.days.between(LocalDate.of(2024, 12, 24), LocalDate.of(2024, 12, 30))).isEqualTo(2);
	}

}
