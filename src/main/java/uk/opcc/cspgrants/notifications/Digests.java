package uk.opcc.cspgrants.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.calendar.BankHolidays;

/**
 * The daily summary: at 8am each working day, everyone who chose one summary e-mail gets
 * one new message listing what waited for them (each message's subject and link), which
 * the sender then sends as any other. The messages it lists become {@code IN_DIGEST},
 * pointing at it.
 * <p>
 * Once per person per day on any number of nodes: the summary's key
 * ({@code daily-digest:<username>:<date>}) is unique for the person, and the messages are
 * marked only when this run's insert of it happened; each person in a transaction of
 * their own, their waiting messages locked, so a message cancelled meanwhile is either in
 * the summary or cancelled, never both.
 */
@Component
public class Digests {

	static final String TEMPLATE = "daily-digest";

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final BankHolidays bankHolidays;

	private final JsonMapper json;

	private final DigestText text;

	Digests(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, BankHolidays bankHolidays,
			JsonMapper json, @Value("${csp-grants.notifications.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.bankHolidays = bankHolidays;
		this.json = json;
		this.text = new DigestText(baseUrl);
	}

	/** At 8am on weekdays (UK time); nothing on a bank holiday. */
	@Scheduled(cron = "${csp-grants.notifications.digest-cron:0 0 8 * * MON-FRI}", zone = "Europe/London")
	@SchedulerLock(name = "notifications-digest")
	public void daily() {
		Instant now = this.clock.instant();
		if (this.bankHolidays.workingDays().isWorkingDay(LocalDate.ofInstant(now, Dates.UK))) {
			int made = composeDigests(now);
			log.info("Daily summaries: {} written", made);
		}
	}

	/**
	 * Writes today's summary for each person with messages waiting for one, and marks
	 * those messages as in it.
	 * @param now the moment of the run; its day in the UK names the summaries
	 * @return how many summaries this run wrote (none for a person who has today's)
	 */
	public int composeDigests(Instant now) {
		LocalDate day = LocalDate.ofInstant(now, Dates.UK);
		List<String> people = this.jdbc
			.sql("select distinct username from notification where status = 'WAITING' and digest order by username")
			.query(String.class)
			.list();
		int made = 0;
		for (String username : people) {
			Boolean written = this.transactions.execute(status -> composeFor(username, day, now));
			made += Boolean.TRUE.equals(written) ? 1 : 0;
		}
		return made;
	}

	private boolean composeFor(String username, LocalDate day, Instant now) {
		List<Waiting> waiting = this.jdbc
			.sql("select id, subject, link, recipient_name, email from notification where username = :username "
					+ "and status = 'WAITING' and digest order by created_at, id for update")
			.param("username", username)
			.query((rs, row) -> new Waiting(
					new DigestText.Included(rs.getLong("id"), rs.getString("subject"), rs.getString("link")),
					rs.getString("recipient_name"), rs.getString("email")))
			.list();
		if (waiting.isEmpty()) {
			return false;
		}
		Waiting latest = waiting.get(waiting.size() - 1);
		DigestText.Composed digest = this.text.compose(latest.name(), waiting.stream().map(Waiting::message).toList());
		boolean hasAddress = latest.email() != null && !latest.email().isBlank();
		Long id = this.jdbc
			.sql("insert into notification (message_key, template, username, recipient_name, email, channel, subject, "
					+ "body, link, personalisation, digest, status, attempts, next_attempt_at, created_at) values "
					+ "(:key, :template, :username, :name, :email, :channel, :subject, :body, :link, "
					+ "cast(:values as jsonb), false, :status, 0, :now, :now) "
					+ "on conflict (message_key, username) do nothing returning id")
			.param("key", TEMPLATE + ":" + username + ":" + day)
			.param("template", TEMPLATE)
			.param("username", username)
			.param("name", latest.name())
			.param("email", hasAddress ? latest.email() : null)
			// an address lost since the messages were written: the summary is kept here
			.param("channel", hasAddress ? "EMAIL" : "APP")
			.param("status", hasAddress ? "WAITING" : "KEPT")
			.param("subject", digest.subject())
			.param("body", digest.body())
			.param("link", "/notifications")
			.param("values", this.json.writeValueAsString(digest.values()))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			// today's summary was written already (another node, or an earlier run)
			return false;
		}
		this.jdbc
			.sql("update notification set status = 'IN_DIGEST', digest_id = :digest, version = version + 1 "
					+ "where id in (:ids) and status = 'WAITING'")
			.param("digest", id)
			.param("ids", waiting.stream().map(message -> message.message().id()).toList())
			.update();
		return true;
	}

	private record Waiting(DigestText.Included message, String name, String email) {
	}

}
