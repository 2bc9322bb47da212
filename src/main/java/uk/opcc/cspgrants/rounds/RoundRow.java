package uk.opcc.cspgrants.rounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.Money;

/**
 * A round in the list of a year's rounds.
 *
 * @param reference its reference
 * @param title its title
 * @param route its purchasing route
 * @param streamName the stream it spends
 * @param budget its budget
 * @param opensAt when it opens
 * @param closesAt when it closes
 * @param status where it has got to
 */
public record RoundRow(String reference, String title, PurchasingRoute route, String streamName, Money budget,
		Instant opensAt, Instant closesAt, RoundStatus status) {

	/** The columns {@link #read} reads, for a query to finish with its where clause. */
	static final String SELECT = "select r.reference, r.title, r.route, s.name, r.budget, r.opens_at, r.closes_at, "
			+ "r.status from grant_round r join funding_stream s on s.id = r.stream_id ";

	static RoundRow read(ResultSet rs) throws SQLException {
		return new RoundRow(rs.getString(1), rs.getString(2), PurchasingRoute.valueOf(rs.getString(3)), rs.getString(4),
				Money.of(rs.getBigDecimal(5)), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
				RoundStatus.valueOf(rs.getString(8)));
	}

}
