package uk.opcc.cspgrants.commissioning;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Police and Crime Plans: entered with their themes, given more themes, a theme renamed
 * while no award links to it; and the plan a year commissions against. Every change of a
 * plan carries the version read in its UPDATE, so two people changing one plan at once
 * meet there; a theme an award line links to keeps its name and plan for good (also the
 * database's trigger {@code plan_theme_keeps_its_links}), so adopting a later plan never
 * changes an earlier year's links.
 */
@Service
@Transactional
public class PlanManagement {

	static final String AUDIT_TYPE = "PoliceCrimePlan";

	static final String YEAR_AUDIT_TYPE = "CommissioningYear";

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	PlanManagement(JdbcClient jdbc, AuditTrail auditTrail) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
	}

	/** Every plan, the latest published first, with its themes, in three queries. */
	@Transactional(readOnly = true)
	public List<PlanView> plans() {
		return load(null);
	}

	@Transactional(readOnly = true)
	public PlanView get(long id) {
		List<PlanView> plans = load(id);
		if (plans.isEmpty()) {
			throw new NotFoundException("There is no Police and Crime Plan " + id);
		}
		return plans.get(0);
	}

	/**
	 * The plan a year commissions against and the version of that choice, if it has one.
	 */
	@Transactional(readOnly = true)
	public Optional<YearPlan> planOf(FinancialYear year) {
		return this.jdbc
			.sql("select y.plan_id, p.name, y.version from commissioning_year y "
					+ "join police_crime_plan p on p.id = y.plan_id where y.financial_year = ?")
			.param(year.startYear())
			.query((rs, row) -> new YearPlan(year, rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.optional();
	}

	/** Enters a plan with its themes; refused on the name when a plan has it already. */
	public PlanView create(PlanDetails details, CurrentUser user) {
		details.check();
		Optional<Long> same = this.jdbc.sql("select id from police_crime_plan where lower(name) = lower(?)")
			.param(details.name())
			.query(Long.class)
			.optional();
		if (same.isPresent()) {
			throw nameTaken(details.name());
		}
		Optional<Long> made = this.jdbc
			.sql("insert into police_crime_plan (name, published_on) values (?, ?) on conflict do nothing "
					+ "returning id")
			.params(details.name(), (details.publishedOn() != null) ? Date.valueOf(details.publishedOn()) : null)
			.query(Long.class)
			.optional();
		long id = made.orElseThrow(() -> nameTaken(details.name()));
		int position = 1;
		for (PlanDetails.NewTheme theme : details.themes()) {
			this.jdbc.sql("insert into plan_theme (plan_id, name, kind, position) values (?, ?, ?, ?)")
				.params(id, theme.name(), theme.kind().name(), position++)
				.update();
		}
		PlanView created = get(id);
		this.auditTrail.record("CREATE", AUDIT_TYPE, id, null, snapshot(created));
		return created;
	}

	/** Adds a theme at the end of a plan, with the plan's version read. */
	public PlanView addTheme(long planId, String name, ThemeKind kind, Long version) {
		PlanView before = get(planId);
		String themeName = PlanDetails.themeName(name,
				before.themes().stream().map(theme -> theme.theme().name()).toList());
		claim(before, version);
		int position = before.themes().stream().mapToInt(theme -> theme.theme().position()).max().orElse(0) + 1;
		DatabaseRefusal.orFieldConflict(
				() -> this.jdbc.sql("insert into plan_theme (plan_id, name, kind, position) values (?, ?, ?, ?)")
					.params(planId, themeName, (kind != null ? kind : ThemeKind.THEME).name(), position)
					.update(),
				Map.of());
		PlanView after = get(planId);
		this.auditTrail.record("ADD_THEME", AUDIT_TYPE, planId, snapshot(before), snapshot(after));
		return after;
	}

	/**
	 * Renames a theme no award line links to yet, with the plan's version read; a theme
	 * in use keeps its name (add a new theme instead).
	 */
	public PlanView renameTheme(long planId, long themeId, String name, Long version) {
		PlanView before = get(planId);
		PlanView.Theme theme = before.themes()
			.stream()
			.filter(t -> t.theme().id() == themeId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("The plan " + before.name() + " has no theme " + themeId));
		if (theme.inUse()) {
			throw inUse(theme);
		}
		String themeName = PlanDetails.themeName(name,
				before.themes().stream().filter(t -> t.theme().id() != themeId).map(t -> t.theme().name()).toList());
		claim(before, version);
		try {
			this.jdbc.sql("update plan_theme set name = ? where id = ?").params(themeName, themeId).update();
		}
		catch (DataIntegrityViolationException refused) {
			if (DatabaseRefusal.constraintOf(refused).filter("plan_theme_in_use"::equals).isPresent()) {
				throw new ConflictException("themeName", "An award line was linked to " + theme.theme().name()
						+ " just now: it keeps its name. Add a new theme instead");
			}
			throw refused;
		}
		PlanView after = get(planId);
		this.auditTrail.record("RENAME_THEME", AUDIT_TYPE, planId, snapshot(before), snapshot(after));
		return after;
	}

	/**
	 * Sets the plan a year commissions against. The first choice is made once (a second
	 * is refused with who made it); a change needs the version read, and is refused while
	 * the year's award lines link to the themes of the plan it has.
	 */
	public YearPlan adopt(FinancialYear year, Long planId, Long version, CurrentUser user) {
		if (planId == null) {
			throw new ValidationException("planId", "Choose the plan " + year + " commissions against");
		}
		PlanView plan;
		try {
			plan = get(planId);
		}
		catch (NotFoundException missing) {
			throw new ValidationException("planId", "There is no plan " + planId + ": choose one from the list");
		}
		Optional<YearPlan> current = planOf(year);
		if (current.isEmpty()) {
			int inserted = this.jdbc
				.sql("insert into commissioning_year (financial_year, plan_id) values (?, ?) "
						+ "on conflict (financial_year) do nothing")
				.params(year.startYear(), planId)
				.update();
			if (inserted == 0) {
				throw yearChangedSince(year);
			}
		}
		else {
			YearPlan now = current.get();
			if (version == null || version != now.version()) {
				throw yearChangedSince(year);
			}
			if (now.planId() == planId) {
				throw new ConflictException("planId", year + " already commissions against " + now.planName());
			}
			int linked = this.jdbc
				.sql("select count(*) from award_line l join award_schedule s on s.id = l.schedule_id "
						+ "join plan_theme t on t.id = l.theme_id where s.financial_year = ? and t.plan_id = ?")
				.params(year.startYear(), now.planId())
				.query(Integer.class)
				.single();
			if (linked > 0) {
				throw new ValidationException("planId",
						year + "'s " + linked + " award line" + (linked == 1 ? " links" : "s link")
								+ " to the themes of " + now.planName() + ", so the year keeps that plan. Adopt "
								+ plan.name() + " for a later year");
			}
			int updated = DatabaseRefusal.orFieldConflict(
					() -> this.jdbc
						.sql("update commissioning_year set plan_id = ?, version = version + 1 "
								+ "where financial_year = ? and version = ?")
						.params(planId, year.startYear(), version)
						.update(),
					Map.of("commissioning_year_plan_in_use",
							new ConflictException("planId", year + "'s award lines were linked to the themes of "
									+ now.planName() + " just now: it keeps it")));
			if (updated == 0) {
				throw yearChangedSince(year);
			}
		}
		YearPlan adopted = planOf(year).orElseThrow();
		this.auditTrail.record("ADOPT_PLAN", YEAR_AUDIT_TYPE, year.toString(),
				current.map(before -> Map.of("plan", before.planName())).orElse(null),
				Map.of("plan", adopted.planName()));
		return adopted;
	}

	/** Moves the plan's version on, or refuses with who changed it since it was read. */
	private void claim(PlanView plan, Long version) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the plan you read");
		}
		int claimed = this.jdbc.sql("update police_crime_plan set version = version + 1 where id = ? and version = ?")
			.params(plan.id(), version)
			.update();
		if (claimed == 0) {
			throw new ConflictException(null, lastChange(AUDIT_TYPE, String.valueOf(plan.id()))
				.map(who -> plan.name() + " was changed by " + who + ", after you opened it. Check its themes and "
						+ "make your change again if it is still needed")
				.orElseGet(() -> ConflictException.changedBySomeoneElse().getMessage()));
		}
	}

	private ConflictException yearChangedSince(FinancialYear year) {
		YearPlan now = planOf(year).orElseThrow();
		return new ConflictException("planId",
				lastChange(YEAR_AUDIT_TYPE, year.toString())
					.map(who -> year + " was set to commission against " + now.planName() + " by " + who
							+ ", after you opened the page")
					.orElseGet(() -> year + " commissions against " + now.planName()));
	}

	/** "Olu Officer on 2 December 2026 at 12:01", from the audit trail. */
	private Optional<String> lastChange(String type, String id) {
		return this.jdbc
			.sql("select coalesce(u.display_name, a.actor), a.occurred_at from audit_event a "
					+ "left join app_user u on u.username = a.actor where a.entity_type = ? and a.entity_id = ? "
					+ "order by a.id desc limit 1")
			.params(type, id)
			.query((rs, row) -> rs.getString(1) + " on " + Dates.dayAndTime(rs.getTimestamp(2).toInstant()))
			.optional();
	}

	private static ConflictException nameTaken(String name) {
		return new ConflictException("name", "There is already a plan called " + name);
	}

	private static ConflictException inUse(PlanView.Theme theme) {
		return new ConflictException("themeName", theme.theme().name() + " is linked to " + theme.awardLines()
				+ " award line" + (theme.awardLines() == 1 ? "" : "s")
				+ " and keeps its name, so that what they were awarded for never changes. Add a new theme instead");
	}

	private List<PlanView> load(Long id) {
		String where = (id != null) ? " where p.id = " + id : "";
		Map<Long, List<PlanView.Theme>> themes = new HashMap<>();
		this.jdbc
			.sql("select t.id, t.plan_id, p.name, t.name, t.kind, t.position, "
					+ "(select count(*) from award_line l where l.theme_id = t.id) "
					+ "from plan_theme t join police_crime_plan p on p.id = t.plan_id" + where
					+ " order by t.plan_id, t.position")
			.query((rs) -> {
				themes.computeIfAbsent(rs.getLong(2), (plan) -> new ArrayList<>())
					.add(new PlanView.Theme(new ThemeView(rs.getLong(1), rs.getLong(2), rs.getString(3),
							rs.getString(4), ThemeKind.valueOf(rs.getString(5)), rs.getInt(6)), rs.getInt(7)));
			});
		Map<Long, List<FinancialYear>> years = new HashMap<>();
		this.jdbc.sql("select plan_id, financial_year from commissioning_year order by financial_year").query((rs) -> {
			years.computeIfAbsent(rs.getLong(1), (plan) -> new ArrayList<>()).add(new FinancialYear(rs.getInt(2)));
		});
		return this.jdbc
			.sql("select p.id, p.name, p.published_on, p.version from police_crime_plan p" + where
					+ " order by p.published_on desc nulls last, p.id desc")
			.query((rs, row) -> new PlanView(rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class),
					rs.getLong(4), themes.getOrDefault(rs.getLong(1), List.of()),
					years.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	private static Map<String, Object> snapshot(PlanView plan) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("name", plan.name());
		snapshot.put("publishedOn", (plan.publishedOn() != null) ? plan.publishedOn().toString() : null);
		snapshot.put("themes", plan.themes().stream().map(theme -> theme.theme().name()).toList());
		return snapshot;
	}

	/**
	 * The plan a year commissions against.
	 *
	 * @param year the year
	 * @param planId the plan
	 * @param planName its name
	 * @param version the version of the choice, for changing it
	 */
	public record YearPlan(FinancialYear year, long planId, String planName, long version) {
	}

}
