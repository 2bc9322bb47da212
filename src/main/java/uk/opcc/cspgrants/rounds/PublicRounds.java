package uk.opcc.cspgrants.rounds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.web.OpenRounds;

/**
 * The rounds the public sees: every round that has been opened (a draft is never shown),
 * those taking applications now first. A round whose closing time has passed takes no
 * more applications even before the service marks it closed.
 */
@Component
@Transactional(readOnly = true)
class PublicRounds implements OpenRounds {

	private final JdbcClient jdbc;

	private final Clock clock;

	PublicRounds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<OpenRound> open() {
		return this.jdbc
			.sql("select reference, title, closes_at from grant_round where status = 'OPEN' and opens_at <= ? "
					+ "and closes_at > ? order by closes_at, reference")
			.params(now(), now())
			.query((rs, row) -> new OpenRound(rs.getString(1), rs.getString(2),
					rs.getTimestamp(3).toInstant().atOffset(ZoneOffset.UTC)))
			.list();
	}

	/**
	 * Every round that has been opened, newest year first and, within a year, the latest
	 * to close first.
	 */
	List<RoundRow> published() {
		return this.jdbc
			.sql(RoundRow.SELECT + "where r.opened_at is not null "
					+ "order by r.financial_year desc, r.closes_at desc, r.reference")
			.query((rs, row) -> RoundRow.read(rs))
			.list();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
