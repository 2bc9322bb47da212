package uk.opcc.cspgrants.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A date as the GOV.UK date input pattern asks for it: day, month and year typed in three
 * boxes, kept as typed so that a refused date is shown again exactly as it was. A form
 * binds it from {@code field.day}, {@code field.month} and {@code field.year} (see the
 * {@code fragments/forms :: dateInput} fragment) and turns it into a date with
 * {@link #toDate(String, String)}, whose refusals are the Design System's messages.
 * <p>
 * The month may be a number or a month's name ("7", "07", "July", "jul").
 *
 * @param day as typed
 * @param month as typed
 * @param year as typed
 */
public record DateParts(String day, String month, String year) {

	/** The parts of a date, for a form that starts filled in. */
	public static DateParts of(LocalDate date) {
		if (date == null) {
			return empty();
		}
		return new DateParts(Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
				Integer.toString(date.getYear()));
	}

	public static DateParts empty() {
		return new DateParts("", "", "");
	}

	/** True when nothing at all was typed. */
	public boolean isBlank() {
		return blank(this.day) && blank(this.month) && blank(this.year);
	}

	/**
	 * The date typed, or a refusal on {@code field} worded as the GOV.UK date input
	 * pattern says: "Enter the date the payment was made", "Date the payment was made
	 * must include a month", "Date the payment was made must be a real date", "Year must
	 * include 4 numbers".
	 * @param field the form field the message belongs to
	 * @param what what the date is, in lower case: "the date the payment was made"
	 */
	public LocalDate toDate(String field, String what) {
		if (isBlank()) {
			throw new ValidationException(field, "Enter " + what);
		}
		String subject = Character.toUpperCase(what.charAt(0)) + what.substring(1);
		List<String> missing = new ArrayList<>();
		if (blank(this.day)) {
			missing.add("day");
		}
		if (blank(this.month)) {
			missing.add("month");
		}
		if (blank(this.year)) {
			missing.add("year");
		}
		if (!missing.isEmpty()) {
			throw new ValidationException(field, subject + " must include a " + String.join(" and a ", missing));
		}
		String year = this.year.strip();
		if (!year.matches("\\d{4}")) {
			throw new ValidationException(field, "Year must include 4 numbers");
		}
		Integer day = number(this.day);
		Integer month = month(this.month);
		if (day == null || month == null) {
			throw new ValidationException(field, subject + " must be a real date");
		}
		try {
			return LocalDate.of(Integer.parseInt(year), month, day);
		}
		catch (DateTimeException notADate) {
			throw new ValidationException(field, subject + " must be a real date");
		}
	}

	/** The date typed, or null when nothing was typed; refusals as {@link #toDate}. */
	public LocalDate toDateOrNull(String field, String what) {
		return isBlank() ? null : toDate(field, what);
	}

	private static Integer number(String text) {
		String digits = text.strip();
		if (!digits.matches("\\d{1,2}")) {
			return null;
		}
		return Integer.parseInt(digits);
	}

	private static Integer month(String text) {
		Integer number = number(text);
		if (number != null) {
			return (number >= 1 && number <= 12) ? number : null;
		}
		String name = text.strip().toLowerCase(Locale.UK);
		if (name.length() < 3) {
			return null;
		}
		for (Month month : Month.values()) {
			String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.UK);
			if (full.startsWith(name)) {
				return month.getValue();
			}
		}
		return null;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
