package uk.opcc.cspgrants.rounds;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * A year ready for grant rounds on the shared test database: a funding stream, and a
 * Police and Crime Plan with two themes adopted for the year. {@link #remove()} takes
 * away the year's rounds, the stream and the plan (the audit trail keeps what was done).
 */
public final class RoundFixture {

	private static final String[] TABLES = { "round_award", "organisation_grant_payment", "organisation_grant",
			"award_line", "award_line_period", "award_schedule", "decision_effect", "decision_record",
			"panel_recommendation", "panel_interest", "panel_member", "moderation_note", "review_score",
			"review_assignment", "round_reviewer", "application_due_diligence", "application_document_content",
			"application_document", "application_budget_line", "application", "round_deadline_change",
			"round_scale_point", "round_criterion", "round_theme", "grant_round" };

	private final JdbcTemplate jdbc;

	private final FinancialYear year;

	public final long stream;

	public final long plan;

	public final long vulnerable;

	public final long reoffending;

	public RoundFixture(JdbcTemplate jdbc, FinancialYear year) {
		this.jdbc = jdbc;
		this.year = year;
		this.stream = jdbc.queryForObject("insert into funding_stream (financial_year, name, funder, kind, amount, "
				+ "created_at, created_by) values (?, 'PCC Grant', 'Police and Crime Commissioner', 'GRANT', 100000, "
				+ "now(), 'Olu Officer') returning id", Long.class, year.startYear());
		this.plan = jdbc.queryForObject(
				"insert into police_crime_plan (name, published_on) values (?, date '2013-03-31') returning id",
				Long.class, "Rounds test plan " + year);
		this.vulnerable = theme("Protecting the Vulnerable", 1);
		this.reoffending = theme("Reoffending and Offending", 2);
		jdbc.update("insert into commissioning_year (financial_year, plan_id) values (?, ?)", year.startYear(),
				this.plan);
	}

	private long theme(String name, int position) {
		return this.jdbc.queryForObject(
				"insert into plan_theme (plan_id, name, kind, position) values (?, ?, 'THEME', ?) returning id",
				Long.class, this.plan, name, position);
	}

	/**
	 * A round of the year opened in SQL, as complete as opening needs (one theme, one
	 * criterion weighing 100, the scale 0 to 5 described, guidance and who may apply),
	 * taking applications from a day ago until {@code closesAt}; returns its id.
	 */
	public long openRound(String reference, java.time.Instant closesAt) {
		return openRound(reference, closesAt, false);
	}

	/**
	 * A round as {@link #openRound(String, java.time.Instant)}, reviewed blind or not.
	 */
	public long openRound(String reference, java.time.Instant closesAt, boolean blind) {
		return openRound(reference, closesAt, blind, "PCC_GRANT");
	}

	/**
	 * A round as {@link #openRound(String, java.time.Instant)} on a purchasing route
	 * ({@code CSP_BUSINESS_CASE}).
	 */
	public long openRound(String reference, java.time.Instant closesAt, boolean blind, String route) {
		long id = this.jdbc.queryForObject("insert into grant_round (reference, title, financial_year, route, "
				+ "stream_id, budget, min_award, max_award, opens_at, closes_at, guidance, eligibility, blind_review, "
				+ "created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, 100000, 500, 5000, "
				+ "now() - interval '1 day', ?, 'Read the plan', 'Charities', ?, 'test', now(), 'test', now()) "
				+ "returning id", Long.class, reference, "Small grants " + reference, this.year.startYear(), route,
				this.stream, java.sql.Timestamp.from(closesAt), blind);
		this.jdbc.update("insert into round_theme (round_id, theme_id) values (?, ?), (?, ?)", id, this.vulnerable, id,
				this.reoffending);
		this.jdbc.update("insert into round_criterion (round_id, position, name, weight) values (?, 1, 'Need', 100)",
				id);
		for (int point = 0; point <= 5; point++) {
			this.jdbc.update("insert into round_scale_point (round_id, point, description) values (?, ?, ?)", id, point,
					"Point " + point);
		}
		this.jdbc.update("update grant_round set status = 'OPEN', opened_by = 'test', opened_at = now() where id = ?",
				id);
		return id;
	}

	/**
	 * A submitted application to a round, written in SQL (no documents): a charity asking
	 * for {@code amount}, for a project in the round's theme "Reoffending and Offending"
	 * running through the fixture's year, numbered {@code number}; returns its id.
	 */
	public long submittedApplication(long roundId, long applicantId, int number, String organisation,
			String charityNumber, java.math.BigDecimal amount) {
		return submittedApplication(roundId, applicantId, number, organisation, charityNumber, amount, null);
	}

	/**
	 * A submitted application as above; with a partnership, a CSP's business case, its
	 * lead authority {@code organisation} (a local authority, no charity number).
	 */
	public long submittedApplication(long roundId, long applicantId, int number, String organisation,
			String charityNumber, java.math.BigDecimal amount, Long partnershipId) {
		long id = this.jdbc.queryForObject("insert into application (round_id, applicant_user_id, start_key, "
				+ "organisation_name, organisation_type, charity_number, organisation_address, contact_name, "
				+ "contact_email, project_title, project_summary, theme_id, starts_on, ends_on, amount_requested, "
				+ "outcomes, partnership_id, created_at, updated_at) values (?, ?, gen_random_uuid(), ?, ?, ?, "
				+ "'Leicester', 'Sam Smith', 'sam@example.org', ?, 'What it does', ?, ?, ?, ?, 'Fewer call-outs', ?, "
				+ "now(), now()) returning id", Long.class, roundId, applicantId, organisation,
				(partnershipId == null) ? "CHARITY" : "LOCAL_AUTHORITY", (partnershipId == null) ? charityNumber : null,
				"Project of " + organisation, this.reoffending, this.year.startDate(), this.year.endDate(), amount,
				partnershipId);
		this.jdbc.update("insert into application_budget_line (application_id, position, item, amount) "
				+ "values (?, 1, 'Everything', ?)", id, amount);
		this.jdbc.update("update application set status = 'SUBMITTED', number = ?, reference = "
				+ "(select reference from grant_round where id = ?) || '-' || lpad(?::text, 3, '0'), "
				+ "submitted_at = now(), submitted_by = 'test' where id = ?", number, roundId, number, id);
		return id;
	}

	/**
	 * A reviewer's review of an eligible application, given now, declared free of
	 * conflict, scored on the round's one criterion ({@code score}, with a reason) and
	 * submitted, in SQL; returns the assignment's id.
	 */
	public long submittedReview(long roundId, long applicationId, long reviewerId, int score) {
		long id = this.jdbc.queryForObject(
				"insert into review_assignment (round_id, application_id, reviewer_id, "
						+ "assigned_by, assigned_at) values (?, ?, ?, 'test', now()) returning id",
				Long.class, roundId, applicationId, reviewerId);
		this.jdbc.update("update review_assignment set status = 'DECLARED', declared_at = now() where id = ?", id);
		this.jdbc.update("insert into review_score (assignment_id, round_id, position, score, reason) "
				+ "values (?, ?, 1, ?, 'Scored by hand')", id, roundId, score);
		this.jdbc.update("update review_assignment set status = 'SUBMITTED', submitted_at = now() where id = ?", id);
		return id;
	}

	/** A submitted application found eligible by Olu Officer, in SQL. */
	public void eligible(long applicationId) {
		this.jdbc.update("update application set status = 'ELIGIBLE', eligibility_decided_by = 'Olu Officer', "
				+ "eligibility_decided_at = now() where id = ?", applicationId);
	}

	public void remove() {
		removeRounds(this.jdbc);
		finishRemoving();
	}

	/**
	 * Takes away the year's rounds whatever their status, as the tables' owner with their
	 * triggers off for the one transaction (the application may not change an opened
	 * round's setup, nor move it back to a draft), then the stream and plan.
	 */
	public void remove(DataSource owner) {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
		JdbcTemplate asOwner = new JdbcTemplate(owner);
		transaction.executeWithoutResult(status -> {
			for (String table : TABLES) {
				asOwner.execute("alter table " + table + " disable trigger user");
			}
			removeDecided(asOwner, "(select id from grant_round where financial_year = " + this.year.startYear() + ")");
			removeRounds(asOwner);
			for (String table : TABLES) {
				asOwner.execute("alter table " + table + " enable trigger user");
			}
		});
		finishRemoving();
	}

	/**
	 * Marks a closed round assessed whatever its reviews, as the tables' owner with the
	 * check that its reviews are in off for the one transaction: for tests of what an
	 * assessed round refuses, which need no reviews.
	 */
	public void assessed(DataSource owner, long roundId) {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
		JdbcTemplate asOwner = new JdbcTemplate(owner);
		transaction.executeWithoutResult(status -> {
			asOwner.execute("alter table grant_round disable trigger grant_round_assessed_complete");
			asOwner.update("update grant_round set status = 'ASSESSED', assessed_by = 'test', assessed_at = now() "
					+ "where id = ?", roundId);
			asOwner.execute("alter table grant_round enable trigger grant_round_assessed_complete");
		});
	}

	private void removeRounds(JdbcTemplate as) {
		String rounds = "(select id from grant_round where financial_year = " + this.year.startYear() + ")";
		String applications = "(select id from application where round_id in " + rounds + ")";
		as.update("delete from panel_recommendation where round_id in " + rounds);
		as.update("delete from panel_interest where application_id in " + applications);
		as.update("delete from panel_member where round_id in " + rounds);
		as.update("delete from moderation_note where round_id in " + rounds);
		as.update("delete from review_score where round_id in " + rounds);
		as.update("delete from review_assignment where round_id in " + rounds);
		as.update("delete from round_reviewer where round_id in " + rounds);
		as.update("delete from application_due_diligence where application_id in " + applications);
		as.update("delete from application_document where application_id in " + applications);
		as.update("delete from application_budget_line where application_id in " + applications);
		as.update("delete from application where round_id in " + rounds);
		as.update("delete from round_deadline_change where round_id in " + rounds);
		as.update("delete from round_scale_point where round_id in " + rounds);
		as.update("delete from round_criterion where round_id in " + rounds);
		as.update("delete from round_theme where round_id in " + rounds);
		as.update("delete from grant_round where financial_year = ?", this.year.startYear());
	}

	/**
	 * What the rounds' decision records made: awards, grants and lines of the year, the
	 * year's schedule, the records, and the organisations the decisions added to the
	 * register (those with an applicant's charity number, added since the first round).
	 */
	private void removeDecided(JdbcTemplate as, String rounds) {
		int start = this.year.startYear();
		as.update("delete from round_award where round_id in " + rounds);
		as.update("delete from organisation_grant_payment where grant_id in "
				+ "(select id from organisation_grant where financial_year = ?)", start);
		as.update("delete from organisation_grant where financial_year = ?", start);
		as.update(
				"delete from award_line where schedule_id in (select id from award_schedule where financial_year = ?)",
				start);
		as.update("delete from award_schedule where financial_year = ?", start);
		String records = "(select id from decision_record where attachment_type = 'GRANT_ROUND' "
				+ "and attachment_ref in (select id::text from grant_round where financial_year = " + start + "))";
		as.update("delete from decision_effect where decision_id in " + records);
		as.update("delete from decision_record where id in " + records);
		as.update("delete from organisation o where o.identifier in (select 'GB-CHC-' || a.charity_number "
				+ "from application a where a.round_id in " + rounds + ") and o.created_at >= "
				+ "(select min(created_at) from grant_round where financial_year = ?)", start);
	}

	private void finishRemoving() {
		this.jdbc.update("delete from commissioning_year where financial_year = ?", this.year.startYear());
		this.jdbc.update("delete from plan_theme where plan_id = ?", this.plan);
		this.jdbc.update("delete from police_crime_plan where id = ?", this.plan);
		this.jdbc.update("delete from funding_stream where financial_year = ?", this.year.startYear());
	}

}
