package uk.opcc.cspgrants.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile sets the demo clock (24 October 2024); the tests run in the demo
 * profile on the real clock, because
 * src/test/resources/config/application-demo.properties empties it, and with the
 * scheduled jobs switched off.
 */
@IntegrationTest
class TestsRunOnTheRealClockTest {

	@Autowired
	Clock clock;

	@Value("${csp-grants.demo.clock.start}")
	String demoStart;

	@Value("${csp-grants.notifications.scheduled}")
	boolean senderScheduled;

	@Value("${csp-grants.reminders.cron}")
	String remindersCron;

	@Test
	void theApplicationsClockIsTheRealOne() {
		assertThat(this.demoStart).isEmpty();
		assertThat(Duration.between(this.clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(this.senderScheduled).isFalse();
		assertThat(this.remindersCron).isEqualTo("-");
	}

}
