package uk.opcc.cspgrants.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * The new-round and change-round form, as typed: never the entity. The reference is typed
 * only when a round is drafted; the version is sent back with a change.
 */
record DetailsForm(String reference, String title, String route, String streamId, String budget, String minAward,
		String maxAward, DateParts opens, String opensTime, DateParts closes, String closesTime, String guidance,
		String eligibility, String minReviewers, String moderationGap, Boolean blindReview, List<String> themeIds,
		Long version) {

	DetailsForm {
		opens = (opens != null) ? opens : DateParts.empty();
		closes = (closes != null) ? closes : DateParts.empty();
		themeIds = (themeIds != null) ? themeIds : List.of();
	}

	static DetailsForm empty() {
		return new DetailsForm("", "", "PCC_GRANT", "", "", "", "", DateParts.empty(), "9am", DateParts.empty(), "5pm",
				"", "", "2", "20", false, List.of(), null);
	}

	static DetailsForm of(RoundView round) {
		return new DetailsForm(round.reference(), round.title(), round.route().name(), Long.toString(round.streamId()),
				round.budget().amount().toPlainString(), round.minAward().amount().toPlainString(),
				round.maxAward().amount().toPlainString(), RoundTimes.dateOf(round.opensAt()),
				RoundTimes.timeOf(round.opensAt()), RoundTimes.dateOf(round.closesAt()),
				RoundTimes.timeOf(round.closesAt()), round.guidance(), round.eligibility(),
				Integer.toString(round.minReviewers()), round.moderationGap().stripTrailingZeros().toPlainString(),
				round.blindReview(), round.themeIds().stream().map(String::valueOf).toList(), round.version());
	}

	/** The same form with the version of the round as it is now, the rest as typed. */
	DetailsForm withVersion(long now) {
		return new DetailsForm(this.reference, this.title, this.route, this.streamId, this.budget, this.minAward,
				this.maxAward, this.opens, this.opensTime, this.closes, this.closesTime, this.guidance,
				this.eligibility, this.minReviewers, this.moderationGap, this.blindReview, this.themeIds, now);
	}

	public boolean chose(long themeId) {
		return this.themeIds.contains(Long.toString(themeId));
	}

	/**
	 * The details of a new round typed, or every refusal of them and of the reference,
	 * field by field in the form's order.
	 */
	RoundDetails toNewDetails() {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			RoundReference.check(this.reference);
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
		}
		return details(errors);
	}

	/**
	 * The details typed, or every refusal of them, field by field in the form's order.
	 */
	RoundDetails toDetails() {
		return details(new LinkedHashMap<>());
	}

	private RoundDetails details(Map<String, String> errors) {
		Instant opensAt = moment(this.opens, this.opensTime, "opens", "the round opens", errors);
		Instant closesAt = moment(this.closes, this.closesTime, "closes", "the round closes", errors);
		RoundDetails details = new RoundDetails(this.title, route(errors), number(this.streamId, "streamId", errors),
				money(this.budget, "budget", errors), money(this.minAward, "minAward", errors),
				money(this.maxAward, "maxAward", errors), opensAt, closesAt, this.guidance, this.eligibility,
				whole(this.minReviewers, errors), gap(errors), Boolean.TRUE.equals(this.blindReview), themes(errors));
		Map<String, String> all = new LinkedHashMap<>();
		try {
			details.check();
		}
		catch (ValidationException refused) {
			all.putAll(refused.fieldErrors());
		}
		all.putAll(errors);
		if (!all.isEmpty()) {
			throw new ValidationException(inFormOrder(all));
		}
		return details;
	}

	private PurchasingRoute route(Map<String, String> errors) {
		if (this.route == null || this.route.isBlank()) {
			return null;
		}
		try {
			return PurchasingRoute.valueOf(this.route);
		}
		catch (IllegalArgumentException notARoute) {
			errors.put("route", "Choose the purchasing route the round is for");
			return null;
		}
	}

	private List<Long> themes(Map<String, String> errors) {
		List<Long> ids = new ArrayList<>();
		for (String id : this.themeIds) {
			Long theme = number(id, "themeIds", errors);
			if (theme != null) {
				ids.add(theme);
			}
		}
		return ids;
	}

	private Integer whole(String typed, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException notWhole) {
			errors.put("minReviewers", "Enter how many reviewers score each application as a whole number, like 2");
			return null;
		}
	}

	private BigDecimal gap(Map<String, String> errors) {
		if (this.moderationGap == null || this.moderationGap.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(this.moderationGap.strip());
		}
		catch (NumberFormatException notANumber) {
			errors.put("moderationGap", "Enter the gap as a number of points, like 20");
			return null;
		}
	}

	private static Long number(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(typed.strip());
		}
		catch (NumberFormatException notANumber) {
			errors.put(field, "Choose from the list");
			return null;
		}
	}

	private static Money money(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Money.parse(typed);
		}
		catch (IllegalArgumentException notMoney) {
			errors.put(field, notMoney.getMessage());
			return null;
		}
	}

	private static Instant moment(DateParts date, String time, String field, String what, Map<String, String> errors) {
		try {
			return RoundTimes.toInstant(date, time, field, what);
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
			return null;
		}
	}

	private static Map<String, String> inFormOrder(Map<String, String> errors) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : List.of("reference", "title", "route", "streamId", "budget", "minAward", "maxAward",
				"opens", "closes", "themeIds", "guidance", "eligibility", "minReviewers", "moderationGap")) {
			if (errors.containsKey(field)) {
				ordered.put(field, errors.get(field));
			}
		}
		errors.forEach(ordered::putIfAbsent);
		return ordered;
	}

}
