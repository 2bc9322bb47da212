package uk.opcc.cspgrants.commissioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
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

	private static FundingStreamView view(ResultSet rs, int row) throws SQLException {
		return new FundingStreamView(rs.getLong(1), new FinancialYear(rs.getInt(2)), rs.getString(3), rs.getString(4),
				StreamKind.valueOf(rs.getString(5)), Money.of(rs.getBigDecimal(6)), rs.getString(7), rs.getBoolean(8),
				rs.getLong(9));
	}

}
