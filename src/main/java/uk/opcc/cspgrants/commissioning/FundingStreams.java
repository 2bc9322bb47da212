package uk.opcc.cspgrants.commissioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/** Reads the funding streams of a year for pages and other modules. */
@Component
@Transactional(readOnly = true)
public class FundingStreams {

	private static final String COLUMNS = "s.id, s.financial_year, s.name, s.funder, s.kind, s.amount, s.conditions, "
			+ "s.ring_fenced, s.version";

	private final JdbcClient jdbc;

	FundingStreams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The streams of a year, in the order they were entered. */
	public List<FundingStreamView> streams(FinancialYear year) {
		return this.jdbc.sql("select " + COLUMNS + " from funding_stream s where s.financial_year = ? order by s.id")
			.param(year.startYear())
			.query(FundingStreams::view)
			.list();
	}

	public Optional<FundingStreamView> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from funding_stream s where s.id = ?")
			.param(id)
			.query(FundingStreams::view)
			.optional();
	}

	/**
	 * What is allocated from each stream of a year, by stream id (every stream of the
	 * year has an entry): its counted award lines and the pots of the approved formula
	 * runs drawn on it. Two queries.
	 */
	public Map<Long, StreamAllocation> allocations(FinancialYear year) {
		Map<Long, Money> lines = new LinkedHashMap<>();
		this.jdbc.sql(LINES + "where s.financial_year = ? group by s.id").param(year.startYear()).query((rs) -> {
			lines.put(rs.getLong(1), Money.of(rs.getBigDecimal(2)));
		});
		Map<Long, StreamAllocation> allocations = new LinkedHashMap<>();
		this.jdbc.sql(POTS + "where s.financial_year = ? group by s.id order by s.id")
			.param(year.startYear())
			.query((rs) -> {
				long id = rs.getLong(1);
				allocations.put(id,
						new StreamAllocation(id, lines.getOrDefault(id, Money.ZERO), Money.of(rs.getBigDecimal(2))));
			});
		return allocations;
	}

	/**
	 * The pots of the approved formula runs drawn on each stream of a year, by stream id
	 * (every stream of the year has an entry); a superseded run no longer counts.
	 */
	public Map<Long, Money> formulaPots(FinancialYear year) {
		Map<Long, Money> pots = new LinkedHashMap<>();
		this.jdbc.sql(POTS + "where s.financial_year = ? group by s.id order by s.id")
			.param(year.startYear())
			.query((rs) -> {
				pots.put(rs.getLong(1), Money.of(rs.getBigDecimal(2)));
			});
		return pots;
	}

	/** What is allocated from one stream (see {@link #allocations}). */
	public StreamAllocation allocation(long streamId) {
		Money lines = this.jdbc.sql(LINES + "where s.id = ? group by s.id")
			.param(streamId)
			.query((rs, row) -> Money.of(rs.getBigDecimal(2)))
			.optional()
			.orElse(Money.ZERO);
		Money pots = this.jdbc.sql(POTS + "where s.id = ? group by s.id")
			.param(streamId)
			.query((rs, row) -> Money.of(rs.getBigDecimal(2)))
			.optional()
			.orElse(Money.ZERO);
		return new StreamAllocation(streamId, lines, pots);
	}

	/**
	 * The formula runs of a year whose pots draw on its streams, by run; a superseded run
	 * is listed but not counted ({@link RunDraw#counted()}).
	 */
	public List<RunDraw> drawnByRuns(FinancialYear year) {
		return this.jdbc.sql(DRAWS + "where s.financial_year = ? order by r.id")
			.param(year.startYear())
			.query(FundingStreams::draw)
			.list();
	}

	/** The formula runs drawn on one stream. */
	public List<RunDraw> drawnByRuns(long streamId) {
		return this.jdbc.sql(DRAWS + "where s.id = ? order by r.id").param(streamId).query(FundingStreams::draw).list();
	}

	/** The stream a run's pot draws on, if it is linked to one. */
	public Optional<RunDraw> streamOfRun(long runId) {
		return this.jdbc.sql(DRAWS + "where r.id = ?").param(runId).query(FundingStreams::draw).optional();
	}

	/** A stream's changes of amount, oldest first: its history. */
	public List<StreamChangeView> changes(long streamId) {
		return this.jdbc
			.sql("select id, stream_id, amount_before, amount_after, reason, changed_by, changed_at "
					+ "from funding_stream_change where stream_id = ? order by changed_at, id")
			.param(streamId)
			.query((rs, row) -> new StreamChangeView(rs.getLong(1), rs.getLong(2), Money.of(rs.getBigDecimal(3)),
					Money.of(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** The years that have streams, latest first. */
	public List<FinancialYear> years() {
		return this.jdbc.sql("select distinct financial_year from funding_stream order by financial_year desc")
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	private static final String LINES = "select s.id, coalesce(sum(p.amount), 0) from funding_stream s "
			+ "join award_line l on l.stream_id = s.id "
			+ "and not exists (select 1 from award_line r where r.replaces_line_id = l.id) "
			+ "join award_line_period p on p.line_id = l.id ";

	private static final String POTS = "select s.id, coalesce(sum(r.pot) filter (where r.status = 'APPROVED'), 0) "
			+ "from funding_stream s left join formula_run_stream d on d.stream_id = s.id "
			+ "left join formula_run r on r.id = d.run_id ";

	private static final String DRAWS = "select r.id, d.stream_id, r.financial_year, r.purpose, r.status, r.pot, "
			+ "d.linked_by, d.linked_at from formula_run_stream d join formula_run r on r.id = d.run_id "
			+ "join funding_stream s on s.id = d.stream_id ";

	private static RunDraw draw(ResultSet rs, int row) throws SQLException {
		String purpose = rs.getString(4);
		return new RunDraw(rs.getLong(1), rs.getLong(2), new FinancialYear(rs.getInt(3)),
				RunPurpose.valueOf(purpose).label(), rs.getString(5), Money.of(rs.getBigDecimal(6)), rs.getString(7),
				rs.getTimestamp(8).toInstant());
	}

	private static FundingStreamView view(ResultSet rs, int row) throws SQLException {
		return new FundingStreamView(rs.getLong(1), new FinancialYear(rs.getInt(2)), rs.getString(3), rs.getString(4),
				StreamKind.valueOf(rs.getString(5)), Money.of(rs.getBigDecimal(6)), rs.getString(7), rs.getBoolean(8),
				rs.getLong(9));
	}

}
