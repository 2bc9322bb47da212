package uk.opcc.cspgrants.grants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * Reads the grants to organisations of a year, with their payments, in two queries, for
 * pages, the returns, the year end and open data.
 */
@Component
@Transactional(readOnly = true)
public class OrganisationGrants {

	private final JdbcClient jdbc;

	OrganisationGrants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every grant to an organisation in a year, by recipient name and initiative. */
	public List<OrganisationGrantView> grants(FinancialYear year) {
		return read("g.financial_year = ?", year.startYear());
	}

	/** Every grant to one organisation, latest year first. */
	public List<OrganisationGrantView> grantsTo(long organisationId) {
		return read("g.organisation_id = ?", organisationId);
	}

	private List<OrganisationGrantView> read(String where, Object param) {
		Map<Long, List<OrganisationGrantView.Payment>> payments = new HashMap<>();
		this.jdbc
			.sql("select p.grant_id, p.id, p.starts_on, p.ends_on, p.amount, p.paid_on, p.reference, p.version "
					+ "from organisation_grant_payment p join organisation_grant g on g.id = p.grant_id where " + where
					+ " order by p.starts_on")
			.param(param)
			.query((rs) -> {
				payments.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new OrganisationGrantView.Payment(rs.getLong(2), rs.getDate(3).toLocalDate(),
							rs.getDate(4).toLocalDate(), Money.of(rs.getBigDecimal(5)),
							(rs.getDate(6) != null) ? rs.getDate(6).toLocalDate() : null, rs.getString(7),
							rs.getLong(8)));
			});
		return this.jdbc
			.sql("select g.id, g.organisation_id, o.name, o.identifier, g.partnership_id, g.financial_year, "
					+ "g.award_line_id, g.initiative, g.amount, g.stream_id, g.theme_id, g.route, g.in_kind, "
					+ "g.decision_reference, g.version from organisation_grant g "
					+ "join organisation o on o.id = g.organisation_id where " + where
					+ " order by g.financial_year desc, lower(o.name), g.initiative, g.id")
			.param(param)
			.query((rs, row) -> new OrganisationGrantView(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, Long.class), new FinancialYear(rs.getInt(6)), rs.getLong(7),
					rs.getString(8), Money.of(rs.getBigDecimal(9)), rs.getLong(10), rs.getLong(11), rs.getString(12),
					rs.getBoolean(13), rs.getString(14), rs.getLong(15),
					payments.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

}
