package uk.opcc.cspgrants.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import uk.opcc.cspgrants.commissioning.AwardLineView;
import uk.opcc.cspgrants.commissioning.LineStatus;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.security.ApplicantSignIn;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * A grant round's past written as it happened, for the demo: opened, applications
 * submitted in time, eligibility decided, reviewers' conflicts declared and scores
 * submitted, marked assessed, a Review Panel that met and recommended. Written in SQL,
 * each step in the order the database's rules allow (the service opens, reviews and
 * recommends only now, never in the past), in the caller's transaction (some rules are
 * checked as it commits). The decision that follows is made through the service.
 *
 * @param reference the round's reference
 * @param title its title
 * @param year its financial year
 * @param streamId the funding stream it spends
 * @param budget its budget, min and max award ({@code "20000"})
 * @param minAward the smallest award
 * @param maxAward the largest award
 * @param opens when it opened
 * @param closes when it closed
 * @param checked when eligibility was decided
 * @param reviewed when the reviewers submitted their scores
 * @param assessed when it was marked assessed and taken to the panel
 * @param panelMeetsOn the day the panel met
 * @param guidance its guidance
 * @param eligibility who may apply
 * @param themeIds its themes
 * @param criteria its criteria: name and weight
 * @param reviewerIds its themed reviewers
 * @param members the panel: name and organisation, the first the chair
 * @param officer the officer who took each step
 * @param route its purchasing route ({@code PCC_GRANT}, {@code CSP_BUSINESS_CASE})
 */
record RoundHistory(String reference, String title, FinancialYear year, long streamId, String budget, String minAward,
		String maxAward, Instant opens, Instant closes, Instant checked, Instant reviewed, Instant assessed,
		LocalDate panelMeetsOn, String guidance, String eligibility, List<Long> themeIds, List<String[]> criteria,
		List<Long> reviewerIds, List<String[]> members, String officer, String route) {

	/** A PCC Grant round. */
	RoundHistory(String reference, String title, FinancialYear year, long streamId, String budget, String minAward,
			String maxAward, Instant opens, Instant closes, Instant checked, Instant reviewed, Instant assessed,
			LocalDate panelMeetsOn, String guidance, String eligibility, List<Long> themeIds, List<String[]> criteria,
			List<Long> reviewerIds, List<String[]> members, String officer) {
		this(reference, title, year, streamId, budget, minAward, maxAward, opens, closes, checked, reviewed, assessed,
				panelMeetsOn, guidance, eligibility, themeIds, criteria, reviewerIds, members, officer, "PCC_GRANT");
	}

	private static final String[] POINTS = { "No evidence", "Weak", "Adequate", "Good", "Strong", "Excellent" };

	/**
	 * An application and what became of it.
	 *
	 * @param organisation who applied
	 * @param type what kind of organisation
	 * @param project the project's title
	 * @param asked the amount asked for
	 * @param themeId its theme, one of the round's
	 * @param scores each reviewer's scores per criterion, by the reviewer's place in
	 * {@code reviewerIds}; a row {@code null} when that reviewer was not assigned; all
	 * {@code null} when the application was not eligible
	 * @param conflict the place of a reviewer who declared a conflict, or -1
	 * @param conflictReason why
	 * @param outcome what the panel recommended ({@code FUND}, {@code FUND_IN_PART},
	 * {@code DO_NOT_FUND}), or {@code null} when not eligible
	 * @param awarded the amount recommended
	 * @param feedback the panel's feedback, or for an application not eligible the
	 * reasons
	 * @param partnershipId for a CSP's business case, its partnership
	 * @param startsOn the project's first day ({@code null}: the year's)
	 * @param endsOn its last day ({@code null}: the year's)
	 */
	record Applied(String organisation, String type, String project, String asked, long themeId, int[][] scores,
			int conflict, String conflictReason, String outcome, String awarded, String feedback, Long partnershipId,
			LocalDate startsOn, LocalDate endsOn) {

		/** An organisation's application for the round's whole year. */
		Applied(String organisation, String type, String project, String asked, long themeId, int[][] scores,
				int conflict, String conflictReason, String outcome, String awarded, String feedback) {
			this(organisation, type, project, asked, themeId, scores, conflict, conflictReason, outcome, awarded,
					feedback, null, null, null);
		}

		boolean eligible() {
			return this.scores != null;
		}

	}

	/**
	 * The lines a schedule planned for a round ({@code reference}) of a route, in the
	 * schedule's order: not committed, counted, not decided yet.
	 */
	static List<AwardLineView> plannedFor(ScheduleView schedule, PurchasingRoute route, String reference) {
		return schedule.lines()
			.stream()
			.filter(line -> line.route() == route && reference.equals(line.roundRef())
					&& line.status() != LineStatus.COMMITTED && line.counted() && line.decidedBy() == null)
			.toList();
	}

	/** Writes the round and its applications; returns the round's id. */
	long write(JdbcClient jdbc, ApplicantSignIn applicants, List<Applied> applied, String emailDomain) {
		long round = jdbc.sql("""
				insert into grant_round (reference, title, financial_year, route, stream_id, budget, min_award,
				  max_award, opens_at, closes_at, guidance, eligibility, min_reviewers, moderation_gap, blind_review,
				  created_by, created_at, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?, ?, ?, ?, 2, 20, false, ?, ?, ?,
				  ?) returning id""")
			.params(this.reference, this.title, this.year.startYear(), this.route, this.streamId, this.budget,
					this.minAward, this.maxAward, ts(this.opens), ts(this.closes), this.guidance, this.eligibility,
					this.officer, ts(this.opens), this.officer, ts(this.opens))
			.query(Long.class)
			.single();
		for (long theme : this.themeIds) {
			jdbc.sql("insert into round_theme (round_id, theme_id) values (?, ?)").params(round, theme).update();
		}
		for (int i = 0; i < this.criteria.size(); i++) {
			jdbc.sql("insert into round_criterion (round_id, position, name, weight) values (?, ?, ?, ?::numeric)")
				.params(round, i + 1, this.criteria.get(i)[0], this.criteria.get(i)[1])
				.update();
		}
		for (int point = 0; point < POINTS.length; point++) {
			jdbc.sql("insert into round_scale_point (round_id, point, description) values (?, ?, ?)")
				.params(round, point, POINTS[point])
				.update();
		}
		jdbc.sql("update grant_round set status = 'OPEN', opened_by = ?, opened_at = ?, updated_at = ? where id = ?")
			.params(this.officer, ts(this.opens), ts(this.opens), round)
			.update();
		for (long reviewer : this.reviewerIds) {
			jdbc.sql("insert into round_reviewer (round_id, user_id, added_by, added_at) values (?, ?, ?, ?)")
				.params(round, reviewer, this.officer, ts(this.opens))
				.update();
		}
		long window = this.closes.getEpochSecond() - this.opens.getEpochSecond();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < applied.size(); i++) {
			Instant submitted = this.opens.plusSeconds(window * (i + 1) / (applied.size() + 1));
			ids.add(submit(jdbc, applicants, round, applied.get(i), i + 1, submitted,
					"applicant" + (i + 1) + "@" + emailDomain));
		}
		jdbc.sql("update grant_round set status = 'CLOSED', closed_by = 'system', closed_at = ?, updated_at = ? "
				+ "where id = ?")
			.params(ts(this.closes), ts(this.closes), round)
			.update();
		for (int i = 0; i < applied.size(); i++) {
			Applied one = applied.get(i);
			jdbc.sql("update application set status = ?, eligibility_reasons = ?, eligibility_decided_by = ?, "
					+ "eligibility_decided_at = ? where id = ?")
				.params(one.eligible() ? "ELIGIBLE" : "INELIGIBLE", one.eligible() ? null : one.feedback(),
						this.officer, ts(this.checked), ids.get(i))
				.update();
			if (one.eligible()) {
				review(jdbc, round, ids.get(i), one);
			}
		}
		jdbc.sql("update grant_round set status = 'ASSESSED', assessed_by = ?, assessed_at = ?, updated_at = ? "
				+ "where id = ?")
			.params(this.officer, ts(this.assessed), ts(this.assessed), round)
			.update();
		for (int i = 0; i < this.members.size(); i++) {
			jdbc.sql("insert into panel_member (round_id, name, organisation, chair, added_by, added_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(round, this.members.get(i)[0], this.members.get(i)[1], i == 0, this.officer, ts(this.assessed))
				.update();
		}
		jdbc.sql("update grant_round set status = 'AT_PANEL', panel_meets_on = ?, taken_to_panel_by = ?, "
				+ "taken_to_panel_at = ?, updated_at = ? where id = ?")
			.params(Date.valueOf(this.panelMeetsOn), this.officer, ts(this.assessed), ts(this.assessed), round)
			.update();
		Instant met = this.panelMeetsOn.atTime(15, 0).atZone(uk.opcc.cspgrants.shared.Dates.UK).toInstant();
		for (int i = 0; i < applied.size(); i++) {
			Applied one = applied.get(i);
			if (one.eligible()) {
				jdbc.sql("""
						insert into panel_recommendation (application_id, round_id, outcome, amount, reason, feedback,
						  recorded_by, recorded_at) values (?, ?, ?, ?::numeric, ?, ?, ?, ?)""")
					.params(ids.get(i), round, one.outcome(), one.awarded(),
							"Agreed by the panel on the reviewers' scores and comments", one.feedback(), this.officer,
							ts(met))
					.update();
			}
		}
		return round;
	}

	/**
	 * One application, submitted at {@code submitted} by the applicant of {@code email}:
	 * its id.
	 */
	private long submit(JdbcClient jdbc, ApplicantSignIn applicants, long round, Applied one, int number,
			Instant submitted, String email) {
		long applicant = applicants.accountFor(email);
		long id = jdbc.sql("""
				insert into application (round_id, applicant_user_id, start_key, organisation_name, organisation_type,
				  organisation_address, partnership_id, contact_name, contact_email, project_title, project_summary,
				  theme_id, starts_on, ends_on, amount_requested, outcomes, created_at, updated_at)
				values (?, ?, gen_random_uuid(), ?, ?, 'Leicestershire', ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?)
				returning id""")
			.params(round, applicant, one.organisation(), one.type(), one.partnershipId(), "Applicant " + number, email,
					one.project(), "Invented for the CSP Grants demo: " + one.project() + ".", one.themeId(),
					Date.valueOf((one.startsOn() != null) ? one.startsOn() : this.year.startDate()),
					Date.valueOf((one.endsOn() != null) ? one.endsOn() : this.year.endDate()), one.asked(),
					"Fewer incidents reported in the area over the year", ts(submitted), ts(submitted))
			.query(Long.class)
			.single();
		jdbc.sql("insert into application_budget_line (application_id, position, item, amount) "
				+ "values (?, 1, 'Running the project', ?::numeric)")
			.params(id, one.asked())
			.update();
		jdbc.sql("""
				update application set status = 'SUBMITTED', number = ?, reference = ?, submitted_at = ?,
				  submitted_by = ?, updated_at = ? where id = ?""")
			.params(number, this.reference + "-%03d".formatted(number), ts(submitted), "Applicant " + number,
					ts(submitted), id)
			.update();
		return id;
	}

	/**
	 * The application's reviews: the conflicted reviewer's declaration first, then each
	 * score sheet (the last replacing the conflicted assignment).
	 */
	private void review(JdbcClient jdbc, long round, long application, Applied one) {
		Long conflicted = null;
		if (one.conflict() >= 0) {
			conflicted = assign(jdbc, round, application, this.reviewerIds.get(one.conflict()), null);
			jdbc.sql("update review_assignment set status = 'CONFLICTED', conflict_reason = ?, declared_at = ? "
					+ "where id = ?")
				.params(one.conflictReason(), ts(this.checked.plusSeconds(86_400)), conflicted)
				.update();
		}
		int replacing = -1;
		for (int reviewer = 0; reviewer < one.scores().length; reviewer++) {
			replacing = (one.scores()[reviewer] != null) ? reviewer : replacing;
		}
		for (int reviewer = 0; reviewer < one.scores().length; reviewer++) {
			int[] scores = one.scores()[reviewer];
			if (scores == null) {
				continue;
			}
			long id = assign(jdbc, round, application, this.reviewerIds.get(reviewer),
					(reviewer == replacing) ? conflicted : null);
			jdbc.sql("update review_assignment set status = 'DECLARED', declared_at = ? where id = ?")
				.params(ts(this.checked.plusSeconds(86_400)), id)
				.update();
			for (int i = 0; i < scores.length; i++) {
				jdbc.sql("insert into review_score (assignment_id, round_id, position, score, reason) "
						+ "values (?, ?, ?, ?, ?)")
					.params(id, round, i + 1, scores[i], "Scored against the round's guidance")
					.update();
			}
			jdbc.sql("update review_assignment set status = 'SUBMITTED', submitted_at = ? where id = ?")
				.params(ts(this.reviewed), id)
				.update();
		}
	}

	private long assign(JdbcClient jdbc, long round, long application, long reviewer, Long replaces) {
		return jdbc
			.sql("insert into review_assignment (round_id, application_id, reviewer_id, assigned_by, assigned_at, "
					+ "replaces_assignment_id) values (?, ?, ?, ?, ?, ?) returning id")
			.params(round, application, reviewer, this.officer, ts(this.checked.plusSeconds(3_600)), replaces)
			.query(Long.class)
			.single();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
