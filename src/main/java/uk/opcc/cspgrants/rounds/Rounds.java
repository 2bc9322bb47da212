package uk.opcc.cspgrants.rounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/** Reads grant rounds for pages, the API and other modules. */
@Component
@Transactional(readOnly = true)
public class Rounds {

	private static final String ROUND = "select r.id, r.reference, r.title, r.financial_year, r.route, r.stream_id, "
			+ "s.name, r.budget, r.min_award, r.max_award, r.opens_at, r.closes_at, r.guidance, r.eligibility, "
			+ "r.min_reviewers, r.moderation_gap, r.blind_review, r.status, r.version, r.created_by, r.created_at, "
			+ "r.updated_by, r.updated_at, r.opened_by, r.opened_at, r.closed_by, r.closed_at, r.close_reason, "
			+ "r.cancelled_by, r.cancelled_at, r.cancel_reason, r.assessed_by, r.assessed_at, "
			+ "r.panel_meets_on, r.taken_to_panel_by, r.taken_to_panel_at, r.decision_reference, r.decided_at "
			+ "from grant_round r join funding_stream s on s.id = r.stream_id ";

	private final JdbcClient jdbc;

	private final PlanThemes themes;

	Rounds(JdbcClient jdbc, PlanThemes themes) {
		this.jdbc = jdbc;
		this.themes = themes;
	}

	/** The rounds of a year, the first to open first. */
	public List<RoundRow> rounds(FinancialYear year) {
		return this.jdbc.sql(RoundRow.SELECT + "where r.financial_year = ? order by r.opens_at, r.reference")
			.param(year.startYear())
			.query((rs, row) -> RoundRow.read(rs))
			.list();
	}

	/** The years that have rounds, the latest first. */
	public List<FinancialYear> years() {
		return this.jdbc.sql("select distinct financial_year from grant_round order by financial_year desc")
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	/**
	 * The round of a reference, whatever its case, with its themes, criteria and scale.
	 */
	public Optional<RoundView> find(String reference) {
		if (reference == null) {
			return Optional.empty();
		}
		return this.jdbc.sql(ROUND + "where lower(r.reference) = lower(?)")
			.param(reference)
			.query(this::view)
			.optional();
	}

	/** The round of an id, with its themes, criteria and scale. */
	public Optional<RoundView> find(long id) {
		return this.jdbc.sql(ROUND + "where r.id = ?").param(id).query(this::view).optional();
	}

	private RoundView view(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong(1);
		return new RoundView(id, rs.getString(2), rs.getString(3), new FinancialYear(rs.getInt(4)),
				PurchasingRoute.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), Money.of(rs.getBigDecimal(8)),
				Money.of(rs.getBigDecimal(9)), Money.of(rs.getBigDecimal(10)), rs.getTimestamp(11).toInstant(),
				rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getString(14), rs.getInt(15),
				rs.getBigDecimal(16), rs.getBoolean(17), RoundStatus.valueOf(rs.getString(18)), rs.getLong(19),
				rs.getString(20), rs.getTimestamp(21).toInstant(), rs.getString(22), rs.getTimestamp(23).toInstant(),
				themesOf(id), criteriaOf(id), scaleOf(id),
				new RoundProgress(rs.getString(24), instant(rs, 25), rs.getString(26), instant(rs, 27),
						rs.getString(28), rs.getString(29), instant(rs, 30), rs.getString(31), deadlineChangesOf(id),
						rs.getString(32), instant(rs, 33), rs.getObject(34, java.time.LocalDate.class),
						rs.getString(35), instant(rs, 36), rs.getString(37), instant(rs, 38)));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private List<RoundProgress.DeadlineChange> deadlineChangesOf(long roundId) {
		return this.jdbc
			.sql("select from_closes_at, to_closes_at, reason, changed_by, changed_at from round_deadline_change "
					+ "where round_id = ? order by changed_at, id")
			.param(roundId)
			.query((rs, row) -> new RoundProgress.DeadlineChange(rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	private List<ThemeView> themesOf(long roundId) {
		return this.themes.find(this.jdbc.sql("select theme_id from round_theme where round_id = ?")
			.param(roundId)
			.query(Long.class)
			.list());
	}

	private List<Criterion> criteriaOf(long roundId) {
		return this.jdbc.sql("select name, guidance, weight from round_criterion where round_id = ? order by position")
			.param(roundId)
			.query((rs, row) -> new Criterion(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
			.list();
	}

	private List<ScalePoint> scaleOf(long roundId) {
		return this.jdbc.sql("select point, description from round_scale_point where round_id = ? order by point")
			.param(roundId)
			.query((rs, row) -> new ScalePoint(rs.getInt(1), rs.getString(2)))
			.list();
	}

}
