package uk.opcc.cspgrants.shared;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A UK public-sector financial year, 1 April to 31 March, written {@code 2024-25}.
 *
 * @param startYear the calendar year in which the financial year starts
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})[-/](\\d{2}|\\d{4})");

	public FinancialYear {
		if (startYear < 1900 || startYear > 2999) {
			throw new IllegalArgumentException("A financial year must start between 1900 and 2999");
		}
	}

	/** Reads {@code 2024-25} (also {@code 2024/25} and {@code 2024-2025}). */
	@JsonCreator
	public static FinancialYear parse(String text) {
		Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Enter a financial year like 2024-25");
		}
		int start = Integer.parseInt(matcher.group(1));
		String end = matcher.group(2);
		int expectedEnd = start + 1;
		boolean endMatches = (end.length() == 2) ? Integer.parseInt(end) == expectedEnd % 100
				: Integer.parseInt(end) == expectedEnd;
		if (!endMatches) {
			throw new IllegalArgumentException(
					"A financial year runs into the next calendar year: enter " + new FinancialYear(start));
		}
		return new FinancialYear(start);
	}

	/** The financial year a date falls in. */
	public static FinancialYear of(LocalDate date) {
		return new FinancialYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
	}

	public LocalDate startDate() {
		return LocalDate.of(this.startYear, Month.APRIL, 1);
	}

	public LocalDate endDate() {
		return LocalDate.of(this.startYear + 1, Month.MARCH, 31);
	}

	/**
	 * 1 October: the first day of the year's second half (an award schedule's columns are
	 * April to September and October to March).
	 */
	public LocalDate secondHalfStart() {
		return LocalDate.of(this.startYear, Month.OCTOBER, 1);
	}

	/** Whether a day of the year falls in April to September. */
	public boolean inFirstHalf(LocalDate date) {
		return date.isBefore(secondHalfStart());
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(startDate()) && !date.isAfter(endDate());
	}

	public Quarter quarterOf(LocalDate date) {
		if (!contains(date)) {
			throw new IllegalArgumentException(date + " is not in the financial year " + this);
		}
		return Quarter.of(date.getMonth());
	}

	/**
	 * The years a page offers to choose from: next year back over twelve years, and
	 * always the year being shown.
	 */
	public static List<FinancialYear> choices(FinancialYear shown, LocalDate today) {
		List<FinancialYear> years = new ArrayList<>();
		FinancialYear latest = FinancialYear.of(today).next();
		if (shown != null && shown.compareTo(latest) > 0) {
			latest = shown;
		}
		for (FinancialYear year = latest; years.size() < 12
				|| (shown != null && year.compareTo(shown) >= 0); year = year.previous()) {
			years.add(year);
		}
		return years;
	}

	public FinancialYear previous() {
		return new FinancialYear(this.startYear - 1);
	}

	public FinancialYear next() {
		return new FinancialYear(this.startYear + 1);
	}

	@Override
	public int compareTo(FinancialYear other) {
		return Integer.compare(this.startYear, other.startYear);
	}

	@Override
	@JsonValue
	public String toString() {
		int end = (this.startYear + 1) % 100;
		return this.startYear + ((end < 10) ? "-0" : "-") + end;
	}

}
