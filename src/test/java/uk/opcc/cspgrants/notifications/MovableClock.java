package uk.opcc.cspgrants.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system's clock moved on by as much as a test says, to reach a message's next
 * attempt without waiting for it.
 */
class MovableClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	void moveOn(Duration by) {
		this.ahead = this.ahead.plus(by);
	}

	void reset() {
		this.ahead = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The tests' clock keeps UTC");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
