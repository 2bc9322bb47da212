package uk.opcc.cspgrants.commissioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.FinancialYear;

/** Reads Police and Crime Plan themes for pages and other modules. */
@Component
@Transactional(readOnly = true)
public class PlanThemes {

	private static final String COLUMNS = "t.id, t.plan_id, p.name, t.name, t.kind, t.position";

	private final JdbcClient jdbc;

	PlanThemes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The themes of the plan a year commissions against, in the plan's order; none when
	 * no plan is set.
	 */
	public List<ThemeView> themes(FinancialYear year) {
		return this.jdbc
			.sql("select " + COLUMNS + " from plan_theme t join police_crime_plan p on p.id = t.plan_id "
					+ "join commissioning_year y on y.plan_id = p.id where y.financial_year = ? order by t.position")
			.param(year.startYear())
			.query(PlanThemes::view)
			.list();
	}

	/** The themes of these ids, in their plans' order, in one read. */
	public List<ThemeView> find(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from plan_theme t join police_crime_plan p on p.id = t.plan_id "
					+ "where t.id = any(?) order by t.position, t.id")
			.param(ids.toArray(Long[]::new))
			.query(PlanThemes::view)
			.list();
	}

	public Optional<ThemeView> find(long id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from plan_theme t join police_crime_plan p on p.id = t.plan_id where t.id = ?")
			.param(id)
			.query(PlanThemes::view)
			.optional();
	}

	private static ThemeView view(ResultSet rs, int row) throws SQLException {
		return new ThemeView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				ThemeKind.valueOf(rs.getString(5)), rs.getInt(6));
	}

}
