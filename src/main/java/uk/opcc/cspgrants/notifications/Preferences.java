package uk.opcc.cspgrants.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * How a person wants to be told: by e-mail and in CSP Grants, or in CSP Grants only; one
 * e-mail each, or one summary each working day. With no row yet: by e-mail, one each.
 * Saved against the version the person saw, in the one statement that writes it, so of
 * two people (or two tabs) saving at once one wins and the other is told.
 */
@Component
public class Preferences {

	/** The version of a person's choice before they first save it. */
	static final long NEVER_SAVED = -1;

	private final JdbcClient jdbc;

	private final Clock clock;

	Preferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The person's choice as saved, and the e-mail address messages go to. */
	@Transactional(readOnly = true)
	public Choice of(long userId) {
		return this.jdbc
			.sql("select u.email, p.by_email, p.daily_digest, p.version from app_user u "
					+ "left join notification_preference p on p.user_id = u.id where u.id = :id")
			.param("id", userId)
			.query((rs, row) -> (rs.getObject("version") == null)
					? new Choice(true, false, NEVER_SAVED, rs.getString("email"))
					: new Choice(rs.getBoolean("by_email"), rs.getBoolean("daily_digest"), rs.getLong("version"),
							rs.getString("email")))
			.single();
	}

	/**
	 * Saves the person's choice if it is still at {@code version}: both questions must be
	 * answered.
	 * @throws ValidationException when a question is not answered
	 * @throws ConflictException when the choice was saved again since it was read
	 */
	@Transactional
	public void save(long userId, Boolean byEmail, Boolean dailyDigest, long version) {
		Map<String, String> missing = new LinkedHashMap<>();
		if (byEmail == null) {
			missing.put("byEmail", "Select how we should tell you about new messages");
		}
		if (dailyDigest == null) {
			missing.put("dailyDigest", "Select how often we should email you");
		}
		if (!missing.isEmpty()) {
			throw new ValidationException(missing);
		}
		int saved = this.jdbc
			.sql("insert into notification_preference (user_id, by_email, daily_digest, version, updated_at) "
					+ "values (:id, :byEmail, :digest, 0, :now) on conflict (user_id) do update set "
					+ "by_email = excluded.by_email, daily_digest = excluded.daily_digest, "
					+ "version = notification_preference.version + 1, updated_at = excluded.updated_at "
					+ "where notification_preference.version = :version")
			.param("id", userId)
			.param("byEmail", byEmail)
			.param("digest", dailyDigest)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("version", version)
			.update();
		if (saved == 0) {
			throw new ConflictException("form", "Your choices were changed in another window or by someone else "
					+ "after you opened this page, so yours were not saved. Check them and save again.");
		}
	}

	/**
	 * A person's choice.
	 *
	 * @param byEmail by e-mail as well as in CSP Grants
	 * @param dailyDigest one summary e-mail each working day instead of one each
	 * @param version the version saved, {@value #NEVER_SAVED} before the first save
	 * @param email the address e-mails go to, or {@code null} when they have none
	 */
	public record Choice(boolean byEmail, boolean dailyDigest, long version, String email) {
	}

}
