package uk.opcc.cspgrants.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import uk.opcc.cspgrants.security.Recipient;
import uk.opcc.cspgrants.security.Recipients;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;

/**
 * Writes the outbox in the transaction of the change that published the notice (a new one
 * if none is active): one row per person, once per message key however often it is
 * published, by e-mail when the person has an address, wants e-mail and a mail service is
 * set up, otherwise kept in the application. A settled piece of work cancels the messages
 * about it still waiting to be sent, and those about it kept in the application are no
 * longer new.
 */
@Component
class Outbox {

	private final JdbcClient jdbc;

	private final Recipients recipients;

	private final NotificationTemplates templates;

	private final MailChannels channels;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Recipients recipients, NotificationTemplates templates, MailChannels channels,
			Clock clock) {
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.templates = templates;
		this.channels = channels;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void write(Notice notice) {
		// the words are checked even when nobody is to be told, so a missing template
		// shows at once
		this.templates.render(notice.template(), withName(notice.values(), "a person"));
		List<Recipient> people = this.recipients.of(notice.audience());
		if (people.isEmpty()) {
			return;
		}
		Map<String, Preference> preferences = preferences(people);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		String[] keys = notice.values().keySet().toArray(String[]::new);
		String[] values = notice.values().values().toArray(String[]::new);
		for (Recipient person : people) {
			NotificationTemplates.Words words = this.templates.render(notice.template(),
					withName(notice.values(), person.name()));
			Preference preference = preferences.getOrDefault(lower(person.username()), Preference.BY_EMAIL);
			boolean byEmail = StringUtils.hasText(person.email()) && preference.byEmail() && this.channels.mailSetUp();
			this.jdbc.sql("""
					insert into notification (message_key, about, template, username, recipient_name, email, channel,
					    subject, body, link, personalisation, digest, status, next_attempt_at, created_at)
					values (:key, :about, :template, :username, :name, :email, :channel, :subject, :body, :link,
					    jsonb_object(cast(:keys as text[]), cast(:values as text[])), :digest, :status, :now, :now)
					on conflict (message_key, username) do nothing
					""")
				.param("key", notice.key())
				.param("about", notice.about())
				.param("template", notice.template())
				.param("username", person.username())
				.param("name", person.name())
				.param("email", StringUtils.hasText(person.email()) ? person.email() : null)
				.param("channel", byEmail ? "EMAIL" : "APP")
				.param("subject", words.subject())
				.param("body", words.body())
				.param("link", notice.link())
				.param("keys", keys)
				.param("values", values)
				.param("digest", byEmail && preference.dailyDigest())
				.param("status", byEmail ? "WAITING" : "KEPT")
				.param("now", now)
				.update();
		}
	}

	@EventListener
	@Transactional
	public void settle(NoticeSettled settled) {
		this.jdbc.sql("""
				update notification set status = 'CANCELLED', cancelled_reason = :why, version = version + 1
				where about = :about and status = 'WAITING'
				""").param("why", settled.why()).param("about", settled.about()).update();
		// kept in the application: delivered, so it stays, but it is no longer new
		this.jdbc.sql("""
				update notification set read_at = :now, version = version + 1
				where about = :about and status = 'KEPT' and read_at is null
				""")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("about", settled.about())
			.update();
	}

	private Map<String, Preference> preferences(List<Recipient> people) {
		String[] usernames = people.stream().map(person -> lower(person.username())).toArray(String[]::new);
		Map<String, Preference> preferences = new HashMap<>();
		this.jdbc.sql("""
				select lower(u.username), p.by_email, p.daily_digest from notification_preference p
				join app_user u on u.id = p.user_id where lower(u.username) = any(:usernames)
				""").param("usernames", usernames).query(row -> {
			preferences.put(row.getString(1), new Preference(row.getBoolean(2), row.getBoolean(3)));
		});
		return preferences;
	}

	private static Map<String, String> withName(Map<String, String> values, String name) {
		Map<String, String> filled = new LinkedHashMap<>(values);
		filled.putIfAbsent("name", name);
		return filled;
	}

	private static String lower(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	/** How a person wants to be told; no row: by e-mail, one each. */
	private record Preference(boolean byEmail, boolean dailyDigest) {

		static final Preference BY_EMAIL = new Preference(true, false);

	}

}
