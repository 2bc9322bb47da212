package uk.opcc.cspgrants.rounds.panel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationStatus;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Who sits on a round's Review Panel, and the interests they declare. Members are
 * recorded while the round is assessed or at the panel, one of them the chair; a member
 * who declared an interest stays on the record. An interest is declared per application:
 * the member takes no part in the recommendation on it.
 */
@Service
@Transactional
public class PanelMembers {

	static final String AUDIT_TYPE = "GrantRound";

	private static final Set<RoundStatus> WHILE = Set.of(RoundStatus.ASSESSED, RoundStatus.AT_PANEL);

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	PanelMembers(JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** True while the round's panel may change. */
	public static boolean changes(RoundView round) {
		return WHILE.contains(round.status());
	}

	/** The round's panel, the chair first, then by name. */
	@Transactional(readOnly = true)
	public List<PanelMember> of(RoundView round) {
		return this.jdbc
			.sql("select id, name, organisation, chair, added_by, added_at from panel_member where round_id = ? "
					+ "order by chair desc, lower(name), id")
			.param(round.id())
			.query((rs, row) -> new PanelMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Every interest declared in the round, by application. */
	@Transactional(readOnly = true)
	public Map<Long, List<PanelInterest>> interests(RoundView round) {
		Map<Long, List<PanelInterest>> interests = new LinkedHashMap<>();
		this.jdbc
			.sql("select i.member_id, m.name, i.application_id, i.interest, i.recorded_by, i.recorded_at "
					+ "from panel_interest i join panel_member m on m.id = i.member_id where m.round_id = ? "
					+ "order by i.application_id, lower(m.name)")
			.param(round.id())
			.query((rs, row) -> new PanelInterest(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list()
			.forEach(one -> interests.computeIfAbsent(one.applicationId(), id -> new java.util.ArrayList<>()).add(one));
		return interests;
	}

	/** Puts someone on the round's panel; the chair only if the panel has none. */
	public void add(RoundView round, String name, String organisation, boolean chair, CurrentUser officer) {
		mustChange(round);
		Map<String, String> errors = new LinkedHashMap<>();
		String who = strip(name);
		String from = strip(organisation);
		if (who.isEmpty()) {
			errors.put("name", "Enter the member's name");
		}
		else if (who.length() > 200) {
			errors.put("name", "The name must be 200 characters or fewer");
		}
		if (from.isEmpty()) {
			errors.put("organisation", "Enter the organisation they represent");
		}
		else if (from.length() > 200) {
			errors.put("organisation", "The organisation must be 200 characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		DatabaseRefusal.orConflict(
				() -> this.jdbc
					.sql("insert into panel_member (round_id, name, organisation, chair, added_by, added_at) "
							+ "values (?, ?, ?, ?, ?, ?)")
					.params(round.id(), who, from, chair, officer.displayName(), Timestamp.from(this.clock.instant()))
					.update(),
				Map.of("panel_member_once", who + " is on the panel already", "panel_member_one_chair",
						"The panel has a chair already: add " + who + " as a member", "panel_member_while_at_panel",
						round.title() + ": its panel no longer changes"));
		this.auditTrail.record("ADD_PANEL_MEMBER", AUDIT_TYPE, round.id(), null,
				Map.of("title", round.title(), "member", who, "organisation", from, "chair", chair ? "Yes" : "No"));
	}

	/** Takes someone off the panel, unless an interest of theirs is recorded. */
	public void remove(RoundView round, long memberId, CurrentUser officer) {
		mustChange(round);
		PanelMember member = of(round).stream()
			.filter(one -> one.id() == memberId)
			.findFirst()
			.orElseThrow(() -> new ConflictException(null, "That member is no longer on the panel"));
		int removed = DatabaseRefusal.orConflict(
				() -> this.jdbc.sql("delete from panel_member where id = ? and round_id = ?")
					.params(memberId, round.id())
					.update(),
				Map.of("panel_member_chair_stays",
						member.name() + " chairs the panel: the chair stays while the round is at the panel",
						"panel_interest_member_id_fkey",
						member.name() + " declared an interest: they stay on the record of the panel",
						"panel_member_while_at_panel", round.title() + ": its panel no longer changes"));
		if (removed == 0) {
			throw new ConflictException(null, "That member is no longer on the panel");
		}
		this.auditTrail.record("REMOVE_PANEL_MEMBER", AUDIT_TYPE, round.id(),
				Map.of("title", round.title(), "member", member.name()), null);
	}

	/** Records a member's interest in an eligible application of the round. */
	public void declare(RoundView round, ApplicationView application, Long memberId, String interest,
			CurrentUser officer) {
		mustChange(round);
		if (application.status() != ApplicationStatus.ELIGIBLE) {
			throw new ConflictException(null, application.reference() + " is not eligible: it is not before the panel");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		PanelMember member = (memberId == null) ? null
				: of(round).stream().filter(one -> one.id() == memberId).findFirst().orElse(null);
		if (member == null) {
			errors.put("memberId", "Choose the member with the interest");
		}
		String what = strip(interest);
		if (what.isEmpty()) {
			errors.put("interest", "Say what the interest is");
		}
		else if (what.length() > 2000) {
			errors.put("interest", "The interest must be 2,000 characters or fewer");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		DatabaseRefusal.orConflict(
				() -> this.jdbc
					.sql("insert into panel_interest (member_id, application_id, interest, recorded_by, recorded_at) "
							+ "values (?, ?, ?, ?, ?)")
					.params(member.id(), application.id(), what, officer.displayName(),
							Timestamp.from(this.clock.instant()))
					.update(),
				Map.of("panel_interest_pkey",
						member.name() + "'s interest in " + application.reference() + " is recorded already",
						"panel_interest_kept", round.title() + ": its panel no longer changes"));
		this.auditTrail.record("DECLARE_INTEREST", "Application", application.id(), null, Map.of("round",
				round.reference(), "application", application.reference(), "member", member.name(), "interest", what));
	}

	private static void mustChange(RoundView round) {
		if (!changes(round)) {
			throw new ConflictException(null, round.title() + " is " + round.status().label().toLowerCase()
					+ ": its panel is recorded once it is assessed and until it goes into a decision record");
		}
	}

	private static String strip(String text) {
		return (text == null) ? "" : text.strip();
	}

}
