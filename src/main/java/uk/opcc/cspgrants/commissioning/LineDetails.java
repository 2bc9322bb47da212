package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.opcc.cspgrants.shared.FieldRefusals;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * An award line's details once its rules are checked: texts trimmed (empty ones become
 * null), every required choice made, and its periods inside the financial year, in date
 * order, not overlapping, never negative and adding up to more than nothing.
 * {@link #check} gives every refusal at once, each on the field it is about
 * ({@code periods} for the amounts).
 */
record LineDetails(String section, long organisationId, Long partnershipId, String initiative, LineStatus status,
		long streamId, long themeId, PurchasingRoute route, String businessCaseRef, String contractRef, String roundRef,
		boolean inKind, String comments, List<AwardLineDraft.PeriodDraft> periods) {

	static LineDetails check(AwardLineDraft draft, FinancialYear year) {
		FieldRefusals refusals = new FieldRefusals();
		if (draft.organisationId() == null) {
			refusals.add("organisationId", "Choose the organisation the money goes to");
		}
		String initiative = text(draft.initiative());
		if (initiative == null) {
			refusals.add("initiative", "Enter what the money is for");
		}
		else if (initiative.length() > 1000) {
			refusals.add("initiative", "What the money is for must be 1,000 characters or fewer");
		}
		if (draft.status() == null) {
			refusals.add("status", "Choose whether the line is committed, indicative or a new funding stream");
		}
		if (draft.streamId() == null) {
			refusals.add("streamId", "Choose the funding stream the money comes from");
		}
		if (draft.themeId() == null) {
			refusals.add("themeId", "Choose the Police and Crime Plan theme the line links to");
		}
		if (draft.route() == null) {
			refusals.add("route", "Choose the purchasing route");
		}
		String section = limited(refusals, "section", draft.section(), 300, "The heading");
		String businessCase = limited(refusals, "businessCaseRef", draft.businessCaseRef(), 100,
				"The business case reference");
		String contract = limited(refusals, "contractRef", draft.contractRef(), 100, "The contract reference");
		String round = limited(refusals, "roundRef", draft.roundRef(), 100, "The grant round reference");
		String comments = limited(refusals, "comments", draft.comments(), 2000, "The comments");
		List<AwardLineDraft.PeriodDraft> periods = periods(refusals, draft.periods(), year);
		refusals.throwIfAny();
		return new LineDetails(section, draft.organisationId(), draft.partnershipId(), initiative, draft.status(),
				draft.streamId(), draft.themeId(), draft.route(), businessCase, contract, round, draft.inKind(),
				comments, periods);
	}

	/**
	 * The two half-years of a financial year: April to September and October to March.
	 */
	static List<AwardLineDraft.PeriodDraft> halfYears(FinancialYear year, Money firstHalf, Money secondHalf) {
		LocalDate october = year.secondHalfStart();
		return List.of(new AwardLineDraft.PeriodDraft(year.startDate(), october.minusDays(1), firstHalf),
				new AwardLineDraft.PeriodDraft(october, year.endDate(), secondHalf));
	}

	private static List<AwardLineDraft.PeriodDraft> periods(FieldRefusals refusals,
			List<AwardLineDraft.PeriodDraft> given, FinancialYear year) {
		if (given.isEmpty()) {
			refusals.add("periods", "Enter the amount for at least one period");
			return List.of();
		}
		List<AwardLineDraft.PeriodDraft> sorted = new ArrayList<>(given);
		for (AwardLineDraft.PeriodDraft period : given) {
			if (period == null || period.startsOn() == null || period.endsOn() == null || period.amount() == null) {
				refusals.add("periods", "Give every period a first day, a last day and an amount");
				return List.of();
			}
			if (period.endsOn().isBefore(period.startsOn())) {
				refusals.add("periods", "A period must end on or after the day it starts");
			}
			if (!year.contains(period.startsOn()) || !year.contains(period.endsOn())) {
				refusals.add("periods", "Every period must be within the financial year " + year + " (1 April "
						+ year.startYear() + " to 31 March " + (year.startYear() + 1) + ")");
			}
			if (period.amount().isNegative()) {
				refusals.add("periods", "An amount cannot be negative");
			}
		}
		sorted.sort(Comparator.comparing(AwardLineDraft.PeriodDraft::startsOn));
		for (int i = 1; i < sorted.size(); i++) {
			if (!sorted.get(i).startsOn().isAfter(sorted.get(i - 1).endsOn())) {
				refusals.add("periods", "Periods cannot overlap");
			}
		}
		Money total = sorted.stream().map(AwardLineDraft.PeriodDraft::amount).reduce(Money.ZERO, Money::plus);
		if (total.isZero()) {
			refusals.add("periods", "Enter an amount for at least one period");
		}
		return sorted;
	}

	private static String limited(FieldRefusals refusals, String field, String value, int limit, String what) {
		String text = text(value);
		if (text != null && text.length() > limit) {
			refusals.add(field, what + " must be " + String.format("%,d", limit) + " characters or fewer");
		}
		return text;
	}

	static String text(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/** Refuses with every message found, as a {@link ValidationException}. */
	static void refuse(String field, String message) {
		throw new ValidationException(field, message);
	}

}
