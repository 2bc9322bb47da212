package uk.opcc.cspgrants.commissioning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Adds to a year's award schedule the awards another decision made (a grant round's),
 * whatever the schedule's own status: each a committed line naming the record that
 * decided it, which never changes afterwards and which the schedule's own decision makes
 * no second grant from. Once: the schedule's row is held while the lines are added, and a
 * line's origin is in the schedule at most once (a unique key), so a decision seen twice
 * adds nothing more. The year's streams must have room for the lines, as for any line.
 */
@Service
@Transactional
public class DecidedLines {

	private final AwardSchedules schedules;

	private final FundingStreams streams;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	DecidedLines(AwardSchedules schedules, FundingStreams streams, JdbcClient jdbc, AuditTrail auditTrail,
			Clock clock) {
		this.schedules = schedules;
		this.streams = streams;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Why the lines cannot be added to the year's schedule (no schedule, or a stream
	 * without room for them), or {@code null} when they can: for a check page and for
	 * each sign-off of the record that will add them.
	 */
	@Transactional(readOnly = true)
	public String refusal(FinancialYear year, List<DecidedLine> lines) {
		Optional<ScheduleView> schedule = this.schedules.schedule(year);
		if (schedule.isEmpty()) {
			return noSchedule(year);
		}
		try {
			checkRoom(schedule.get(), lines);
			return null;
		}
		catch (ValidationException refused) {
			return String.join(" ", refused.fieldErrors().values());
		}
	}

	/**
	 * Adds the lines the schedule does not have yet, in the record's transaction (the
	 * record is already decided Supported: the database adds a decided line for no
	 * other), and gives the line of each origin, new or already there.
	 * @throws NotFoundException when the year has no schedule
	 * @throws ValidationException when a stream has no room for the new lines
	 */
	public Map<String, Long> add(FinancialYear year, String decisionReference, List<DecidedLine> lines) {
		long scheduleId = this.jdbc.sql("select id from award_schedule where financial_year = ? for update")
			.param(year.startYear())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(noSchedule(year)));
		Map<String, Long> made = new LinkedHashMap<>();
		List<DecidedLine> missing = lines.stream().filter(line -> {
			Optional<Long> existing = this.jdbc.sql("select id from award_line where origin_ref = ?")
				.param(line.originRef())
				.query(Long.class)
				.optional();
			existing.ifPresent(id -> made.put(line.originRef(), id));
			return existing.isEmpty();
		}).toList();
		if (missing.isEmpty()) {
			return made;
		}
		checkRoom(this.schedules.schedule(scheduleId), missing);
		int position = this.jdbc.sql("select coalesce(max(position), 0) from award_line where schedule_id = ?")
			.param(scheduleId)
			.query(Integer.class)
			.single();
		Instant now = this.clock.instant();
		String by = AuditTrail.currentActor();
		for (DecidedLine line : missing) {
			long id = this.jdbc.sql("""
					insert into award_line (schedule_id, position, organisation_id, initiative, status, stream_id,
					  theme_id, route, business_case_ref, round_ref, comments, created_at, created_by, decided_by,
					  origin_ref)
					values (?, ?, ?, ?, 'COMMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(scheduleId, ++position, line.organisationId(), line.initiative(), line.streamId(),
						line.themeId(), line.route().name(), line.businessCaseRef(), line.roundRef(), line.comments(),
						Timestamp.from(now), by, decisionReference, line.originRef())
				.query(Long.class)
				.single();
			this.jdbc
				.sql("insert into award_line_period (line_id, position, starts_on, ends_on, amount) "
						+ "values (?, 1, ?, ?, ?)")
				.params(id, Date.valueOf(line.startsOn()), Date.valueOf(line.endsOn()), line.amount().amount())
				.update();
			made.put(line.originRef(), id);
		}
		// whoever has the schedule open sees that it changed
		this.jdbc.sql("update award_schedule set version = version + 1, updated_at = ?, updated_by = ? where id = ?")
			.params(Timestamp.from(now), by, scheduleId)
			.update();
		ScheduleView after = this.schedules.schedule(scheduleId);
		for (DecidedLine line : missing) {
			long id = made.get(line.originRef());
			AwardLineView added = after.lines().stream().filter(one -> one.id() == id).findFirst().orElseThrow();
			this.auditTrail.record("ADD_DECIDED_LINE", AwardScheduleManagement.AUDIT_TYPE, scheduleId, null,
					LineSnapshot.of(added, after));
		}
		return made;
	}

	private void checkRoom(ScheduleView schedule, List<DecidedLine> lines) {
		Map<Long, Money> before = new HashMap<>();
		schedule.lines()
			.stream()
			.filter(AwardLineView::counted)
			.forEach(line -> before.merge(line.streamId(), line.total(), Money::plus));
		Map<Long, Money> after = new HashMap<>(before);
		lines.forEach(line -> after.merge(line.streamId(), line.amount(), Money::plus));
		OverAllocation.check("form", this.streams.streams(schedule.year()), this.streams.formulaPots(schedule.year()),
				before, after, schedule.tolerancePercent());
	}

	private static String noSchedule(FinancialYear year) {
		return "There is no award schedule for " + year + " to add the awards to: open it from Commissioning first";
	}

}
