package uk.opcc.cspgrants.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.allocation.FormulaManagement;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.allocation.RunRequest;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.partnership.PartnershipDetails;
import uk.opcc.cspgrants.partnership.PartnershipGroupDetails;
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * Generated data at the scale of England and Wales, for the load test
 * ({@code scripts/load-test.sh}): 300 partnerships (the nine demo ones and 291
 * generated), ten financial years (2013-14 to 2022-23) each with an approved formula run
 * and grants, and four accepted quarterly returns per partnership and year. Runs on top
 * of the demo data with the profiles {@code demo,national-scale}, once.
 * <p>
 * Partnerships, formula runs, approvals and grants go through the application's own
 * services; the bulk rows (monthly crime counts, population, returns and their
 * activities) are written with set-based SQL, which leaves no audit entries for them:
 * this is test data, never real.
 */
@Component
@Profile("national-scale")
@Order(20)
class NationalScaleData implements ApplicationRunner {

	static final int PARTNERSHIPS = 300;

	static final FinancialYear FIRST_YEAR = FinancialYear.parse("2013-14");

	static final int YEARS = 10;

	static final String GENERATED_PREFIX = "GEN";

	/** Generated partnerships per made-up force area (a partnership group). */
	static final int FORCE_AREA_SIZE = 10;

	private static final List<String> CRIME_TYPES = List.of("Violence and sexual offences", "Burglary",
			"Criminal damage and arson", "Shoplifting", "Vehicle crime", "Public order", "Robbery", "Drugs");

	private static final Logger log = LoggerFactory.getLogger(NationalScaleData.class);

	private final PartnershipManagement partnerships;

	private final FormulaManagement formulas;

	private final RunManagement runs;

	private final PartnershipGroupManagement groups;

	private final GrantManagement grants;

	private final UserManagement users;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	NationalScaleData(PartnershipManagement partnerships, FormulaManagement formulas, RunManagement runs,
			GrantManagement grants, UserManagement users, JdbcClient jdbc, TransactionTemplate transaction,
			PartnershipGroupManagement groups) {
		this.groups = groups;
		this.partnerships = partnerships;
		this.formulas = formulas;
		this.runs = runs;
		this.grants = grants;
		this.users = users;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.partnerships.findByCode(GENERATED_PREFIX + "001").isPresent()) {
			log.info("National-scale data is already loaded");
			return;
		}
		long started = System.nanoTime();
		this.transaction.executeWithoutResult((status) -> load());
		log.info("National-scale data is loaded: {} partnerships, {} years from {}, in {} s", PARTNERSHIPS, YEARS,
				FIRST_YEAR, (System.nanoTime() - started) / 1_000_000_000);
	}

	/** Everything in one transaction, so that a failure leaves nothing half loaded. */
	private void load() {
		int active = this.partnerships.all().size();
		for (int number = 1; number <= PARTNERSHIPS - active; number++) {
			this.partnerships.create(new PartnershipDetails("Generated Area %03d".formatted(number),
					GENERATED_PREFIX + "%03d".formatted(number), "E99%06d".formatted(number),
					"Generated Area %03d Council".formatted(number), true));
		}
		forceAreas();
		indicators();
		long formulaVersion = this.formulas.findLatestByName(DemoData.FORMULA_NAME).orElseThrow().id();
		for (int offset = 0; offset < YEARS; offset++) {
			FinancialYear year = new FinancialYear(FIRST_YEAR.startYear() + offset);
			RunView run = DemoData.as(this.users, "officer",
					() -> this.runs.create(new RunRequest(year, Money.of("3000000.00"), RunPurpose.ALLOCATION,
							formulaVersion, null, null, null, "Generated for the load test")));
			DemoData.as(this.users, "finance",
					() -> this.runs.approve(run.id(), this.users.principalOf("finance").orElseThrow()));
			DemoData.as(this.users, "officer", () -> this.grants.createFromRun(run.id()));
		}
		returns();
	}

	/**
	 * A partnership group per made-up force area of {@value #FORCE_AREA_SIZE} generated
	 * partnerships, as a deployment that serves several forces would keep them: one query
	 * for the partnerships, one insert per group.
	 */
	private void forceAreas() {
		List<Long> generated = this.partnerships.all()
			.stream()
			.filter(partnership -> partnership.code().startsWith(GENERATED_PREFIX))
			.sorted(java.util.Comparator.comparing(PartnershipView::code))
			.map(PartnershipView::id)
			.toList();
		for (int from = 0; from < generated.size(); from += FORCE_AREA_SIZE) {
			List<Long> members = generated.subList(from, Math.min(from + FORCE_AREA_SIZE, generated.size()));
			String name = "Generated force area %02d".formatted(from / FORCE_AREA_SIZE + 1);
			DemoData.as(this.users, "officer", () -> this.groups.create(new PartnershipGroupDetails(name,
					"Made up for the load test: " + members.size() + " generated partnerships", members)));
		}
	}

	/**
	 * Population for every window year and monthly crime counts by type for April 2012 to
	 * March 2022, derived from a hash of the partnership's code so that every load is the
	 * same.
	 */
	private void indicators() {
		FinancialYear firstWindow = FIRST_YEAR.previous();
		FinancialYear lastWindow = new FinancialYear(firstWindow.startYear() + YEARS - 1);
		this.jdbc
			.sql("insert into population (partnership_id, financial_year, value, source, loaded_at, loaded_by) "
					+ "select p.id, year, 60000 + mod(abs(hashtext(p.code)), 340000) + (year - ?) * 700, "
					+ "'Generated for the load test', now(), 'national-scale' "
					+ "from partnership p cross join generate_series(?, ?) as year where p.active")
			.params(firstWindow.startYear(), firstWindow.startYear(), lastWindow.startYear())
			.update();
		this.jdbc.sql("insert into crime_month (force, month, loaded_at, loaded_by, source, records) "
				+ "select 'Generated for the load test', month, now(), 'national-scale', 'Generated for the load test', 0 "
				+ "from generate_series(?::date, ?::date, interval '1 month') as month")
			.params(firstWindow.startDate(), lastWindow.endDate().withDayOfMonth(1))
			.update();
		this.jdbc
			.sql("insert into crime_count (force, month, partnership_id, crime_type, count) "
					+ "select m.force, m.month, p.id, t.crime_type, "
					+ "(pop.value / 1000 * (1 + mod(abs(hashtext(p.code || t.crime_type)), 9)) / 8)::int "
					+ "+ mod(abs(hashtext(p.code || t.crime_type || m.month::text)), 25) "
					+ "from crime_month m cross join partnership p cross join unnest(?::varchar[]) as t(crime_type) "
					+ "join population pop on pop.partnership_id = p.id and pop.financial_year = "
					+ "extract(year from m.month - interval '3 months') "
					+ "where p.active and m.loaded_by = 'national-scale'")
			.param(CRIME_TYPES.toArray(String[]::new))
			.update();
		this.jdbc
			.sql("update crime_month m set records = (select coalesce(sum(count), 0) from crime_count c "
					+ "where c.force = m.force and c.month = m.month) where m.loaded_by = 'national-scale'")
			.update();
	}

	/**
	 * Four returns per grant, all accepted, each with three activities that add up to the
	 * return to the penny: spend grows through the year to between 80% and 100% of the
	 * grant. Made as drafts, then submitted and accepted, as the database requires.
	 */
	private void returns() {
		this.jdbc
			.sql("insert into quarterly_return (partnership_id, financial_year, quarter, status, "
					+ "planned_allocation, cumulative_spend, comments, created_at, updated_at, updated_by) "
					+ "select g.partnership_id, g.financial_year, 'Q' || q, 'DRAFT', total.amount, "
					+ "round(total.amount * q / 4 * (80 + mod(abs(hashtext(g.id::text)), 21)) / 100, 2), "
					+ "'Generated for the load test', now(), now(), 'officer' " + "from grant_award g "
					+ "join (select grant_id, sum(amount) as amount from grant_line group by grant_id) total "
					+ "on total.grant_id = g.id cross join generate_series(1, 4) as q "
					+ "where g.financial_year between ? and ?")
			.params(FIRST_YEAR.startYear(), FIRST_YEAR.startYear() + YEARS - 1)
			.update();
		this.jdbc.sql("insert into return_activity (return_id, line, title, theme, planned, spend, outcomes) "
				+ "select r.id, line, (array['Street safety patrols', 'Youth diversion', 'Domestic abuse support'])"
				+ "[line], (array['Safer streets', 'Young people', 'Victims'])[line], "
				+ "(array[round(r.planned_allocation * 0.5, 2), round(r.planned_allocation * 0.3, 2), "
				+ "r.planned_allocation - round(r.planned_allocation * 0.5, 2) - round(r.planned_allocation * 0.3, 2)])"
				+ "[line], (array[round(r.cumulative_spend * 0.5, 2), round(r.cumulative_spend * 0.3, 2), "
				+ "r.cumulative_spend - round(r.cumulative_spend * 0.5, 2) - round(r.cumulative_spend * 0.3, 2)])"
				+ "[line], 'On track' " + "from quarterly_return r cross join generate_series(1, 3) as line "
				+ "where r.comments = 'Generated for the load test'")
			.update();
		for (String status : new String[] { "SUBMITTED", "ACCEPTED" }) {
			this.jdbc
				.sql("update quarterly_return set status = ?, submitted_at = now(), "
						+ "accepted_at = case when ? = 'ACCEPTED' then now() end, "
						+ "accepted_by = case when ? = 'ACCEPTED' then 'officer' end "
						+ "where comments = 'Generated for the load test'")
				.params(status, status, status)
				.update();
		}
	}

}
