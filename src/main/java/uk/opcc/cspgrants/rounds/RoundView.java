package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A grant round as saved, with its themes, criteria and scale.
 *
 * @param id its id
 * @param reference its reference ("PCCG-2013-14")
 * @param title its title
 * @param year the financial year it awards in
 * @param route its purchasing route
 * @param streamId the stream it spends
 * @param streamName that stream's name
 * @param budget what it may award in all
 * @param minAward the smallest award
 * @param maxAward the largest award
 * @param opensAt when applications open
 * @param closesAt when they close
 * @param guidance guidance to applicants
 * @param eligibility who may apply
 * @param minReviewers reviewers per application
 * @param moderationGap spread of totals that asks for moderation
 * @param blindReview whether reviewers score without seeing who applied
 * @param status where it has got to
 * @param version its version, to send with a change
 * @param createdBy who drafted it
 * @param createdAt when
 * @param updatedBy who changed it last
 * @param updatedAt when
 * @param themes its themes, in the plan's order
 * @param criteria its criteria, first first
 * @param scale its scale's points, 0 first
 * @param progress who opened, closed or cancelled it, and each move of its closing time
 */
public record RoundView(long id, String reference, String title, FinancialYear year, PurchasingRoute route,
		long streamId, String streamName, Money budget, Money minAward, Money maxAward, Instant opensAt,
		Instant closesAt, String guidance, String eligibility, int minReviewers, BigDecimal moderationGap,
		boolean blindReview, RoundStatus status, long version, String createdBy, Instant createdAt, String updatedBy,
		Instant updatedAt, List<ThemeView> themes, List<Criterion> criteria, List<ScalePoint> scale,
		RoundProgress progress) {

	/** The criteria's weights added up: 100.00 once they are complete. */
	public BigDecimal totalWeight() {
		return new RoundCriteria(this.criteria).totalWeight();
	}

	/** The top of the scale. */
	public int scaleMax() {
		return this.scale.isEmpty() ? 0 : this.scale.get(this.scale.size() - 1).point();
	}

	/**
	 * True when applications may be submitted at {@code now}: the round is open, and
	 * {@code now} is from its opening time up to (not including) its closing time. An
	 * open round whose closing time has passed takes no more, even before the service has
	 * marked it closed.
	 */
	public boolean takesApplications(Instant now) {
		return this.status == RoundStatus.OPEN && !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

	/** True when the round is open but its opening time is still to come. */
	public boolean opensLater(Instant now) {
		return this.status == RoundStatus.OPEN && now.isBefore(this.opensAt);
	}

	/**
	 * True when it takes CSPs' business cases: each comes from a partnership and is paid
	 * to its lead authority, and the senior officer group assesses them.
	 */
	public boolean forBusinessCases() {
		return this.route == PurchasingRoute.CSP_BUSINESS_CASE;
	}

	/**
	 * What the people who score its applications are called: the themed reviewers, or for
	 * business cases the senior officer group's assessors (EXE 0025/13).
	 */
	public String reviewersCalled() {
		return forBusinessCases() ? "senior officer group assessors" : "themed reviewers";
	}

	/** True when the round has been published: opened, whatever happened since. */
	public boolean published() {
		return this.progress.openedAt() != null;
	}

	/** What the round still needs before it opens; empty when it may. */
	public List<String> missingBeforeOpening() {
		return RoundReadiness.missing(this);
	}

	/** The name of one of the round's themes, or empty when it is none of them. */
	public String themeName(Long themeId) {
		return this.themes.stream()
			.filter(theme -> Long.valueOf(theme.id()).equals(themeId))
			.map(ThemeView::name)
			.findFirst()
			.orElse("");
	}

	public List<Long> themeIds() {
		return this.themes.stream().map(ThemeView::id).toList();
	}

}
