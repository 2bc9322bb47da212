package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.calendar.BankHolidays;
import uk.opcc.cspgrants.shared.calendar.WorkingDays;

/**
 * When a quarter's returns are due: the quarter's last day plus the year's due days,
 * moved on to the next working day when that falls on a weekend or a bank holiday.
 * 2024-25's returns are due on Tuesday 30 July, Wednesday 30 October 2024, Thursday 30
 * January and Wednesday 30 April 2025 (30 days each, all working days); 2025-26's first
 * quarter's on Wednesday 30 July 2025; 2023-24's, on 30 July 2023 a Sunday, on Monday 31
 * July.
 */
@Component
class ReturnDueDates {

	private final GrantManagement grants;

	private final BankHolidays bankHolidays;

	ReturnDueDates(GrantManagement grants, BankHolidays bankHolidays) {
		this.grants = grants;
		this.bankHolidays = bankHolidays;
	}

	LocalDate of(FinancialYear year, Quarter quarter) {
		return dueDate(year, quarter, this.grants.settings(year).returnDueDays(), workingDays());
	}

	/** Each quarter's due date of a year. */
	Map<Quarter, LocalDate> of(FinancialYear year) {
		int days = this.grants.settings(year).returnDueDays();
		WorkingDays workingDays = workingDays();
		Map<Quarter, LocalDate> dates = new EnumMap<>(Quarter.class);
		for (Quarter quarter : Quarter.values()) {
			dates.put(quarter, dueDate(year, quarter, days, workingDays));
		}
		return dates;
	}

	WorkingDays workingDays() {
		return this.bankHolidays.workingDays();
	}

	static LocalDate dueDate(FinancialYear year, Quarter quarter, int dueDays, WorkingDays workingDays) {
		return workingDays.onOrAfter(quarter.endIn(year).plusDays(dueDays));
	}

}
