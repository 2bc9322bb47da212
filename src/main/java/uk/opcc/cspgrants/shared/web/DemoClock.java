package uk.opcc.cspgrants.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.core.env.Environment;

/**
 * The demo's clock: starts at a chosen moment ({@code csp-grants.demo.clock.start}, e.g.
 * {@code 2024-10-24T09:00:00+01:00}) when the application starts and runs on at the real
 * clock's pace. With no moment chosen, the real clock.
 */
final class DemoClock {

	private DemoClock() {
	}

	/**
	 * Where the demo clock starts: {@code csp-grants.demo.clock.start} in the demo
	 * profile; empty (the real clock) in any other, such as {@code prod}, whatever is
	 * set.
	 */
	static String start(Environment environment) {
		return environment.matchesProfiles("demo") ? environment.getProperty("csp-grants.demo.clock.start", "") : "";
	}

	/** The clock starting at {@code start} now, or {@code real} when start is empty. */
	static Clock of(String start, Clock real) {
		if (start == null || start.isBlank()) {
			return real;
		}
		OffsetDateTime moment;
		try {
			moment = OffsetDateTime.parse(start.strip());
		}
		catch (DateTimeParseException notAMoment) {
			throw new IllegalArgumentException(
					"csp-grants.demo.clock.start must be an ISO date and time with its "
							+ "offset, such as 2024-10-24T09:00:00+01:00, or empty for the real clock: " + start,
					notAMoment);
		}
		return Clock.offset(real, Duration.between(real.instant(), moment.toInstant()));
	}

}
