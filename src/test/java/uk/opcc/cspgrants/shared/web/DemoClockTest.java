package uk.opcc.cspgrants.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo clock starts at the configured moment, whatever the real date, and runs on at
 * the real clock's pace; with no moment it is the real clock.
 */
class DemoClockTest {

	private final Instant realStart = Instant.parse("2026-12-02T08:18:57Z");

	@Test
	void startsAtTheDemoMomentWhateverTheRealDate() {
		Clock demo = DemoClock.of("2024-10-24T09:00:00+01:00", Clock.fixed(this.realStart, ZoneOffset.UTC));
		assertThat(demo.instant()).isEqualTo(Instant.parse("2024-10-24T08:00:00Z"));
	}

	@Test
	void runsAtTheRealClocksPace() throws InterruptedException {
		Clock demo = DemoClock.of("2024-10-24T09:00:00+01:00", Clock.systemUTC());
		Instant first = demo.instant();
		Thread.sleep(20);
		Duration passed = Duration.between(first, demo.instant());
		assertThat(passed).isBetween(Duration.ofMillis(20), Duration.ofSeconds(5));
		assertThat(first).isBetween(Instant.parse("2024-10-24T08:00:00Z"), Instant.parse("2024-10-24T08:01:00Z"));
	}

	@Test
	void noMomentIsTheRealClockAndAWrongOneStopsTheStart() {
		Clock real = Clock.systemUTC();
		assertThat(DemoClock.of("", real)).isSameAs(real);
		assertThat(DemoClock.of(null, real)).isSameAs(real);
		assertThatThrownBy(() -> DemoClock.of("24 October 2024", real)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("csp-grants.demo.clock.start must be an ISO date and time");
	}

	@Test
	void onlyTheDemoProfileRunsOnTheDemoClock() {
		MockEnvironment demo = new MockEnvironment().withProperty("csp-grants.demo.clock.start",
				"2024-10-24T09:00:00+01:00");
		demo.setDefaultProfiles("demo");
		assertThat(DemoClock.start(demo)).isEqualTo("2024-10-24T09:00:00+01:00");
		MockEnvironment prod = new MockEnvironment().withProperty("csp-grants.demo.clock.start",
				"2024-10-24T09:00:00+01:00");
		prod.setDefaultProfiles("demo");
		prod.setActiveProfiles("prod");
		assertThat(DemoClock.start(prod)).isEmpty();
	}

}
