package uk.opcc.cspgrants.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit trail. A change and its audit row are saved in the same
 * transaction: if one fails, neither is kept.
 */
@Service
public class AuditTrail {

	/** The actor recorded when no one is signed in, e.g. demo data loaded at start-up. */
	public static final String SYSTEM = "system";

	/** The type of every event about a user's account. */
	public static final String USER = "User";

	private static final String USER_AS_FIRST_WRITTEN = "USER";

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records one change. {@code before} and {@code after} are any values that serialise
	 * to JSON (records or maps); either may be {@code null} for a creation or a deletion.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, Object entityId, Object before, Object after) {
		recordAs(currentActor(), action, entityType, entityId, before, after);
	}

	/**
	 * Records one event done by someone not (yet) signed in in this request: a sign-in by
	 * the account signing in, or {@link #SYSTEM} for a refused one, whose actor is not
	 * known.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAs(String actor, String action, String entityType, Object entityId, Object before, Object after) {
		this.jdbc
			.sql("insert into audit_event (actor, action, entity_type, entity_id, before_json, after_json) "
					+ "values (:actor, :action, :entityType, :entityId, cast(:before as jsonb), cast(:after as jsonb))")
			.param("actor", actor)
			.param("action", action)
			.param("entityType", entityType)
			.param("entityId", String.valueOf(entityId))
			.param("before", toJson(before))
			.param("after", toJson(after))
			.update();
	}

	/** Entries matching the filter, newest first. */
	@Transactional(readOnly = true)
	public AuditPage find(AuditFilter filter, int page, int pageSize) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (filter.entityType() != null && !filter.entityType().isBlank()) {
			where.append(" and entity_type = any(?)");
			params.add(sameThing(filter.entityType()));
		}
		if (filter.entityId() != null && !filter.entityId().isBlank()) {
			where.append(" and entity_id = ?");
			params.add(filter.entityId().strip());
		}
		if (filter.actor() != null && !filter.actor().isBlank()) {
			where.append(" and lower(actor) = lower(?)");
			params.add(filter.actor().strip());
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(Timestamp.from(filter.from().atStartOfDay(LONDON).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < ?");
			params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(LONDON).toInstant()));
		}
		long total = this.jdbc.sql("select count(*) from audit_event" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageSize);
		pageParams.add((long) page * pageSize);
		List<AuditEntry> entries = this.jdbc
			.sql("select id, occurred_at, actor, action, entity_type, entity_id, before_json::text as before_json, "
					+ "after_json::text as after_json from audit_event" + where
					+ " order by occurred_at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), rs.getString("before_json"), rs.getString("after_json"), null))
			.list();
		AuditSentences sentences = new AuditSentences(new StoredNames(this.jdbc));
		entries = entries.stream().map(entry -> entry.describedBy(sentences)).toList();
		return new AuditPage(entries, page, pageSize, total);
	}

	/** Every entry about one thing, oldest first: its history. */
	@Transactional(readOnly = true)
	public List<AuditEntry> historyOf(String entityType, Object entityId) {
		AuditPage page = find(new AuditFilter(entityType, String.valueOf(entityId), null, null, null), 0, 1000);
		List<AuditEntry> oldestFirst = new ArrayList<>(page.entries());
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/**
	 * The kinds of thing the trail holds events about, by type, in words, in order of the
	 * words.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> entityTypes() {
		Map<String, String> types = new TreeMap<>();
		this.jdbc.sql("select distinct case when entity_type = ? then ? else entity_type end from audit_event")
			.params(USER_AS_FIRST_WRITTEN, USER)
			.query(String.class)
			.list()
			.forEach(type -> types.put(AuditWords.thing(type), type));
		Map<String, String> byType = new LinkedHashMap<>();
		types.forEach((words, type) -> byType.put(type, words));
		return byType;
	}

	/** The people who made a change, by username, named, in order of their names. */
	@Transactional(readOnly = true)
	public Map<String, String> actors() {
		Map<String, String> actors = new LinkedHashMap<>();
		this.jdbc
			.sql("select distinct a.actor, coalesce(u.display_name, a.actor) as name from audit_event a "
					+ "left join app_user u on u.username = a.actor where a.actor <> ? order by name")
			.param(SYSTEM)
			.query(rs -> {
				actors.put(rs.getString("actor"), rs.getString("name"));
			});
		return actors;
	}

	/**
	 * The types an event about one kind of thing has been written with: a user's events
	 * were written as {@code USER} by the second factor and single sign-on until 4
	 * December 2026, and the trail is never rewritten.
	 */
	private static String[] sameThing(String entityType) {
		return USER.equals(entityType) ? new String[] { USER, USER_AS_FIRST_WRITTEN } : new String[] { entityType };
	}

	private String toJson(Object value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	/** Who is making the change: the signed-in user's name, or "system". */
	public static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : SYSTEM;
	}

	/** Filters for browsing; blank or {@code null} values match everything. */
	public record AuditFilter(String entityType, String entityId, String actor, LocalDate from, LocalDate to) {
	}

	/**
	 * One row of the audit trail: before and after as JSON text, and the event as a
	 * sentence in words.
	 */
	public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
			String entityId, String beforeJson, String afterJson, AuditSentence sentence) {

		AuditEntry describedBy(AuditSentences sentences) {
			return new AuditEntry(this.id, this.occurredAt, this.actor, this.action, this.entityType, this.entityId,
					this.beforeJson, this.afterJson, sentences.describe(this.actor, this.action, this.entityType,
							this.entityId, this.beforeJson, this.afterJson));
		}

		/** What the event is about, in words: "Quarterly return". */
		public String thing() {
			return AuditWords.thing(this.entityType);
		}

	}

	public record AuditPage(List<AuditEntry> entries, int page, int pageSize, long total) {

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return (long) (this.page + 1) * this.pageSize < this.total;
		}

	}

}
