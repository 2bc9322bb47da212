package uk.opcc.cspgrants.commissioning;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * The CSP formula pots drawn on each stream of a year: every formula run linked to a
 * stream ({@code formula_run_stream}) counts its pot, except a run another has
 * superseded.
 */
@Component
@Transactional(readOnly = true)
class FormulaPots {

	private final JdbcClient jdbc;

	FormulaPots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Money> byStream(FinancialYear year) {
		Map<Long, Money> pots = new HashMap<>();
		this.jdbc
			.sql("select l.stream_id, sum(r.pot) from formula_run_stream l join formula_run r on r.id = l.run_id "
					+ "join funding_stream s on s.id = l.stream_id "
					+ "where s.financial_year = ? and r.status <> 'SUPERSEDED' group by l.stream_id")
			.param(year.startYear())
			.query((rs) -> {
				pots.put(rs.getLong(1), Money.of(rs.getBigDecimal(2)));
			});
		return pots;
	}

}
