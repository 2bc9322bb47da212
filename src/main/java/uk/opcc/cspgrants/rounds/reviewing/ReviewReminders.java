package uk.opcc.cspgrants.rounds.reviewing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * Chases reviewers (through the notifications module): every working morning (on one node
 * at a time, ShedLock's {@code review-reminders}), each reviewer with reviews of a closed
 * round not yet submitted, the oldest waiting a week or more, is told how many and since
 * when, once a week ({@link ReviewReminderRule}). A review waits from when it was given
 * to the reviewer, or from when an officer returned its scores. Running again the same
 * week, or on two nodes at once, writes nothing twice: the message's key names the round,
 * the reviewer and the week, and the outbox writes a key once per person.
 */
@Component
public class ReviewReminders {

	private static final ZoneId UK = Dates.UK;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReviewReminders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${csp-grants.rounds.review-reminders-cron:0 0 9 * * MON-FRI}", zone = "Europe/London")
	@SchedulerLock(name = "review-reminders", lockAtMostFor = "10m")
	public void remindToday() {
		remind(LocalDate.ofInstant(this.clock.instant(), UK));
	}

	/**
	 * Reminds every reviewer whose reminder is due on {@code today}; returns how many.
	 */
	@Transactional
	public int remind(LocalDate today) {
		Map<Waiting, List<LocalDate>> waiting = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select r.id, r.title, a.reviewer_id, u.username, coalesce(a.returned_at, a.assigned_at)
					from review_assignment a join grant_round r on r.id = a.round_id join app_user u on u.id = a.reviewer_id
					join application p on p.id = a.application_id
					where r.status = 'CLOSED' and a.status in ('ASSIGNED', 'DECLARED') and p.status = 'ELIGIBLE' and u.enabled
					order by r.id, a.reviewer_id
					""")
			.query((rs, row) -> waiting
				.computeIfAbsent(new Waiting(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
						key -> new ArrayList<>())
				.add(LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), UK)))
			.list();
		int told = 0;
		for (Map.Entry<Waiting, List<LocalDate>> one : waiting.entrySet()) {
			Optional<LocalDate> week = ReviewReminderRule.due(today, one.getValue());
			if (week.isEmpty()) {
				continue;
			}
			Waiting who = one.getKey();
			int count = one.getValue().size();
			LocalDate oldest = one.getValue().stream().min(LocalDate::compareTo).orElseThrow();
			this.events
				.publishEvent(new Notice("review-due:" + who.roundId() + ":" + who.reviewerId() + ":" + week.get(),
						null, "review-due", Map.of("round", who.round(), "count",
								(count == 1) ? "1 review" : count + " reviews", "since", Dates.day(oldest)),
						"/review", Audience.users(who.username())));
			told++;
		}
		return told;
	}

	private record Waiting(long roundId, String round, long reviewerId, String username) {
	}

}
