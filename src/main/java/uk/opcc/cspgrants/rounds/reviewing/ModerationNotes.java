package uk.opcc.cspgrants.rounds.reviewing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Officers' notes on an application whose scores were looked at again: why reviewers
 * disagreed, what was asked of them, what the panel should know. Notes are kept as
 * written, numbered in order; a note is written from the page as the officer read it, so
 * two officers writing from the same page cannot both add note 3 (the second is told, and
 * keeps what they wrote).
 */
@Service
@Transactional
public class ModerationNotes {

	static final int MAX_NOTE = 5000;

	private static final Set<RoundStatus> WHILE = Set.of(RoundStatus.CLOSED, RoundStatus.ASSESSED,
			RoundStatus.AT_PANEL);

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	ModerationNotes(JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** An application's notes, first first. */
	@Transactional(readOnly = true)
	public List<ModerationNote> of(ApplicationView application) {
		return this.jdbc
			.sql("select position, note, written_by, written_at from moderation_note where application_id = ? "
					+ "order by position")
			.param(application.id())
			.query((rs, row) -> new ModerationNote(rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** True while notes may be written on the round's applications. */
	public static boolean written(RoundView round) {
		return WHILE.contains(round.status());
	}

	/**
	 * Writes a note on an eligible application, as note {@code seen + 1} where the
	 * officer read {@code seen} notes.
	 */
	public ModerationNote write(RoundView round, ApplicationView application, String note, Integer seen,
			CurrentUser officer) {
		if (!written(round)) {
			throw new ConflictException(null, round.title() + " is " + round.status().label().toLowerCase()
					+ ": notes are written while it is assessed and at the panel");
		}
		String text = (note == null) ? "" : note.strip();
		if (text.isEmpty()) {
			throw new ValidationException("note", "Enter the note");
		}
		if (text.length() > MAX_NOTE) {
			throw new ValidationException("note", "The note must be 5,000 characters or fewer");
		}
		if (seen == null || seen < 0) {
			throw new ValidationException("note", "Send the number of notes you read");
		}
		int position = seen + 1;
		Instant now = this.clock.instant();
		DatabaseRefusal.orConflict(() -> this.jdbc
			.sql("insert into moderation_note (round_id, application_id, position, note, written_by, written_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(round.id(), application.id(), position, text, officer.displayName(), Timestamp.from(now))
			.update(),
				Map.of("moderation_note_in_order",
						"Another note on " + application.reference() + " was written after you opened the page: "
								+ "read it above; your note is kept below",
						"moderation_note_kept", round.title() + " no longer takes notes on this application"));
		this.auditTrail.record("MODERATION_NOTE", "Application", application.id(), null,
				Map.of("round", round.reference(), "application", application.reference(), "note", text));
		return new ModerationNote(position, text, officer.displayName(), now);
	}

	/** A note as written. */
	public record ModerationNote(int position, String note, String writtenBy, Instant writtenAt) {
	}

}
