package uk.opcc.cspgrants.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Monday to Friday, except bank holidays: the days on which returns fall due and people
 * are reminded. Plain Java: the bank holidays come from {@link BankHolidays}.
 */
public final class WorkingDays {

	private final Set<LocalDate> bankHolidays;

	public WorkingDays(Collection<LocalDate> bankHolidays) {
		this.bankHolidays = Set.copyOf(bankHolidays);
	}

	public boolean isWorkingDay(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !this.bankHolidays.contains(day);
	}

	/** The day itself if it is a working day, else the next working day after it. */
	public LocalDate onOrAfter(LocalDate day) {
		LocalDate found = day;
		while (!isWorkingDay(found)) {
			found = found.plusDays(1);
		}
		return found;
	}

	/**
	 * The working day {@code count} working days after {@code day} (before it, for a
	 * negative count): 3 working days before Wednesday 30 October 2024 is Friday 25
	 * October. {@code plus(day, 0)} is {@link #onOrAfter(LocalDate)}.
	 */
	public LocalDate plus(LocalDate day, int count) {
		if (count == 0) {
			return onOrAfter(day);
		}
		int step = (count > 0) ? 1 : -1;
		LocalDate found = day;
		for (int left = Math.abs(count); left > 0;) {
			found = found.plusDays(step);
			if (isWorkingDay(found)) {
				left--;
			}
		}
		return found;
	}

	/**
	 * How many working days from {@code from} to {@code to}: the working days after
	 * {@code from} up to and including {@code to}, negative when {@code to} is earlier
	 * (counting the working days after {@code to} up to and including {@code from}). So a
	 * return due on Wednesday 30 October 2024 is, on Friday 25 October, 3 working days
	 * away ({@code between(25 Oct, 30 Oct) == 3}) and, on Monday 4 November, 3 working
	 * days overdue ({@code between(30 Oct, 4 Nov) == 3}).
	 */
	public int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

}
