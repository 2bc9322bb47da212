package uk.opcc.cspgrants.commissioning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Puts a year's award schedule to the Commissioner: drafts its decision record, in the
 * layout of EXE 0025/13 with the schedule attached as a table, and attaches the schedule
 * to it, in one transaction and exactly once (the schedule's row is locked and must still
 * be the draft at the version the officer checked). A record sent back keeps the schedule
 * as its attachment; putting the schedule to a decision again attaches it to that record
 * rather than drafting another.
 */
@Service
@Transactional
public class ScheduleDecisions {

	private final AwardSchedules schedules;

	private final FundingStreams streams;

	private final DecisionManagement decisions;

	private final AwardScheduleManagement management;

	private final JdbcClient jdbc;

	private final Clock clock;

	ScheduleDecisions(AwardSchedules schedules, FundingStreams streams, DecisionManagement decisions,
			AwardScheduleManagement management, JdbcClient jdbc, Clock clock) {
		this.schedules = schedules;
		this.streams = streams;
		this.decisions = decisions;
		this.management = management;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The record the year's schedule would be drafted as. */
	@Transactional(readOnly = true)
	public ScheduleDecisionProposal proposal(FinancialYear year) {
		ScheduleView schedule = this.schedules.schedule(year)
			.orElseThrow(() -> new NotFoundException("There is no award schedule for " + year));
		List<FundingStreamView> streams = this.streams.streams(year);
		ScheduleDecisionText.Committed committed = ScheduleDecisionText.Committed.of(schedule);
		return new ScheduleDecisionProposal(schedule, streams,
				streams.stream().map(FundingStreamView::amount).reduce(Money.ZERO, Money::plus),
				ScheduleDecisionText.draft(schedule, streams, today()), ScheduleTable.of(schedule), committed.lines(),
				committed.recipients(), committed.total(), committed.later(), sentBackRecord(schedule));
	}

	/**
	 * Drafts the schedule's decision record (or finds the one it was sent back in) and
	 * attaches the schedule to it: 409 naming the record when it is already attached or
	 * decided, or when it changed since {@code version} was read.
	 */
	public DecisionView draft(FinancialYear year, Long version, CurrentUser user) {
		return draft(year, version, today(), user);
	}

	/**
	 * As {@link #draft(FinancialYear, Long, CurrentUser)}, dated {@code decisionDate}
	 * (for a record entered after the meeting, or the demo's EXE 0025/13 of 27 August
	 * 2013).
	 */
	public DecisionView draft(FinancialYear year, Long version, LocalDate decisionDate, CurrentUser user) {
		if (!user.hasAny(Role.OFFICER, Role.ADMIN)) {
			throw new AccessDeniedException("Only an officer puts the award schedule to a decision");
		}
		// one at a time: the schedule's row is held until this transaction ends
		Locked locked = this.jdbc
			.sql("select id, status, decision_reference, version from award_schedule where financial_year = ? "
					+ "for update")
			.param(year.startYear())
			.query((rs, row) -> new Locked(rs.getLong(1), ScheduleStatus.valueOf(rs.getString(2)), rs.getString(3),
					rs.getLong(4)))
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no award schedule for " + year));
		if (locked.status() != ScheduleStatus.DRAFT) {
			throw new ConflictException(null,
					"The award schedule " + year + " is already " + locked.status().label().toLowerCase(Locale.UK)
							+ ((locked.decisionReference() != null) ? " " + locked.decisionReference() : "")
							+ ": it cannot be put to a decision again");
		}
		if (version == null || version != locked.version()) {
			throw ConflictException.changedBySomeoneElse();
		}
		ScheduleView schedule = this.schedules.schedule(locked.id());
		if (schedule.lines().isEmpty()) {
			throw new ValidationException("form", "The award schedule " + year + " has no lines to decide");
		}
		String sentBack = sentBackRecord(schedule);
		DecisionView record = (sentBack != null) ? this.decisions.get(sentBack)
				: this.decisions.draftWithAttachment(
						ScheduleDecisionText.draft(schedule, this.streams.streams(year), decisionDate),
						ScheduleAttachment.TYPE, String.valueOf(schedule.id()), user);
		this.management.attachToDecision(year, locked.version(), record.reference(), user);
		return record;
	}

	/** The draft record the schedule was attached to before it was sent back, if any. */
	private String sentBackRecord(ScheduleView schedule) {
		return this.decisions.openRecordWith(ScheduleAttachment.TYPE, String.valueOf(schedule.id()))
			.filter((reference) -> schedule.status() == ScheduleStatus.DRAFT)
			.orElse(null);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), Dates.UK);
	}

	private record Locked(long id, ScheduleStatus status, String decisionReference, long version) {
	}

}
