package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clears applicants' old sign-in links and request counts once a day (on one node at a
 * time, ShedLock's {@code sign-in-link-housekeeping}): a link that expired more than
 * {@value #KEEP_LINKS_DAYS} days ago (used or not: the account's audit trail says when it
 * signed in), and a count whose hour ended more than a day ago. Nothing an applicant
 * could still use is cleared.
 */
@Component
public class SignInLinkHousekeeping {

	static final int KEEP_LINKS_DAYS = 30;

	private static final Logger log = LoggerFactory.getLogger(SignInLinkHousekeeping.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInLinkHousekeeping(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${csp-grants.applicants.housekeeping-cron:0 30 3 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "sign-in-link-housekeeping", lockAtMostFor = "10m")
	public void clearDaily() {
		Cleared cleared = clear();
		if (cleared.links() + cleared.counts() > 0) {
			log.info("Cleared {} old sign-in links and {} old request counts", cleared.links(), cleared.counts());
		}
	}

	/** Clears what is old enough now; says how much. */
	@Transactional
	public Cleared clear() {
		Instant now = this.clock.instant();
		int links = this.jdbc.sql("delete from sign_in_link where expires_at < ?")
			.param(Timestamp.from(now.minus(Duration.ofDays(KEEP_LINKS_DAYS))))
			.update();
		Timestamp dayAgo = Timestamp.from(now.minus(Duration.ofHours(25)));
		int counts = this.jdbc.sql("delete from sign_in_link_request where window_started_at < ?")
			.param(dayAgo)
			.update()
				+ this.jdbc.sql("delete from sign_in_link_request_from where window_started_at < ?")
					.param(dayAgo)
					.update();
		return new Cleared(links, counts);
	}

	/** How many links and counts were cleared. */
	public record Cleared(int links, int counts) {
	}

}
