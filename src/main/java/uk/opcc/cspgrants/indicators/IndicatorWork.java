package uk.opcc.cspgrants.indicators;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * Indicators on an officer's home page, in one query: when police.uk crime and population
 * were last loaded, and the gaps in the latest year with any data (the financial year of
 * the latest crime month or population): months of crime not loaded, active partnerships
 * with no population. The same for every officer: read at most once a second, and again
 * at once after a change here (see DataVersions).
 */
@Component
@Transactional(readOnly = true)
class IndicatorWork implements WorkSource {

	static final String SECTION = "Indicators";

	private final JdbcClient jdbc;

	private final DataVersions versions;

	IndicatorWork(JdbcClient jdbc, DataVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		if (!user.hasAny(Role.ADMIN, Role.OFFICER)) {
			return List.of();
		}
		Latest latest = this.versions.kept("home: indicators loaded", this::latest);
		List<WorkItem> items = new ArrayList<>();
		if (latest.year() == null) {
			items.add(WorkItem.info(600, SECTION, "No police.uk crime or population is loaded yet",
					"/indicators/import"));
			return items;
		}
		FinancialYear year = new FinancialYear(latest.year());
		String grid = "/indicators?year=" + year;
		if (latest.crimeMonths() < 12) {
			items.add(WorkItem.info(600, SECTION,
					"Police.uk crime for " + year + ": " + latest.crimeMonths() + " of 12 months loaded", grid));
		}
		if (latest.withoutPopulation() > 0) {
			items.add(WorkItem.info(601, SECTION, "Population for " + year + " is missing for "
					+ WorkItem.count(latest.withoutPopulation(), "partnership", "partnerships"), grid));
		}
		List<String> loads = new ArrayList<>();
		if (latest.crimeLoaded() != null) {
			loads.add("police.uk crime on " + Dates.day(latest.crimeLoaded().toInstant()));
		}
		if (latest.populationLoaded() != null) {
			loads.add("population on " + Dates.day(latest.populationLoaded().toInstant()));
		}
		if (!loads.isEmpty()) {
			items.add(WorkItem.info(602, SECTION, "Last loaded: " + String.join("; ", loads), "/indicators/import"));
		}
		return items;
	}

	private Latest latest() {
		return this.jdbc
			.sql("""
					with latest as (select greatest(
					    (select max(extract(year from month)::int - case when extract(month from month) < 4 then 1 else 0 end)
					     from crime_month),
					    (select max(financial_year) from population)) as year)
					select l.year,
					    (select count(distinct month) from crime_month
					     where month between make_date(l.year, 4, 1) and make_date(l.year + 1, 3, 1)),
					    (select count(*) from partnership p where p.active and not exists (select 1 from population x
					     where x.partnership_id = p.id and x.financial_year = l.year)),
					    (select max(loaded_at) from crime_month), (select max(loaded_at) from population)
					from latest l""")
			.query((rs, row) -> new Latest((Integer) rs.getObject(1, Integer.class), rs.getInt(2), rs.getInt(3),
					rs.getTimestamp(4), rs.getTimestamp(5)))
			.single();
	}

	private record Latest(Integer year, int crimeMonths, int withoutPopulation, Timestamp crimeLoaded,
			Timestamp populationLoaded) {
	}

}
