package uk.opcc.cspgrants.rounds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;

/**
 * Takes a round through the steps applicants see: opens it, moves its closing time later
 * with a reason, closes it (early, with a reason) and cancels it. Each step is taken once
 * from the version the officer read: the round's row is locked, its version checked and
 * the move checked again by the database ({@code grant_round_moves}), so twenty clicks at
 * once take the step once and the others are told who took it. Every step is audited.
 */
@Service
@Transactional
public class RoundOpening {

	/** Who the audit trail and the round's page name when the closing time closes it. */
	static final String THE_SERVICE = "CSP Grants (the closing time was reached)";

	private final RoundLocks locks;

	private final Rounds rounds;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	RoundOpening(RoundLocks locks, Rounds rounds, JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
		this.locks = locks;
		this.rounds = rounds;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** Opens a complete draft to applications, once for the version read. */
	public RoundView open(String reference, Long version, CurrentUser user) {
		GrantRound round = this.locks.locked(reference, version);
		RoundView before = view(round);
		round.open(before.missingBeforeOpening(), this.clock.instant(), user.displayName());
		return saved(round, "OPEN", before, null);
	}

	/**
	 * Moves an open round's closing time later, with a reason, once for the version read.
	 */
	public RoundView closeLater(String reference, Instant closesAt, String reason, Long version, CurrentUser user) {
		GrantRound round = this.locks.locked(reference, version);
		RoundView before = view(round);
		Instant now = this.clock.instant();
		Instant from = round.closeLater(closesAt, reason, now, user.displayName());
		DatabaseRefusal.orConflict(() -> this.jdbc
			.sql("insert into round_deadline_change (round_id, from_closes_at, to_closes_at, reason, changed_by, "
					+ "changed_at) values (?, ?, ?, ?, ?, ?)")
			.params(round.getId(), Timestamp.from(from), Timestamp.from(closesAt), reason.strip(), user.displayName(),
					Timestamp.from(now))
			.update(),
				Map.of("round_deadline_change_once_from", reference
						+ "'s closing time was moved by someone else at the same moment: check it as it is " + "now"));
		return saved(round, "EXTEND", before, reason);
	}

	/**
	 * Closes an open round, once for the version read; before its closing time, with a
	 * reason.
	 */
	public RoundView close(String reference, String reason, Long version, CurrentUser user) {
		GrantRound round = this.locks.locked(reference, version);
		RoundView before = view(round);
		round.close(reason, this.clock.instant(), user.displayName());
		return saved(round, "CLOSE", before, reason);
	}

	/** Cancels a draft or open round, with a reason, once for the version read. */
	public RoundView cancel(String reference, String reason, Long version, CurrentUser user) {
		GrantRound round = this.locks.locked(reference, version);
		RoundView before = view(round);
		round.cancel(reason, this.clock.instant(), user.displayName());
		return saved(round, "CANCEL", before, reason);
	}

	/**
	 * Marks a closed round assessed, once for the version read; {@code outstanding} is
	 * asked after the round is locked, so what it finds stays true until the round is
	 * saved (the database checks it again, {@code grant_round_assessed_complete}).
	 */
	public RoundView markAssessed(String reference, Long version, Function<RoundView, List<String>> outstanding,
			CurrentUser user) {
		GrantRound round = this.locks.locked(reference, version);
		RoundView before = view(round);
		round.assess(outstanding.apply(before), this.clock.instant(), user.displayName());
		return saved(round, "ASSESS", before, null);
	}

	/**
	 * Takes an assessed round to the Review Panel meeting on {@code meetsOn}, once for
	 * the version read; {@code missing} is asked after the round is locked (the database
	 * checks the panel has a chair, {@code grant_round_to_panel_with_members}).
	 */
	public RoundView takeToPanel(String reference, Long version, java.time.LocalDate meetsOn,
			Function<RoundView, List<String>> missing, CurrentUser user) {
		GrantRound round = this.locks.locked(reference, version);
		RoundView before = view(round);
		round.toPanel(missing.apply(before), meetsOn, this.clock.instant(), user.displayName());
		return saved(round, "TO_PANEL", before, null);
	}

	/**
	 * Puts a round at the panel in the decision record {@code decisionReference}, if it
	 * is still at the version read and nothing is {@code missing}.
	 */
	public RoundView putInDecision(String reference, Long version, String decisionReference,
			Function<RoundView, List<String>> missing, CurrentUser user) {
		GrantRound round = this.locks.locked(reference, version);
		RoundView before = view(round);
		round.putInDecision(decisionReference, missing.apply(before), this.clock.instant(), user.displayName());
		return saved(round, "PUT_IN_DECISION", before, decisionReference);
	}

	/**
	 * Holds the round and refuses as {@link #putInDecision} would (its version, its step,
	 * what is {@code missing}), changing nothing: checked before the record is drafted.
	 */
	public void mayPutInDecision(String reference, Long version, List<String> missing) {
		this.locks.locked(reference, version).mayPutInDecision(missing);
	}

	/** The round's record was decided Supported: the round is decided, once. */
	public RoundView decided(String reference, String decisionReference) {
		GrantRound round = this.locks.locked(reference);
		RoundView before = view(round);
		if (!round.decided(decisionReference, this.clock.instant(), AuditTrail.currentActor())) {
			return before;
		}
		return saved(round, "DECIDE", before, decisionReference);
	}

	/**
	 * The round's record was sent back or not supported: the round is at the panel again
	 * (nothing changes when it is not in that record).
	 */
	public RoundView backToPanel(String reference, String decisionReference, String why) {
		GrantRound round = this.locks.locked(reference);
		RoundView before = view(round);
		if (!round.backToPanel(decisionReference, this.clock.instant(), AuditTrail.currentActor())) {
			return before;
		}
		return saved(round, "BACK_TO_PANEL", before, why);
	}

	/**
	 * Closes the open rounds whose closing time has come, each in a transaction of its
	 * own ({@link RoundClosing}); a round closed by an officer or another node meanwhile
	 * is left as it is. Returns the references closed.
	 */
	@Transactional(readOnly = true)
	public List<String> due() {
		return this.jdbc
			.sql("select reference from grant_round where status = 'OPEN' and closes_at <= ? order by closes_at")
			.param(Timestamp.from(this.clock.instant()))
			.query(String.class)
			.list();
	}

	/** Closes one round whose closing time has come, if it is still open. */
	public boolean closeOnTime(String reference) {
		GrantRound round = this.locks.locked(reference);
		Instant now = this.clock.instant();
		if (round.getStatus() != RoundStatus.OPEN || now.isBefore(round.getClosesAt())) {
			return false;
		}
		RoundView before = view(round);
		round.close(null, now, THE_SERVICE);
		saved(round, "CLOSE", before, "Its closing time, " + Dates.dayAndTime(before.closesAt()) + ", was reached");
		return true;
	}

	private RoundView view(GrantRound round) {
		return this.rounds.find(round.getReference()).orElseThrow();
	}

	private RoundView saved(GrantRound round, String action, RoundView before, String why) {
		this.locks.save(round);
		RoundView after = view(round);
		this.auditTrail.record(action, RoundManagement.AUDIT_TYPE, after.id(), snapshot(before, null),
				snapshot(after, why));
		return after;
	}

	private static Map<String, Object> snapshot(RoundView round, String why) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("title", round.title());
		snapshot.put("status", round.status().label());
		snapshot.put("closesAt", Dates.dayAndTime(round.closesAt()));
		if (why != null && !why.isBlank()) {
			snapshot.put("reason", why.strip());
		}
		return snapshot;
	}

}
