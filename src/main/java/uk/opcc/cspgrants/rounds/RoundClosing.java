package uk.opcc.cspgrants.rounds;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes grant rounds when their closing time comes: every minute (on one node at a time,
 * ShedLock's {@code round-closing}), each open round whose closing time has passed is
 * closed in a transaction of its own by {@link RoundOpening#closeOnTime}, which locks the
 * round and closes it only if it is still open, so a round an officer closes at the same
 * moment is closed once. Applications are refused from the closing time whether or not
 * this has run ({@link RoundView#takesApplications}).
 */
@Component
class RoundClosing {

	private static final Logger log = LoggerFactory.getLogger(RoundClosing.class);

	private final RoundOpening opening;

	RoundClosing(RoundOpening opening) {
		this.opening = opening;
	}

	@Scheduled(cron = "${csp-grants.rounds.closing-cron:0 * * * * *}", zone = "Europe/London")
	@SchedulerLock(name = "round-closing", lockAtMostFor = "5m")
	public void closeDue() {
		for (String reference : this.opening.due()) {
			try {
				if (this.opening.closeOnTime(reference)) {
					log.info("Closed grant round {}: its closing time was reached", reference);
				}
			}
			catch (RuntimeException failed) {
				log.warn("Could not close grant round {} at its closing time; will try again", reference, failed);
			}
		}
	}

}
