package uk.opcc.cspgrants.shared;

import java.time.LocalDate;
import java.time.Month;

/** A quarter of a financial year: Q1 is April to June, Q4 is January to March. */
public enum Quarter {

	Q1(Month.APRIL, "April to June"), Q2(Month.JULY, "July to September"), Q3(Month.OCTOBER, "October to December"),
	Q4(Month.JANUARY, "January to March");

	private final Month firstMonth;

	private final String months;

	Quarter(Month firstMonth, String months) {
		this.firstMonth = firstMonth;
		this.months = months;
	}

	public int number() {
		return ordinal() + 1;
	}

	/** e.g. "April to June". */
	public String months() {
		return this.months;
	}

	public Month firstMonth() {
		return this.firstMonth;
	}

	/** The quarter of the financial year that a calendar month falls in. */
	public static Quarter of(Month month) {
		return values()[((month.getValue() + 8) % 12) / 3];
	}

	public LocalDate startIn(FinancialYear year) {
		int calendarYear = (this == Q4) ? year.startYear() + 1 : year.startYear();
		return LocalDate.of(calendarYear, this.firstMonth, 1);
	}

	public LocalDate endIn(FinancialYear year) {
		return startIn(year).plusMonths(3).minusDays(1);
	}

	/** Reads "Q2" or "q2"; anything else is refused with a message. */
	public static Quarter parse(String text) {
		if (text != null) {
			for (Quarter quarter : values()) {
				if (quarter.name().equalsIgnoreCase(text.strip())) {
					return quarter;
				}
			}
		}
		throw new IllegalArgumentException("Enter a quarter, Q1 to Q4");
	}

}
