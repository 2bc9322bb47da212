package uk.opcc.cspgrants.notifications;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails that are due, each in a transaction of its own: it claims one waiting
 * row ({@code for update skip locked}: another thread or node takes another row or none),
 * sends it, and marks it sent in an update guarded by its status and version, so each
 * message leaves once. A failure is counted and kept (briefly, without stack trace or
 * password), and the message waits for its next attempt ({@code retry-after}: 1, 5, 15,
 * 60 and 240 minutes); after the last it is failed, for an administrator to see. Messages
 * held for a daily digest are never sent here, nor anything while no mail service is set
 * up.
 */
@Component
public class NotificationSender {

	/** At most this many messages in one call; the rest are sent by the next. */
	static final int MOST_AT_ONCE = 1000;

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate eachMessage;

	private final MailChannels channels;

	private final NotificationTemplates templates;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationSender(JdbcClient jdbc, PlatformTransactionManager transactions, MailChannels channels,
			NotificationTemplates templates, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.eachMessage = new TransactionTemplate(transactions);
		this.eachMessage.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.channels = channels;
		this.templates = templates;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends every e-mail due now, one at a time, and returns how many were sent. Safe to
	 * call at the same time from many threads and nodes.
	 */
	public int sendDue() {
		Optional<MailChannel> channel = this.channels.channel();
		if (channel.isEmpty()) {
			return 0;
		}
		int sent = 0;
		for (int i = 0; i < MOST_AT_ONCE; i++) {
			Outcome outcome = this.eachMessage.execute(status -> sendOne(channel.get()));
			if (outcome == Outcome.NONE_DUE) {
				break;
			}
			if (outcome == Outcome.SENT) {
				sent++;
			}
		}
		return sent;
	}

	private Outcome sendOne(MailChannel channel) {
		Optional<Claimed> claimed = claim(this.clock.instant());
		if (claimed.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		Claimed message = claimed.get();
		try {
			channel.send(message.outgoing());
		}
		catch (SendFailure failure) {
			failed(message, failure);
			return Outcome.FAILED;
		}
		catch (RuntimeException unforeseen) {
			// kept with the message like any failure, so one message cannot stop the
			// others
			failed(message, new SendFailure(Reasons.of(unforeseen), false));
			return Outcome.FAILED;
		}
		int marked = this.jdbc.sql("""
				update notification set status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null,
				    version = version + 1,
				    -- a sign-in link is a key to an account: once e-mailed, the outbox keeps it no longer
				    link = case when template = any(:masked) then null else link end
				where id = :id and status = 'WAITING' and version = :version
				""")
			.param("now", now())
			.param("masked", OutboxAdmin.MASKED_TEMPLATES.toArray(String[]::new))
			.param("id", message.outgoing().id())
			.param("version", message.version())
			.update();
		if (marked != 1) {
			log.warn("Notification {} was sent but had changed meanwhile, so it is not marked sent",
					message.outgoing().id());
		}
		return Outcome.SENT;
	}

	private void failed(Claimed message, SendFailure failure) {
		int failures = message.attempts() + 1;
		Duration wait = failure.permanent() ? null : this.properties.waitAfter(failures);
		OffsetDateTime now = now();
		this.jdbc.sql("""
				update notification set status = :status, attempts = attempts + 1, last_error = :error,
				    next_attempt_at = :next, version = version + 1
				where id = :id and status = 'WAITING' and version = :version
				""")
			.param("status", (wait != null) ? "WAITING" : "FAILED")
			.param("error", failure.getMessage())
			.param("next", (wait != null) ? now.plus(wait) : now)
			.param("id", message.outgoing().id())
			.param("version", message.version())
			.update();
		if (wait != null) {
			log.warn("Notification {} not sent (attempt {}), next attempt in {} minute(s): {}", message.outgoing().id(),
					failures, wait.toMinutes(), failure.getMessage());
		}
		else {
			log.warn("Notification {} failed after {} attempt(s): {}", message.outgoing().id(), failures,
					failure.getMessage());
		}
	}

	private Optional<Claimed> claim(Instant now) {
		return this.jdbc.sql("""
				select id, message_key, template, recipient_name, email, subject, body, link, attempts, version,
				    array(select key from jsonb_each_text(personalisation) order by key) as value_keys,
				    array(select value from jsonb_each_text(personalisation) order by key) as value_texts
				from notification
				where status = 'WAITING' and channel = 'EMAIL' and not digest and next_attempt_at <= :now
				order by next_attempt_at, id
				limit 1
				for update skip locked
				""").param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query(this::claimed).optional();
	}

	private Claimed claimed(ResultSet row, int n) throws SQLException {
		String template = row.getString("template");
		Map<String, String> values = values(row.getArray("value_keys"), row.getArray("value_texts"));
		Outgoing outgoing = new Outgoing(row.getLong("id"), row.getString("message_key"), template,
				row.getString("recipient_name"), row.getString("email"), row.getString("subject"),
				row.getString("body"), row.getString("link"), this.templates.linkWords(template, values), values);
		return new Claimed(outgoing, row.getInt("attempts"), row.getLong("version"));
	}

	private static Map<String, String> values(Array keys, Array texts) throws SQLException {
		String[] names = (String[]) keys.getArray();
		String[] words = (String[]) texts.getArray();
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < names.length; i++) {
			values.put(names[i], words[i]);
		}
		return values;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private record Claimed(Outgoing outgoing, int attempts, long version) {
	}

	private enum Outcome {

		SENT, FAILED, NONE_DUE

	}

}
