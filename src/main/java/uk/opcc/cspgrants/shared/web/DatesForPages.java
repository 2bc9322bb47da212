package uk.opcc.cspgrants.shared.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.Dates;

/**
 * {@link Dates} for templates: {@code ${@dates.day(payment.paidOn())}} gives "31 July
 * 2024", {@code ${@dates.month(...)}} "July 2024" and {@code ${@dates.dayAndTime(...)}}
 * "2 December 2026 at 4:42am" in UK time; {@code ${@dates.after(period.startsOn())}} says
 * whether a day is still to come, by the application's clock.
 */
@Component("dates")
public class DatesForPages {

	private final Clock clock;

	DatesForPages(Clock clock) {
		this.clock = clock;
	}

	/** Today in the UK, by the application's clock. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(Dates.UK));
	}

	/** Whether {@code day} is after today in the UK: a period not yet begun. */
	public boolean yetToCome(LocalDate day) {
		return day.isAfter(today());
	}

	public String day(TemporalAccessor date) {
		return Dates.day(date);
	}

	public String month(TemporalAccessor date) {
		return Dates.month(date);
	}

	public String dayAndTime(TemporalAccessor moment) {
		return Dates.dayAndTime(moment);
	}

}
