package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunStatus;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The funding streams of a year: entered once by name, topped up or reduced with a reason
 * (kept in the stream's history and the audit trail), and the approved formula runs whose
 * pots draw on them. Every change of a stream locks its row first, so changes of one
 * stream take turns; a change made from an older version is refused with who changed it
 * since.
 */
@Service
@Transactional
public class FundingStreamManagement {

	static final String AUDIT_TYPE = "FundingStream";

	private final FundingStreamRepository repository;

	private final FundingStreams streams;

	private final RunManagement runs;

	private final AuditTrail auditTrail;

	private final JdbcClient jdbc;

	private final Clock clock;

	FundingStreamManagement(FundingStreamRepository repository, FundingStreams streams, RunManagement runs,
			AuditTrail auditTrail, JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.streams = streams;
		this.runs = runs;
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The stream, if it belongs to the year; otherwise not found. */
	@Transactional(readOnly = true)
	public FundingStreamView get(FinancialYear year, long id) {
		return this.streams.find(id)
			.filter(stream -> stream.year().equals(year))
			.orElseThrow(() -> new NotFoundException("There is no funding stream " + id + " in " + year));
	}

	/**
	 * Enters a stream for a year; refused on the name when the year has a stream of that
	 * name already (the database's key {@code funding_stream_name_once}).
	 */
	public FundingStreamView create(FinancialYear year, StreamDetails details, CurrentUser user) {
		details.check();
		Optional<FundingStreamView> same = sameName(year, details.name());
		if (same.isPresent()) {
			throw alreadyThere(year, same.get());
		}
		FundingStream stream = DatabaseRefusal.orFieldConflict(
				() -> this.repository.saveAndFlush(
						new FundingStream(year.startYear(), details, this.clock.instant(), user.displayName())),
				Map.of("funding_stream_name_once", new ConflictException("name",
						year + " already has a funding stream called " + details.name())));
		FundingStreamView created = this.streams.find(stream.getId()).orElseThrow();
		this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, snapshot(created));
		return created;
	}

	/**
	 * Tops a stream up or reduces it, once for the version read: refused (409, naming
	 * who) when the stream has changed since; a reduction below what is allocated from it
	 * is refused on the amount.
	 */
	public FundingStreamView change(FinancialYear year, long id, StreamChange change, CurrentUser user) {
		get(year, id);
		change.check();
		lockScheduleOf(year);
		FundingStream stream = this.repository.findLocked(id).orElseThrow();
		if (stream.getVersion() != change.version()) {
			throw changedSince(stream);
		}
		StreamAllocation allocated = this.streams.allocation(id);
		Money before = stream.change(change.direction(), change.amount(), allocated);
		DatabaseRefusal.orConflict(() -> this.repository.saveAndFlush(stream), Map.of());
		this.jdbc
			.sql("insert into funding_stream_change (stream_id, amount_before, amount_after, reason, changed_by, "
					+ "changed_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, before.amount(), stream.getAmount().amount(), change.reason(), user.displayName(),
					Timestamp.from(this.clock.instant()))
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("amount", stream.getAmount().toString());
		after.put("reason", change.reason());
		this.auditTrail.record(change.direction().auditAction(), AUDIT_TYPE, id, Map.of("amount", before.toString()),
				after);
		return this.streams.find(id).orElseThrow();
	}

	/**
	 * What a change would do, for its check page: the amounts before and after and what
	 * is allocated; refused as {@link #change} would refuse it, changing nothing.
	 */
	@Transactional(readOnly = true)
	public ChangePreview preview(FinancialYear year, long id, StreamChange change) {
		FundingStreamView stream = get(year, id);
		change.check();
		if (stream.version() != change.version()) {
			throw changedSince(this.repository.findById(id).orElseThrow());
		}
		StreamAllocation allocated = this.streams.allocation(id);
		FundingStream copy = new FundingStream(stream.year().startYear(), new StreamDetails(stream.name(),
				stream.funder(), stream.kind(), stream.amount(), stream.conditions(), stream.ringFenced()), null, null);
		Money before = copy.change(change.direction(), change.amount(), allocated);
		return new ChangePreview(stream, change, before, copy.getAmount(), allocated);
	}

	/**
	 * Links an approved formula run of the stream's year to the stream its pot draws on,
	 * once per run (the run's key in {@code formula_run_stream}): a second link is
	 * refused with the stream it draws on and who linked it. Refused when the pot would
	 * take what is allocated from the stream beyond its amount and the year's tolerance.
	 */
	public RunDraw linkRun(FinancialYear year, long streamId, Long runId, CurrentUser user) {
		FundingStreamView view = get(year, streamId);
		if (runId == null) {
			throw new ValidationException("runId", "Choose the formula run whose pot draws on " + view.name());
		}
		RunView run;
		try {
			run = this.runs.get(runId);
		}
		catch (NotFoundException missing) {
			throw new ValidationException("runId", "There is no formula run " + runId + ": choose one from the list");
		}
		if (!run.year().equals(year)) {
			throw new ValidationException("runId",
					"Formula run " + runId + " is for " + run.year() + ": choose a run of " + year);
		}
		if (run.status() != RunStatus.APPROVED) {
			throw new ValidationException("runId", "Formula run " + runId + " is " + run.status().label().toLowerCase()
					+ ": only an approved run's pot is money drawn on a stream");
		}
		BigDecimal tolerance = lockScheduleOf(year);
		FundingStream stream = this.repository.findLocked(streamId).orElseThrow();
		Optional<RunDraw> linked = this.streams.streamOfRun(runId);
		if (linked.isPresent()) {
			throw alreadyLinked(linked.get());
		}
		StreamAllocation allocated = this.streams.allocation(streamId);
		Money limit = OverAllocation.limit(stream.getAmount(), tolerance);
		Money wouldBe = allocated.total().plus(run.pot());
		if (wouldBe.isGreaterThan(limit)) {
			throw new ValidationException("runId", "Formula run " + runId + "'s pot of " + run.pot().format()
					+ " would take what is allocated from " + stream.getName() + " to " + wouldBe.format()
					+ ", beyond its " + stream.getAmount().format()
					+ (tolerance.signum() > 0 ? " and the year's tolerance of "
							+ tolerance.stripTrailingZeros().toPlainString() + "% (" + limit.format() + ")" : "")
					+ ". Top the stream up first, or choose another stream");
		}
		int inserted = this.jdbc
			.sql("insert into formula_run_stream (run_id, stream_id, linked_by, linked_at) values (?, ?, ?, ?) "
					+ "on conflict (run_id) do nothing")
			.params(runId, streamId, user.displayName(), Timestamp.from(this.clock.instant()))
			.update();
		if (inserted == 0) {
			throw alreadyLinked(this.streams.streamOfRun(runId).orElseThrow());
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("run", runId);
		after.put("pot", run.pot().toString());
		this.auditTrail.record("LINK_RUN", AUDIT_TYPE, streamId, null, after);
		return this.streams.streamOfRun(runId).orElseThrow();
	}

	/**
	 * Locks the year's award schedule, if it has one, before a stream's row: a change of
	 * the schedule's lines locks the same row, so a stream reduced (or a pot linked) and
	 * a line added at the same moment are checked one after the other, never both against
	 * the allocation before either. The schedule's tolerance, none without a schedule.
	 */
	private BigDecimal lockScheduleOf(FinancialYear year) {
		return this.jdbc.sql("select tolerance_percent from award_schedule where financial_year = ? for update")
			.param(year.startYear())
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

	/** The approved runs of a year whose pots are not yet drawn on any stream. */
	@Transactional(readOnly = true)
	public List<RunView> runsToLink(FinancialYear year) {
		List<Long> linked = this.streams.drawnByRuns(year).stream().map(RunDraw::runId).toList();
		return this.runs.approved()
			.stream()
			.filter(run -> run.year().equals(year) && !linked.contains(run.id()))
			.toList();
	}

	private Optional<FundingStreamView> sameName(FinancialYear year, String name) {
		return this.streams.streams(year).stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
	}

	private static ConflictException alreadyThere(FinancialYear year, FundingStreamView stream) {
		return new ConflictException("name", year + " already has a funding stream called " + stream.name() + " ("
				+ stream.amount().format() + "): change its amount there, or give this stream another name");
	}

	private ConflictException changedSince(FundingStream stream) {
		List<StreamChangeView> history = this.streams.changes(stream.getId());
		if (history.isEmpty()) {
			return ConflictException.changedBySomeoneElse();
		}
		StreamChangeView last = history.get(history.size() - 1);
		return new ConflictException(null,
				stream.getName() + " was changed by " + last.changedBy() + " on " + Dates.dayAndTime(last.changedAt())
						+ " (" + last.direction().label().toLowerCase() + " by " + last.by().format() + ": "
						+ last.reason() + "), after you opened it: it is now " + stream.getAmount().format()
						+ ". Check the amount and make your change again if it is still needed");
	}

	private ConflictException alreadyLinked(RunDraw draw) {
		String stream = this.streams.find(draw.streamId()).map(FundingStreamView::name).orElse("a stream");
		return new ConflictException("runId", "Formula run " + draw.runId() + "'s pot already draws on " + stream
				+ ": linked by " + draw.linkedBy() + " on " + Dates.dayAndTime(draw.linkedAt()));
	}

	private static Map<String, Object> snapshot(FundingStreamView stream) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("year", stream.year().toString());
		snapshot.put("name", stream.name());
		snapshot.put("funder", stream.funder());
		snapshot.put("kind", stream.kind().name());
		snapshot.put("amount", stream.amount().toString());
		snapshot.put("conditions", stream.conditions());
		snapshot.put("ringFenced", stream.ringFenced());
		return snapshot;
	}

	/**
	 * What a change will do.
	 *
	 * @param stream the stream as read
	 * @param change the change
	 * @param before its amount now
	 * @param after its amount after the change
	 * @param allocated what is allocated from it
	 */
	public record ChangePreview(FundingStreamView stream, StreamChange change, Money before, Money after,
			StreamAllocation allocated) {

		public Money unallocatedAfter() {
			return this.after.minus(this.allocated.total());
		}

	}

}
