package uk.opcc.cspgrants.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates as the GOV.UK style guide writes them for people: "31 July 2024", "July 2024", "2
 * December 2026 at 4:42pm" (UK time). Files a machine reads (CSV, JSON, 360Giving) keep
 * ISO 8601.
 */
public final class Dates {

	/** Where the users are: times are shown in UK time, summer or winter. */
	public static final ZoneId UK = ZoneId.of("Europe/London");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	private Dates() {
	}

	/** "31 July 2024"; empty for no date. */
	public static String day(TemporalAccessor date) {
		if (date == null) {
			return "";
		}
		return DAY.format(LocalDate.from(inUk(date)));
	}

	/** "July 2024"; empty for no date. */
	public static String month(TemporalAccessor date) {
		if (date == null) {
			return "";
		}
		if (date instanceof YearMonth month) {
			return MONTH.format(month);
		}
		return MONTH.format(YearMonth.from(inUk(date)));
	}

	/**
	 * "2 December 2026 at 4:42pm" in UK time; "at midday" and "at midnight" as the style
	 * guide says. Empty for no time.
	 */
	public static String dayAndTime(TemporalAccessor moment) {
		if (moment == null) {
			return "";
		}
		TemporalAccessor local = inUk(moment);
		LocalDateTime time = LocalDateTime.from(local);
		return DAY.format(time) + " at " + time(time);
	}

	/** "4:42pm" in UK time ("midday", "midnight"). Empty for no time. */
	public static String timeOfDay(TemporalAccessor moment) {
		if (moment == null) {
			return "";
		}
		return time(LocalDateTime.from(inUk(moment)));
	}

	private static String time(LocalDateTime time) {
		if (time.getHour() == 12 && time.getMinute() == 0) {
			return "midday";
		}
		if (time.getHour() == 0 && time.getMinute() == 0) {
			return "midnight";
		}
		return TIME.format(time).toLowerCase(Locale.UK);
	}

	private static TemporalAccessor inUk(TemporalAccessor moment) {
		if (moment instanceof Instant instant) {
			return instant.atZone(UK);
		}
		if (moment instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(UK);
		}
		if (moment instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(UK);
		}
		return moment;
	}

}
