package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * The read side of organisations' returns: one grant as a return needs it, a year's
 * returns in one query, and the years that have grants to organisations.
 */
@Component
@Transactional(readOnly = true)
class OrganisationReturnReads {

	private final JdbcClient jdbc;

	OrganisationReturnReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<OrganisationReturnGrant> grant(long grantId) {
		return this.jdbc
			.sql("select g.id, g.organisation_id, o.name, g.initiative, g.financial_year, g.amount, g.in_kind "
					+ "from organisation_grant g join organisation o on o.id = g.organisation_id where g.id = ?")
			.param(grantId)
			.query((rs, row) -> new OrganisationReturnGrant(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4), new FinancialYear(rs.getInt(5)), Money.of(rs.getBigDecimal(6)), rs.getBoolean(7)))
			.optional();
	}

	/** The years that have grants to organisations, latest first. */
	List<FinancialYear> years() {
		return this.jdbc.sql("select distinct financial_year from organisation_grant order by financial_year desc")
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	/** The years of one organisation's grants, latest first. */
	List<FinancialYear> yearsOf(Long organisationId) {
		return this.jdbc
			.sql("select distinct financial_year from organisation_grant where organisation_id = ? "
					+ "order by financial_year desc")
			.param(organisationId)
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	/**
	 * A year's returns of the grants given, by grant and quarter, in one query; a quarter
	 * not started is an empty draft.
	 */
	Map<Long, Map<Quarter, OrganisationReturnView>> returnsOf(FinancialYear year,
			Map<Long, OrganisationReturnGrant> grants, Map<Quarter, LocalDate> dueDates) {
		Map<Long, Map<Quarter, OrganisationReturnView>> returns = new HashMap<>();
		this.jdbc
			.sql("select r.id, r.grant_id, r.quarter, r.status, r.spend_to_date, r.outcomes, r.comments, "
					+ "r.status_reason, r.updated_at, r.submitted_by, r.accepted_by, r.version "
					+ "from organisation_return r join organisation_grant g on g.id = r.grant_id "
					+ "where g.financial_year = ?")
			.param(year.startYear())
			.query((rs) -> {
				OrganisationReturnGrant grant = grants.get(rs.getLong(2));
				if (grant == null) {
					return;
				}
				Quarter quarter = Quarter.valueOf(rs.getString(3));
				returns.computeIfAbsent(grant.id(), (id) -> new EnumMap<>(Quarter.class))
					.put(quarter,
							new OrganisationReturnView(rs.getLong(1), grant.id(), grant.organisationId(),
									grant.organisationName(), grant.initiative(), year, quarter,
									ReturnStatus.valueOf(rs.getString(4)), grant.amount(), grant.inKind(),
									Money.of(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7), rs.getString(8),
									dueDates.get(quarter), rs.getTimestamp(9).toInstant(), rs.getString(10),
									rs.getString(11), rs.getLong(12)));
			});
		for (OrganisationReturnGrant grant : grants.values()) {
			Map<Quarter, OrganisationReturnView> quarters = returns.computeIfAbsent(grant.id(),
					(id) -> new EnumMap<>(Quarter.class));
			for (Quarter quarter : Quarter.values()) {
				quarters.computeIfAbsent(quarter, (q) -> notStarted(grant, q, dueDates.get(q)));
			}
		}
		return returns;
	}

	static OrganisationReturnView notStarted(OrganisationReturnGrant grant, Quarter quarter, LocalDate dueDate) {
		return new OrganisationReturnView(0, grant.id(), grant.organisationId(), grant.organisationName(),
				grant.initiative(), grant.year(), quarter, ReturnStatus.DRAFT, grant.amount(), grant.inKind(),
				Money.ZERO, null, null, null, dueDate, null, null, null, 0);
	}

}
