package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * What an officer says about a round, whatever its criteria and scale: checked by
 * {@link #check()} with plain rules, one message per field. Whether the stream and themes
 * belong to the round's year is checked where the year's streams and plan are known
 * ({@link RoundManagement}).
 *
 * @param title the round's name as applicants see it ("PCC Grant 2013-14")
 * @param route the purchasing route it is for
 * @param streamId the funding stream it spends
 * @param budget what it may award in all
 * @param minAward the smallest award
 * @param maxAward the largest award
 * @param opensAt when applications open
 * @param closesAt when applications close
 * @param guidance the guidance published to applicants
 * @param eligibility who may apply, in words
 * @param minReviewers how many reviewers score each application, at least 2
 * @param moderationGap the spread of reviewers' totals (points out of 100) that asks for
 * moderation
 * @param blindReview whether reviewers score without seeing who applied
 * @param themeIds the themes of the year's plan the round funds
 */
public record RoundDetails(String title, PurchasingRoute route, Long streamId, Money budget, Money minAward,
		Money maxAward, Instant opensAt, Instant closesAt, String guidance, String eligibility, Integer minReviewers,
		BigDecimal moderationGap, boolean blindReview, List<Long> themeIds) {

	static final int LONGEST_TEXT = 20_000;

	public RoundDetails {
		title = (title != null) ? title.strip() : null;
		guidance = (guidance != null) ? guidance.strip() : "";
		eligibility = (eligibility != null) ? eligibility.strip() : "";
		minReviewers = (minReviewers != null) ? minReviewers : 2;
		moderationGap = (moderationGap != null) ? moderationGap : new BigDecimal("20.00");
		themeIds = (themeIds != null) ? themeIds.stream().filter(Objects::nonNull).distinct().toList() : List.of();
	}

	/** Refuses the details, field by field, when any rule is broken. */
	public void check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.title == null || this.title.isEmpty()) {
			errors.put("title", "Enter the round's title, for example PCC Grant 2013-14");
		}
		else if (this.title.length() > 200) {
			errors.put("title", "The title must be 200 characters or fewer");
		}
		if (this.route == null) {
			errors.put("route", "Choose the purchasing route the round is for");
		}
		if (this.streamId == null) {
			errors.put("streamId", "Choose the funding stream the round spends");
		}
		checkMoney(errors);
		if (this.opensAt == null) {
			errors.put("opens", "Enter the date and time the round opens");
		}
		if (this.closesAt == null) {
			errors.put("closes", "Enter the date and time the round closes");
		}
		else if (this.opensAt != null && !this.opensAt.isBefore(this.closesAt)) {
			errors.put("closes", "The round must close after it opens (" + Dates.dayAndTime(this.opensAt)
					+ "): enter a later closing date or time");
		}
		if (this.guidance.length() > LONGEST_TEXT) {
			errors.put("guidance", "The guidance must be " + LONGEST_TEXT + " characters or fewer");
		}
		if (this.eligibility.length() > LONGEST_TEXT) {
			errors.put("eligibility", "Who may apply must be " + LONGEST_TEXT + " characters or fewer");
		}
		if (this.minReviewers < 2 || this.minReviewers > 20) {
			errors.put("minReviewers", "Enter how many reviewers score each application: from 2 to 20");
		}
		if (this.moderationGap.signum() <= 0 || this.moderationGap.compareTo(new BigDecimal("100")) > 0
				|| this.moderationGap.scale() > 2) {
			errors.put("moderationGap",
					"Enter the gap between reviewers' totals that asks for moderation: more than 0 and up to 100 points");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	private void checkMoney(Map<String, String> errors) {
		if (this.budget == null) {
			errors.put("budget", "Enter the round's budget");
		}
		else if (!this.budget.isGreaterThan(Money.ZERO)) {
			errors.put("budget", "The budget must be more than £0.00");
		}
		if (this.minAward == null) {
			errors.put("minAward", "Enter the smallest award");
		}
		else if (!this.minAward.isGreaterThan(Money.ZERO)) {
			errors.put("minAward", "The smallest award must be more than £0.00");
		}
		if (this.maxAward == null) {
			errors.put("maxAward", "Enter the largest award");
		}
		else if (this.minAward != null && this.minAward.isGreaterThan(this.maxAward)) {
			errors.put("maxAward", "The largest award (" + this.maxAward.format() + ") must be at least the smallest ("
					+ this.minAward.format() + ")");
		}
		else if (this.budget != null && this.maxAward.isGreaterThan(this.budget)) {
			errors.put("maxAward", "The largest award (" + this.maxAward.format()
					+ ") must be no more than the budget (" + this.budget.format() + ")");
		}
	}

}
