package uk.opcc.cspgrants.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Payment holds: placed by the reminder job when a return is overdue by the year's hold
 * days, once per overdue return (the database's unique key {@code payment_hold_once}),
 * and released by an officer with a reason, once (the release's UPDATE carries
 * {@code released_at is null} and the version read). While a partnership has an active
 * hold the database refuses to record any of its payments as paid
 * ({@code grant_payment_not_on_hold}).
 */
@Service
@Transactional
public class PaymentHolds {

	private static final String SELECT = "select h.*, p.code, p.name from payment_hold h "
			+ "join partnership p on p.id = h.partnership_id ";

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final ReturnNotices notices;

	private final Clock clock;

	PaymentHolds(JdbcClient jdbc, AuditTrail auditTrail, ReturnNotices notices, Clock clock) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.notices = notices;
		this.clock = clock;
	}

	/** Every active hold, by partnership name. */
	@Transactional(readOnly = true)
	public List<PaymentHold> active() {
		return this.jdbc.sql(SELECT + "where h.released_at is null order by p.name, h.financial_year, h.quarter")
			.query(PaymentHolds::hold)
			.list();
	}

	/** The active holds of each partnership, the first placed first. */
	@Transactional(readOnly = true)
	public Map<Long, PaymentHold> activeByPartnership() {
		Map<Long, PaymentHold> holds = new LinkedHashMap<>();
		this.jdbc.sql(SELECT + "where h.released_at is null order by h.placed_on, h.id")
			.query(PaymentHolds::hold)
			.list()
			.forEach(hold -> holds.putIfAbsent(hold.partnershipId(), hold));
		return holds;
	}

	@Transactional(readOnly = true)
	public Optional<PaymentHold> activeFor(long partnershipId) {
		return Optional.ofNullable(activeByPartnership().get(partnershipId));
	}

	@Transactional(readOnly = true)
	public PaymentHold get(long id) {
		return this.jdbc.sql(SELECT + "where h.id = ?")
			.param(id)
			.query(PaymentHolds::hold)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no payment hold " + id));
	}

	/**
	 * Places a hold for an overdue return, unless one was ever placed for it: true when
	 * this call placed it (and told people), false when it was there already.
	 */
	boolean place(long partnershipId, FinancialYear year, Quarter quarter, LocalDate placedOn, String reason) {
		Optional<Long> placed = this.jdbc
			.sql("insert into payment_hold (partnership_id, financial_year, quarter, placed_on, reason) "
					+ "values (?, ?, ?, ?, ?) on conflict on constraint payment_hold_once do nothing returning id")
			.params(partnershipId, year.startYear(), quarter.name(), placedOn, reason)
			.query(Long.class)
			.optional();
		if (placed.isEmpty()) {
			return false;
		}
		PaymentHold hold = get(placed.get());
		this.auditTrail.record("PLACE", "PaymentHold", hold.id(), null, snapshot(hold));
		this.notices.holdPlaced(hold);
		return true;
	}

	/**
	 * Releases an active hold with a reason, once: a second release, or one by someone
	 * who read an older version, is refused with what happened.
	 */
	public PaymentHold release(long id, String reason, Long version, CurrentUser user) {
		PaymentHold before = get(id);
		String why = (reason == null) ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new ValidationException("reason", "Enter why you are releasing the hold");
		}
		if (why.length() > 1000) {
			throw new ValidationException("reason", "The reason must be 1,000 characters or fewer");
		}
		int released = this.jdbc
			.sql("update payment_hold set released_at = ?, released_by = ?, release_reason = ?, version = version + 1 "
					+ "where id = ? and released_at is null and version = ?")
			.params(Timestamp.from(this.clock.instant()), user.displayName(), why, id,
					(version != null) ? version : before.version())
			.update();
		if (released == 0) {
			PaymentHold now = get(id);
			throw new ConflictException(null,
					now.active() ? ConflictException.changedBySomeoneElse().getMessage()
							: "This hold has already been released by " + now.releasedBy() + " on "
									+ Dates.dayAndTime(now.releasedAt()) + ": " + now.releaseReason());
		}
		PaymentHold after = get(id);
		this.auditTrail.record("RELEASE", "PaymentHold", id, snapshot(before), snapshot(after));
		this.notices.holdReleased(after);
		return after;
	}

	private static Map<String, Object> snapshot(PaymentHold hold) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("partnership", hold.code());
		snapshot.put("year", hold.year().toString());
		snapshot.put("quarter", hold.quarter().name());
		snapshot.put("placedOn", hold.placedOn().toString());
		snapshot.put("reason", hold.reason());
		snapshot.put("released", !hold.active());
		snapshot.put("releaseReason", hold.releaseReason());
		return snapshot;
	}

	private static PaymentHold hold(ResultSet rs, int row) throws SQLException {
		Timestamp released = rs.getTimestamp("released_at");
		Instant releasedAt = (released != null) ? released.toInstant() : null;
		return new PaymentHold(rs.getLong("id"), rs.getLong("partnership_id"), rs.getString("code"),
				rs.getString("name"), new FinancialYear(rs.getInt("financial_year")),
				Quarter.valueOf(rs.getString("quarter")), rs.getObject("placed_on", LocalDate.class),
				rs.getString("reason"), releasedAt, rs.getString("released_by"), rs.getString("release_reason"),
				rs.getLong("version"));
	}

}
