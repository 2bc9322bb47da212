package uk.opcc.cspgrants.monitoring;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A return's history in sentences, read from the audit trail with the names of the people
 * who acted: "Olu Officer submitted the Q2 return on behalf of Leicester", "Lee Leicester
 * submitted the Q2 return". Someone acts on the partnership's behalf when they are not
 * one of its own CSP managers.
 */
@Component
class ReturnHistory {

	private final JdbcClient jdbc;

	ReturnHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What happened to a return, oldest first; nothing for a return not started. */
	@Transactional(readOnly = true)
	List<Event> of(ReturnView view) {
		if (!view.started()) {
			return List.of();
		}
		return this.jdbc
			.sql("select e.occurred_at, e.action, coalesce(u.display_name, e.actor) as who, "
					+ "coalesce(u.partnership_id = ?, false) as own, e.after_json ->> 'reason' as reason "
					+ "from audit_event e left join app_user u on lower(u.username) = lower(e.actor) "
					+ "where e.entity_type = ? and e.entity_id = ? order by e.occurred_at, e.id")
			.params(view.partnershipId(), ReturnManagement.AUDIT_TYPE, String.valueOf(view.id()))
			.query((rs, row) -> new Event(rs.getTimestamp("occurred_at").toInstant(),
					sentence(rs.getString("action"), rs.getString("who"), rs.getBoolean("own"), view,
							rs.getString("reason"))))
			.list();
	}

	static String sentence(String action, String who, boolean own, ReturnView view, String reason) {
		String theReturn = "the " + view.quarter() + " return";
		String onBehalf = own ? "" : " on behalf of " + view.name();
		return who + switch (action) {
			case "CREATE" -> " started " + theReturn + onBehalf;
			case "UPDATE" -> " saved changes to " + theReturn + onBehalf;
			case "SUBMIT" -> " submitted " + theReturn + onBehalf;
			case "ACCEPT" -> " accepted " + theReturn;
			case "RETURN_FOR_CORRECTION" -> " returned " + theReturn + " for correction: " + reason;
			case "REOPEN" -> " re-opened " + theReturn + ": " + reason;
			default -> " changed " + theReturn;
		};
	}

	/**
	 * One step in a return's life.
	 *
	 * @param at when
	 * @param sentence who did what
	 */
	record Event(Instant at, String sentence) {
	}

}
