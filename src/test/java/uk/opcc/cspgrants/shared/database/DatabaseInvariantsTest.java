package uk.opcc.cspgrants.shared.database;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database is the last line of defence: written straight in SQL as the application's
 * own role, past every check in Java, each thing a tester did by hand is refused by a
 * constraint or a trigger. Each attempt runs in a transaction that is rolled back, so a
 * refusal that failed would leave nothing behind. The demo data gives an approved run
 * (2024-25, £97,905.00), its grants, accepted Q1 returns and a decided, Supported record.
 */
@IntegrationTest
class DatabaseInvariantsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aGrantsMoneyIsNeverNegativeDoubledOrPaidBeyondWhatIsAvailable() {
		long grant = demoGrant("LEI");
		refused("insert into grant_line (grant_id, source, amount, created_at, created_by) " + "values (" + grant
				+ ", 'HISTORIC', -1, now(), 'sql')", "grant_line_amount_not_negative");
		refused("insert into grant_line (grant_id, source, amount, created_at, created_by) values (" + grant
				+ ", 'HISTORIC', 1, now(), 'sql'), (" + grant + ", 'HISTORIC', 2, now(), 'sql')",
				"grant_line_one_historic");
		refused("update grant_award set carry_forward = -5 where id = " + grant,
				"grant_award_carry_forward_negative_only_for_overspend");
		refused("insert into grant_payment (grant_id, quarter, amount, paid_on) values (" + grant
				+ ", null, 1, current_date), (" + grant + ", null, 1, current_date)", "grant_payment_once_per_quarter");
		refused("insert into grant_payment (grant_id, quarter, amount, paid_on) values (" + grant
				+ ", 'Q1', 1000000, current_date)", "would be more than its total available");
		refused("insert into grant_payment (grant_id, quarter, amount, paid_on) values (" + grant
				+ ", 'Q1', 1, date '2099-01-01')", "cannot be recorded as paid in the future");
	}

	@Test
	void anApprovedRunAndTheFormulaVersionItUsedNeverChange() {
		long run = this.jdbc.queryForObject("select min(id) from formula_run where status = 'APPROVED'", Long.class);
		for (String change : new String[] { "created_by = 'someone'", "note = 'rewritten'",
				"approved_at = approved_at + interval '1 day'", "window_years = '[\"2019-20\"]'",
				"formula_version_id = null", "approved_by = 'someone'", "status = 'DRAFT'" }) {
			refused("update formula_run set " + change + " where id = " + run, "can never change");
		}
		refused("update formula_version set weights = '{\"population\": 100}' where id = "
				+ "(select formula_version_id from formula_run where id = " + run + ")", "can never change");
		refused("delete from formula_run where id = " + run, "can never change");
		refused("update formula_run_line set amount = 0 where run_id = " + run, "can never change");
	}

	@Test
	void aDecisionsSignaturesAreFourPeopleAndItsEffectIsForever() {
		refused("delete from decision_effect", "permanent");
		refused("update decision_effect set summary = 'again'", "permanent");
		refused("insert into decision_record (reference, reference_year, sequence, title, decision_date, summary, "
				+ "recommendations, status, created_at, created_by, consulted_by, consulted_name, consulted_on, "
				+ "publish_record, publish_report, publish_details, publication_by, publication_on, decision, "
				+ "decided_on, decided_by) values ('EXE9999-26', 2026, 9999, 'Forged', current_date, 'S', 'R', "
				+ "'DECIDED', now(), 'mallory', 'mallory', 'Mallory', current_date, 'YES', 'YES', 'YES', 'mallory', "
				+ "current_date, 'SUPPORTED', current_date, 'mallory')", "starts as a draft");
		refused("insert into decision_record (reference, reference_year, sequence, title, decision_date, summary, "
				+ "recommendations, status, created_at, created_by) values ('EXE9999-26', 2026, 9999, 'Forged', "
				+ "current_date, 'S', 'R', 'DRAFT', now(), 'mallory'); update decision_record set status = 'DECIDED', "
				+ "consulted_by = 'Mallory', consulted_name = 'Mallory', consulted_on = current_date, "
				+ "publish_record = 'YES', publish_report = 'YES', publish_details = 'YES', publication_by = 'MALLORY', "
				+ "publication_on = current_date, decision = 'SUPPORTED', decided_on = current_date, "
				+ "decided_by = 'mallory' where reference = 'EXE9999-26'", "decision_record_signers_differ");
		refused("insert into decision_record (reference, reference_year, sequence, title, decision_date, summary, "
				+ "recommendations, status, created_at, created_by) values ('EXE9998-26', 2026, 9998, 'Forged', "
				+ "date '0001-01-01', 'S', 'R', 'DRAFT', now(), 'mallory')", "decision_record_dates_sensible");
		refused("update decision_record set title = 'Changed' where status = 'DECIDED'", "can never change");
	}

	@Test
	void returnsUnderspendAndRedistributionsKeepTheirArithmeticAndTheirOrder() {
		refused("update quarterly_return set cumulative_spend = cumulative_spend + 1 where status = 'ACCEPTED'",
				"cannot change");
		refused("insert into quarterly_return (partnership_id, financial_year, quarter, status, planned_allocation, "
				+ "cumulative_spend, created_at, updated_at, updated_by) select id, 2040, 'Q2', 'DRAFT', 1, 1, now(), "
				+ "now(), 'sql' from partnership where code = 'LEI'; update quarterly_return set status = 'ACCEPTED', "
				+ "submitted_at = now(), accepted_at = now(), accepted_by = 'sql' where financial_year = 2040",
				"cannot become");
		refused("insert into quarterly_return (partnership_id, financial_year, quarter, status, planned_allocation, "
				+ "cumulative_spend, created_at, updated_at, updated_by, submitted_at, accepted_at, accepted_by) "
				+ "select id, 2040, 'Q1', 'ACCEPTED', 1, 1, now(), now(), 'sql', now(), now(), 'sql' from partnership "
				+ "where code = 'LEI'", "starts as a draft");
		refused("insert into year_close (financial_year, status, policy, closed_at, closed_by) "
				+ "values (2040, 'CLOSED', 'CARRY_FORWARD', now(), 'sql'); "
				+ "insert into year_underspend (financial_year, partnership_id, total_available, final_spend, underspend) "
				+ "select 2040, id, 100, 10, 95 from partnership where code = 'LEI'",
				"year_underspend_is_total_minus_spend");
		refused("insert into redistribution (source_year, pot, status, created_at, created_by) "
				+ "values (2040, 100, 'DRAFT', now(), 'sql') returning id; "
				+ "insert into redistribution_top_slice (redistribution_id, line, recipient, purpose, amount) "
				+ "select max(id), 1, 'Hub', 'Hub', -5 from redistribution",
				"redistribution_top_slice_amount_not_negative");
		refused("insert into redistribution (source_year, pot, status, created_at, created_by, approved_by, "
				+ "approved_at, decision_reference) values (2041, 100, 'APPROVED', now(), 'sql', 'sql', now(), 'EXE')",
				"starts as a draft");
	}

	private long demoGrant(String code) {
		return this.jdbc.queryForObject("select g.id from grant_award g join partnership p on p.id = g.partnership_id "
				+ "where p.code = ? and g.financial_year = 2024", Long.class, code);
	}

	/**
	 * The statements are refused by the database with this in the refusal; nothing stays.
	 */
	private void refused(String statements, String because) {
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			for (String statement : statements.split("; ")) {
				this.jdbc.execute(statement);
			}
		})).as(statements).isInstanceOf(DataAccessException.class).hasStackTraceContaining(because);
	}

}
