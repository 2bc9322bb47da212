package uk.opcc.cspgrants.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
		this.jdbc
			.sql("insert into audit_event (actor, action, entity_type, entity_id, before_json, after_json) "
					+ "values (:actor, :action, :entityType, :entityId, cast(:before as jsonb), cast(:after as jsonb))")
			.param("actor", currentActor())
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
			where.append(" and entity_type = ?");
			params.add(filter.entityType());
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
					rs.getString("entity_id"), rs.getString("before_json"), rs.getString("after_json")))
			.list();
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

	@Transactional(readOnly = true)
	public List<String> entityTypes() {
		return this.jdbc.sql("select distinct entity_type from audit_event order by entity_type")
			.query(String.class)
			.list();
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

	/** One row of the audit trail; before and after as JSON text. */
	public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
			String entityId, String beforeJson, String afterJson) {

		private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

		/** When it happened, in UK time. */
		public String when() {
			return WHEN.format(this.occurredAt.atZone(LONDON));
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
