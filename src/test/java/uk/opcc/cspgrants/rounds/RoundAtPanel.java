package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.ReviewerFixture;

/**
 * A round at the Review Panel, ready to be put to the Commissioner, written in SQL:
 * budget £100,000 from the year's PCC Grant stream (£100,000), three eligible charities,
 * 001 asking £40,000 (scored 90.00 by two reviewers), 002 £45,000 (60.00) and 003 £30,000
 * (70.00), ranked 001, 003, 002; a panel of Sam Chair (OPCC, chair) and Pat Member
 * (Probation) meeting on 20 August; the panel funds 001 in full (£40,000) and 003 in part
 * (£25,000) and not 002 (its recommendation left out when {@code allRecommended} is
 * false); and the year's award schedule, empty and a draft. The charities' numbers are
 * {@code <start year>001} to {@code 003}.
 */
public final class RoundAtPanel {

	public final RoundFixture fixture;

	public final long round;

	public final List<Long> applications = new ArrayList<>();

	public final long schedule;

	private final JdbcTemplate jdbc;

	private final FinancialYear year;

	public RoundAtPanel(JdbcTemplate jdbc, FinancialYear year, String reference, boolean allRecommended) {
		this(jdbc, year, reference, allRecommended, List.of());
	}

	/**
	 * The round as above; with partnerships, a CSP business case round whose three
	 * applications are business cases of those partnerships, in order, from their lead
	 * authorities "Council 1" to "Council 3".
	 */
	public RoundAtPanel(JdbcTemplate jdbc, FinancialYear year, String reference, boolean allRecommended,
			List<Long> partnerships) {
		this.jdbc = jdbc;
		this.year = year;
		this.fixture = new RoundFixture(jdbc, year);
		this.round = this.fixture.openRound(reference, Instant.now().plus(Duration.ofDays(30)), false,
				partnerships.isEmpty() ? "PCC_GRANT" : "CSP_BUSINESS_CASE");
		long applicant = ApplicantFixture.make(jdbc);
		String[] amounts = { "40000.00", "45000.00", "30000.00" };
		int[][] scores = { { 4, 5 }, { 5, 1 }, { 3, 4 } };
		long ann = ReviewerFixture.make(jdbc, "ann.reviewer", "Ann Adams");
		long bob = ReviewerFixture.make(jdbc, "bob.reviewer", "Bob Brown");
		for (int i = 0; i < 3; i++) {
			long id = partnerships.isEmpty()
					? this.fixture.submittedApplication(this.round, applicant, i + 1, "Group " + (i + 1),
							year.startYear() + "00" + (i + 1), new BigDecimal(amounts[i]))
					: this.fixture.submittedApplication(this.round, applicant, i + 1, "Council " + (i + 1), null,
							new BigDecimal(amounts[i]), partnerships.get(i));
			this.fixture.eligible(id);
			this.fixture.submittedReview(this.round, id, ann, scores[i][0]);
			this.fixture.submittedReview(this.round, id, bob, scores[i][1]);
			this.applications.add(id);
		}
		jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		jdbc.update("update grant_round set status = 'ASSESSED', assessed_by = 'Olu Officer', assessed_at = now() "
				+ "where id = ?", this.round);
		jdbc.update("insert into panel_member (round_id, name, organisation, chair, added_by, added_at) "
				+ "values (?, 'Sam Chair', 'OPCC', true, 'Olu Officer', now()), "
				+ "(?, 'Pat Member', 'Probation', false, 'Olu Officer', now())", this.round, this.round);
		jdbc.update(
				"update grant_round set status = 'AT_PANEL', panel_meets_on = ?, taken_to_panel_by = 'Olu Officer', "
						+ "taken_to_panel_at = now() where id = ?",
				java.sql.Date.valueOf(year.startDate().withMonth(8).withDayOfMonth(20)), this.round);
		recommend(0, "FUND", "40000.00", "A strong, well costed project");
		recommend(2, "FUND_IN_PART", "25000.00", "Fund the staff costs only");
		if (allRecommended) {
			recommend(1, "DO_NOT_FUND", null, "Reviewers disagreed on the need");
		}
		this.schedule = jdbc.queryForObject(
				"insert into award_schedule (financial_year, title, created_at, updated_at) "
						+ "values (?, ?, now(), now()) returning id",
				Long.class, year.startYear(), "Partner funding " + year);
	}

	private void recommend(int index, String outcome, String amount, String feedback) {
		this.jdbc.update("insert into panel_recommendation (application_id, round_id, outcome, amount, reason, "
				+ "feedback, recorded_by, recorded_at) values (?, ?, ?, ?::numeric, 'The panel agreed', ?, "
				+ "'Olu Officer', now())", this.applications.get(index), this.round, outcome, amount, feedback);
	}

	/**
	 * Takes away what the round's decision made, the round, the schedule, the people and
	 * the year ({@link RoundFixture#remove(DataSource)}).
	 */
	public void remove(DataSource owner) {
		this.fixture.remove(owner);
		ApplicantFixture.remove(this.jdbc);
		for (String reviewer : List.of("ann.reviewer", "bob.reviewer")) {
			ReviewerFixture.remove(this.jdbc, reviewer);
		}
	}

}
