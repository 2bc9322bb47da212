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
 * no second grant from; a line the schedule planned for the award (same round reference
 * and recipient, not committed) is replaced by it rather than counted twice. Once: the
 * schedule's row is held while the lines are added, and a line's origin is in the
 * schedule at most once (a unique key), so a decision seen twice adds nothing more. The
 * year's streams must have room for the lines, as for any line.
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
			checkRoom(schedule.get(), lines, planned(schedule.get(), lines));
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
		ScheduleView before = this.schedules.schedule(scheduleId);
		List<AwardLineView> replaced = planned(before, missing);
		checkRoom(before, missing, replaced);
		int position = this.jdbc.sql("select coalesce(max(position), 0) from award_line where schedule_id = ?")
			.param(scheduleId)
			.query(Integer.class)
			.single();
		Instant now = this.clock.instant();
		String by = AuditTrail.currentActor();
		for (int i = 0; i < missing.size(); i++) {
			DecidedLine line = missing.get(i);
			Long replaces = (replaced.get(i) != null) ? replaced.get(i).id() : null;
			long id = this.jdbc.sql("""
					insert into award_line (schedule_id, position, organisation_id, partnership_id, initiative, status,
					  stream_id, theme_id, route, business_case_ref, round_ref, comments, replaces_line_id, created_at,
					  created_by, decided_by, origin_ref)
					values (?, ?, ?, ?, ?, 'COMMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(scheduleId, ++position, line.organisationId(), line.partnershipId(), line.initiative(),
						line.streamId(), line.themeId(), line.route().name(), line.businessCaseRef(), line.roundRef(),
						line.comments(), replaces, Timestamp.from(now), by, decisionReference, line.originRef())
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

	/**
	 * The line of the schedule each decided line replaces, or {@code null}: a line
	 * planned for the award (indicative or a new funding stream, not yet replaced, not
	 * itself decided) with the same grant round reference and recipient (or CSP), each
	 * planned line replaced once. So a schedule that planned a round's awards counts each
	 * once.
	 */
	static List<AwardLineView> planned(ScheduleView schedule, List<DecidedLine> lines) {
		List<AwardLineView> chosen = new java.util.ArrayList<>();
		for (DecidedLine line : lines) {
			List<AwardLineView> candidates = schedule.lines()
				.stream()
				.filter(planned -> planned.counted() && planned.decidedBy() == null
						&& planned.status() != LineStatus.COMMITTED && line.roundRef() != null
						&& line.roundRef().equals(planned.roundRef()) && sameRecipient(planned, line)
						&& !chosen.contains(planned))
				.toList();
			// the one planned for the same amount first (an organisation may have two)
			chosen.add(candidates.stream()
				.filter(planned -> planned.total().compareTo(line.amount()) == 0)
				.findFirst()
				.orElse(candidates.isEmpty() ? null : candidates.get(0)));
		}
		return chosen;
	}

	/**
	 * The same partnership when both name one (a schedule may name the partnership where
	 * the decision names its lead authority, and one council may lead several), else the
	 * same organisation.
	 */
	private static boolean sameRecipient(AwardLineView planned, DecidedLine line) {
		if (line.partnershipId() != null && planned.partnershipId() != null) {
			// one council may lead several partnerships: the partnership decides
			return line.partnershipId().equals(planned.partnershipId());
		}
		return planned.organisationId() == line.organisationId();
	}

	private void checkRoom(ScheduleView schedule, List<DecidedLine> lines, List<AwardLineView> replaced) {
		Map<Long, Money> before = new HashMap<>();
		schedule.lines()
			.stream()
			.filter(AwardLineView::counted)
			.forEach(line -> before.merge(line.streamId(), line.total(), Money::plus));
		Map<Long, Money> after = new HashMap<>(before);
		replaced.stream()
			.filter(java.util.Objects::nonNull)
			.forEach(line -> after.merge(line.streamId(), line.total(), Money::minus));
		lines.forEach(line -> after.merge(line.streamId(), line.amount(), Money::plus));
		OverAllocation.check("form", this.streams.streams(schedule.year()), this.streams.formulaPots(schedule.year()),
				before, after, schedule.tolerancePercent());
	}

	private static String noSchedule(FinancialYear year) {
		return "There is no award schedule for " + year + " to add the awards to: open it from Commissioning first";
	}

}
