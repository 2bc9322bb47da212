package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Changes the award schedule of a year: open it, add, change and remove lines, set its
 * tolerance, replace its lines with an import, attach it to a decision record, and take
 * what the record's decision means for it. Each command locks the schedule's row, checks
 * the version the user read (a change made from an older reading is refused with who
 * changed it since), calls the {@link AwardSchedule} aggregate, saves, and records the
 * change in the audit trail (entity type {@value #AUDIT_TYPE}, the schedule's id).
 */
@Service
@Transactional
public class AwardScheduleManagement {

	/** The audit trail's entity type for a schedule and its lines. */
	public static final String AUDIT_TYPE = "AwardSchedule";

	private final AwardScheduleRepository repository;

	private final AwardSchedules schedules;

	private final FundingStreams streams;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	AwardScheduleManagement(AwardScheduleRepository repository, AwardSchedules schedules, FundingStreams streams,
			JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.schedules = schedules;
		this.streams = streams;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** Opens the (empty, draft) schedule of a year; 409 when the year has one. */
	public ScheduleView open(FinancialYear year, String title, BigDecimal tolerancePercent, CurrentUser user) {
		if (this.repository.findByYear(year.startYear()).isPresent()) {
			throw alreadyOpen(year);
		}
		Instant now = this.clock.instant();
		AwardSchedule schedule = new AwardSchedule(year, title, tolerancePercent, now);
		schedule.changedBy(name(user), now);
		try {
			schedule = this.repository.saveAndFlush(schedule);
		}
		catch (DataIntegrityViolationException opened) {
			throw alreadyOpen(year);
		}
		this.auditTrail.record("OPEN", AUDIT_TYPE, schedule.id(), null, schedule.snapshot());
		return this.schedules.schedule(schedule.id());
	}

	/** Adds a line at the end of a draft schedule. */
	public AwardLineView addLine(FinancialYear year, long version, AwardLineDraft draft, CurrentUser user) {
		AwardSchedule schedule = lockedDraft(year, version);
		LineDetails details = checked(draft, year, "");
		Map<Long, Money> before = schedule.countedByStream();
		Instant now = this.clock.instant();
		AwardLine line = schedule.addLine(details, draft.replacesLineId(), name(user), now);
		checkAllocation(schedule, before, "periods");
		schedule.changedBy(name(user), now);
		save(schedule);
		ScheduleView current = this.schedules.schedule(schedule.id());
		AwardLineView added = lineOf(current, line.id());
		this.auditTrail.record("ADD_LINE", AUDIT_TYPE, schedule.id(), null, LineSnapshot.of(added, current));
		return added;
	}

	/** Changes a line of a draft schedule. */
	public AwardLineView changeLine(FinancialYear year, long lineId, long version, AwardLineDraft draft,
			CurrentUser user) {
		AwardSchedule schedule = lockedDraft(year, version);
		schedule.line(lineId); // not found unless the line is in this schedule
		ScheduleView current = this.schedules.schedule(schedule.id());
		Map<String, Object> was = LineSnapshot.of(lineOf(current, lineId), current);
		LineDetails details = checked(draft, year, "");
		Map<Long, Money> before = schedule.countedByStream();
		Instant now = this.clock.instant();
		schedule.changeLine(lineId, details, draft.replacesLineId(), now);
		checkAllocation(schedule, before, "periods");
		schedule.changedBy(name(user), now);
		save(schedule);
		ScheduleView after = this.schedules.schedule(schedule.id());
		AwardLineView changed = lineOf(after, lineId);
		this.auditTrail.record("CHANGE_LINE", AUDIT_TYPE, schedule.id(), was, LineSnapshot.of(changed, after));
		return changed;
	}

	/** Removes a line of a draft schedule. */
	public ScheduleView removeLine(FinancialYear year, long lineId, long version, CurrentUser user) {
		AwardSchedule schedule = lockedDraft(year, version);
		schedule.line(lineId); // not found unless the line is in this schedule
		ScheduleView current = this.schedules.schedule(schedule.id());
		Map<String, Object> was = LineSnapshot.of(lineOf(current, lineId), current);
		Instant now = this.clock.instant();
		schedule.removeLine(lineId, now);
		schedule.changedBy(name(user), now);
		save(schedule);
		this.auditTrail.record("REMOVE_LINE", AUDIT_TYPE, schedule.id(), was, null);
		return this.schedules.schedule(schedule.id());
	}

	/**
	 * Sets the over-allocation a draft schedule allows; refused when what is already
	 * allocated needs more.
	 */
	public ScheduleView setTolerance(FinancialYear year, long version, BigDecimal tolerancePercent, CurrentUser user) {
		AwardSchedule schedule = lockedDraft(year, version);
		Map<String, Object> was = schedule.snapshot();
		Instant now = this.clock.instant();
		schedule.setTolerance(tolerancePercent, now);
		OverAllocation.check("tolerancePercent", this.streams.streams(year), this.streams.formulaPots(year), Map.of(),
				schedule.countedByStream(), schedule.tolerancePercent());
		schedule.changedBy(name(user), now);
		save(schedule);
		this.auditTrail.record("SET_TOLERANCE", AUDIT_TYPE, schedule.id(), was, schedule.snapshot());
		return this.schedules.schedule(schedule.id());
	}

	/**
	 * Replaces every line of a draft schedule with the imported ones, in their order
	 * (positions 1, 2, 3…), in one transaction; a line replaces another by
	 * {@code replacesPosition}, the position in this import (1 for its first line).
	 * Refused when the schedule is not a draft or its version has moved on, with every
	 * line's problems ({@code line-<position>.<field>}: "Line 3: …"), or when it would
	 * over-allocate a stream.
	 */
	public ScheduleView importLines(FinancialYear year, long version, List<AwardLineDraft> lines, CurrentUser user) {
		AwardSchedule schedule = lockedDraft(year, version);
		if (lines.isEmpty()) {
			throw new ValidationException("lines", "The import has no lines");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		List<LineDetails> checked = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String prefix = "line-" + (i + 1) + ".";
			try {
				checked.add(checked(lines.get(i), year, prefix));
			}
			catch (ValidationException refused) {
				refused.fieldErrors().forEach(problems::put);
			}
		}
		if (!problems.isEmpty()) {
			throw new ValidationException(problems);
		}
		Map<Integer, Integer> replacements = AwardSchedule
			.importedReplacements(lines.stream().map(AwardLineDraft::replacesPosition).toList());
		Map<Long, Money> before = schedule.countedByStream();
		Set<Integer> replaced = new HashSet<>(replacements.values());
		Map<Long, Money> after = new HashMap<>();
		for (int i = 0; i < checked.size(); i++) {
			if (!replaced.contains(i + 1)) {
				LineDetails line = checked.get(i);
				Money total = line.periods()
					.stream()
					.map(AwardLineDraft.PeriodDraft::amount)
					.reduce(Money.ZERO, Money::plus);
				after.merge(line.streamId(), total, Money::plus);
			}
		}
		OverAllocation.check("lines", this.streams.streams(year), this.streams.formulaPots(year), before, after,
				schedule.tolerancePercent());
		Map<String, Object> was = schedule.snapshot();
		Instant now = this.clock.instant();
		schedule.clearReplacements();
		save(schedule);
		schedule.clearLines(now);
		save(schedule);
		List<AwardLine> added = schedule.addImported(checked, name(user), now);
		save(schedule);
		schedule.linkImportedReplacements(added, replacements);
		schedule.changedBy(name(user), now);
		save(schedule);
		this.auditTrail.record("IMPORT", AUDIT_TYPE, schedule.id(), was, schedule.snapshot());
		return this.schedules.schedule(schedule.id());
	}

	/**
	 * Attaches a draft schedule to the decision record drafted from it; 409 when not a
	 * draft, 400 listing line by line what the counted lines' routes still need.
	 */
	public ScheduleView attachToDecision(FinancialYear year, long version, String decisionReference, CurrentUser user) {
		AwardSchedule schedule = lockedDraft(year, version);
		Map<String, Object> was = schedule.snapshot();
		Instant now = this.clock.instant();
		schedule.attach(decisionReference, organisationNames(schedule.id()), now);
		schedule.changedBy(name(user), now);
		save(schedule);
		this.auditTrail.record("ATTACH", AUDIT_TYPE, schedule.id(), was, schedule.snapshot());
		return this.schedules.schedule(schedule.id());
	}

	/**
	 * The record was sent back: the schedule is a draft again, detached from it (nothing
	 * happens when no schedule is attached to it).
	 */
	public void detachFromDecision(String decisionReference) {
		this.repository.lockByDecision(decisionReference).ifPresent(schedule -> {
			Map<String, Object> was = schedule.snapshot();
			Instant now = this.clock.instant();
			if (schedule.detach(decisionReference, now)) {
				schedule.changedBy(AuditTrail.currentActor(), now);
				save(schedule);
				this.auditTrail.record("DETACH", AUDIT_TYPE, schedule.id(), was, schedule.snapshot());
			}
		});
	}

	/**
	 * The record was decided: the schedule attached to it is decided (once; a second call
	 * changes nothing). 404 when no schedule is attached to the record.
	 */
	public void decided(String decisionReference) {
		AwardSchedule schedule = this.repository.lockByDecision(decisionReference)
			.orElseThrow(() -> new NotFoundException("No award schedule is attached to " + decisionReference));
		Map<String, Object> was = schedule.snapshot();
		Instant now = this.clock.instant();
		if (schedule.decide(decisionReference, now)) {
			schedule.changedBy(AuditTrail.currentActor(), now);
			save(schedule);
			this.auditTrail.record("DECIDE", AUDIT_TYPE, schedule.id(), was, schedule.snapshot());
		}
	}

	/** The totals of a year's schedule against its streams and formula pots. */
	@Transactional(readOnly = true)
	public ScheduleTotals totals(FinancialYear year, ScheduleView schedule) {
		return new ScheduleTotals(schedule, this.streams.streams(year), this.streams.formulaPots(year));
	}

	private AwardSchedule lockedDraft(FinancialYear year, Long version) {
		AwardSchedule schedule = this.repository.lockByYear(year.startYear())
			.orElseThrow(() -> new NotFoundException("There is no award schedule for " + year));
		if (version != null && version != schedule.version()) {
			String who = (schedule.updatedBy() != null) ? schedule.updatedBy() : "someone else";
			throw new ConflictException(null,
					"The " + year + " award schedule was changed by " + who + " on "
							+ Dates.dayAndTime(schedule.updatedAt())
							+ " after you opened it. Check the schedule as it is now and make your change again.");
		}
		schedule.expectDraft();
		return schedule;
	}

	/**
	 * The line's rules, then what only the database knows: the recipient, partnership,
	 * stream (of this year) and theme (of the year's plan, when it has one) exist.
	 */
	private LineDetails checked(AwardLineDraft draft, FinancialYear year, String prefix) {
		LineDetails details;
		try {
			details = LineDetails.check(draft, year);
		}
		catch (ValidationException refused) {
			throw prefixed(refused.fieldErrors(), prefix);
		}
		// what the line names, checked in one query (an import checks every line)
		Map<String, Object> found = this.jdbc.sql("""
				select exists (select 1 from organisation where id = :organisation) as organisation,
				  (cast(:partnership as bigint) is null
				    or exists (select 1 from partnership where id = :partnership)) as partnership,
				  exists (select 1 from funding_stream where id = :stream and financial_year = :year) as stream,
				  exists (select 1 from plan_theme t where t.id = :theme
				    and (not exists (select 1 from commissioning_year y where y.financial_year = :year)
				      or t.plan_id = (select y.plan_id from commissioning_year y where y.financial_year = :year)))
				    as theme""")
			.param("organisation", details.organisationId())
			.param("partnership", details.partnershipId())
			.param("stream", details.streamId())
			.param("theme", details.themeId())
			.param("year", year.startYear())
			.query()
			.singleRow();
		Map<String, String> errors = new LinkedHashMap<>();
		if (!Boolean.TRUE.equals(found.get("organisation"))) {
			errors.put("organisationId", "Choose an organisation from the list");
		}
		if (!Boolean.TRUE.equals(found.get("partnership"))) {
			errors.put("partnershipId", "Choose a partnership from the list");
		}
		if (!Boolean.TRUE.equals(found.get("stream"))) {
			errors.put("streamId", "Choose a funding stream of " + year);
		}
		if (!Boolean.TRUE.equals(found.get("theme"))) {
			errors.put("themeId", "Choose a theme of the Police and Crime Plan " + year + " commissions against");
		}
		if (!errors.isEmpty()) {
			throw prefixed(errors, prefix);
		}
		return details;
	}

	private static ValidationException prefixed(Map<String, String> errors, String prefix) {
		if (prefix.isEmpty()) {
			return new ValidationException(errors);
		}
		String line = "Line " + prefix.substring("line-".length(), prefix.length() - 1) + ": ";
		Map<String, String> named = new LinkedHashMap<>();
		errors.forEach((field, message) -> named.put(prefix + field, line + message));
		return new ValidationException(named);
	}

	private void checkAllocation(AwardSchedule schedule, Map<Long, Money> before, String field) {
		OverAllocation.check(field, this.streams.streams(schedule.year()), this.streams.formulaPots(schedule.year()),
				before, schedule.countedByStream(), schedule.tolerancePercent());
	}

	/**
	 * Writes the changes of a schedule this transaction holds (flushed, not merged, so
	 * that its new lines are the ones given their ids).
	 */
	private void save(AwardSchedule schedule) {
		try {
			this.repository.flush();
		}
		catch (DataIntegrityViolationException clash) {
			throw new ConflictException(null, "The " + schedule.year()
					+ " award schedule was changed by someone else at the same moment. Check it and try again.");
		}
	}

	private Map<Long, String> organisationNames(long scheduleId) {
		Map<Long, String> names = new HashMap<>();
		this.jdbc
			.sql("select distinct o.id, o.name from organisation o join award_line l on l.organisation_id = o.id "
					+ "where l.schedule_id = ?")
			.param(scheduleId)
			.query((rs) -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	private static AwardLineView lineOf(ScheduleView schedule, long lineId) {
		return schedule.lines().stream().filter(line -> line.id() == lineId).findFirst().orElseThrow();
	}

	private static ConflictException alreadyOpen(FinancialYear year) {
		return new ConflictException("title", "The " + year + " award schedule has already been opened");
	}

	private static String name(CurrentUser user) {
		return (user != null) ? user.displayName() : AuditTrail.currentActor();
	}

}
