package uk.opcc.cspgrants.grants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	public Optional<OrganisationGrantView> grant(long id) {
		return read("g.id = ?", id).stream().findFirst();
	}

	/** The grant a payment belongs to. */
	public Optional<OrganisationGrantView> grantPaidBy(long paymentId) {
		return read("g.id = (select grant_id from organisation_grant_payment where id = ?)", paymentId).stream()
			.findFirst();
	}

	/**
	 * Every grant to an organisation in a year as the grants schedule lists it, with its
	 * theme, stream and what is paid, in one query.
	 */
	public List<OrganisationGrantSummary> summaries(FinancialYear year) {
		return summaries("g.financial_year = ?", year.startYear());
	}

	public Optional<OrganisationGrantSummary> summary(long id) {
		return summaries("g.id = ?", id).stream().findFirst();
	}

	/**
	 * Every payment of the year's grants to organisations, by period and recipient, in
	 * one query.
	 */
	public List<OrganisationPaymentRow> payments(FinancialYear year) {
		return this.jdbc
			.sql("select p.id, g.id, o.name, g.initiative, p.starts_on, p.ends_on, p.amount, p.paid_on, p.reference, "
					+ "p.recorded_by, p.version from organisation_grant_payment p "
					+ "join organisation_grant g on g.id = p.grant_id join organisation o on o.id = g.organisation_id "
					+ "where g.financial_year = ? order by p.starts_on, lower(o.name), g.initiative, p.id")
			.param(year.startYear())
			.query((rs, row) -> new OrganisationPaymentRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(),
					Money.of(rs.getBigDecimal(7)), (rs.getDate(8) != null) ? rs.getDate(8).toLocalDate() : null,
					rs.getString(9), rs.getString(10), rs.getLong(11)))
			.list();
	}

	private List<OrganisationGrantSummary> summaries(String where, Object param) {
		return this.jdbc
			.sql("select g.id, g.financial_year, g.organisation_id, o.name, g.initiative, t.name, s.name, g.route, "
					+ "g.amount, coalesce((select sum(p.amount) from organisation_grant_payment p "
					+ "where p.grant_id = g.id and p.paid_on is not null), 0), g.in_kind, g.decision_reference "
					+ "from organisation_grant g join organisation o on o.id = g.organisation_id "
					+ "join plan_theme t on t.id = g.theme_id join funding_stream s on s.id = g.stream_id where "
					+ where + " order by lower(o.name), g.initiative, g.id")
			.param(param)
			.query((rs, row) -> new OrganisationGrantSummary(rs.getLong(1), new FinancialYear(rs.getInt(2)),
					rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					Money.of(rs.getBigDecimal(9)), Money.of(rs.getBigDecimal(10)), rs.getBoolean(11), rs.getString(12)))
			.list();
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
