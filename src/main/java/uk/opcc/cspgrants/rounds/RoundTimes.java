package uk.opcc.cspgrants.rounds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * The moment a round opens or closes, typed as a GOV.UK date input and a time in UK time:
 * "9am", "9:30am", "5pm", "17:00", "midday". "Midnight" is refused, as the GOV.UK style
 * guide advises: it could be the start or the end of a day.
 */
final class RoundTimes {

	private static final Pattern TWELVE_HOUR = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?m\\.?");

	private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

	private RoundTimes() {
	}

	/**
	 * The moment typed, or a refusal on {@code field}.
	 * @param what what the moment is, in lower case: "the round opens"
	 */
	static Instant toInstant(DateParts date, String time, String field, String what) {
		LocalDate day = ((date != null) ? date : DateParts.empty()).toDate(field, "the date " + what);
		return ZonedDateTime.of(day, toTime(time, field, what), Dates.UK).toInstant();
	}

	static LocalTime toTime(String typed, String field, String what) {
		String text = (typed != null) ? typed.strip().toLowerCase(Locale.UK) : "";
		if (text.isEmpty()) {
			throw new ValidationException(field, "Enter the time " + what + ", for example 9am or 17:00");
		}
		if (text.equals("midday") || text.equals("noon")) {
			return LocalTime.NOON;
		}
		if (text.equals("midnight")) {
			throw new ValidationException(field, "Enter 12:01am or 11:59pm for the time " + what
					+ ": midnight could be the start or the end of the day");
		}
		Matcher twelve = TWELVE_HOUR.matcher(text);
		Matcher twentyFour = TWENTY_FOUR_HOUR.matcher(text);
		int hour;
		int minute;
		if (twelve.matches()) {
			hour = Integer.parseInt(twelve.group(1));
			minute = (twelve.group(2) != null) ? Integer.parseInt(twelve.group(2)) : 0;
			if (hour < 1 || hour > 12) {
				throw notATime(field, what);
			}
			hour = (hour % 12) + (twelve.group(3).equals("p") ? 12 : 0);
		}
		else if (twentyFour.matches()) {
			hour = Integer.parseInt(twentyFour.group(1));
			minute = Integer.parseInt(twentyFour.group(2));
		}
		else {
			throw notATime(field, what);
		}
		if (hour > 23 || minute > 59) {
			throw notATime(field, what);
		}
		return LocalTime.of(hour, minute);
	}

	/** The date of a moment in UK time, for a form that starts filled in. */
	static DateParts dateOf(Instant moment) {
		return DateParts.of(moment.atZone(Dates.UK).toLocalDate());
	}

	/** The time of a moment in UK time, as a person types it ("9:00am", "5:30pm"). */
	static String timeOf(Instant moment) {
		LocalTime time = moment.atZone(Dates.UK).toLocalTime();
		int hour = time.getHour() % 12;
		return ((hour == 0) ? 12 : hour) + ":" + String.format(Locale.UK, "%02d", time.getMinute())
				+ ((time.getHour() < 12) ? "am" : "pm");
	}

	private static ValidationException notATime(String field, String what) {
		return new ValidationException(field,
				"Enter the time " + what + " as a real time, for example 9am, 5:30pm or 17:00");
	}

}
