package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.List;

import uk.opcc.cspgrants.shared.FieldRefusals;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * The add-a-line and change-a-line form, as typed: every field a string so that what the
 * user typed is shown again when it is refused. The periods are the two half-years
 * ({@code periodKind} HALF_YEARS), one stated range (STATED), or, for a line whose
 * periods the form cannot show (several stated ranges, from an import or the API), the
 * line's own periods kept (KEEP).
 */
record LineForm(String section, String organisationId, String partnershipId, String initiative, String status,
		String streamId, String themeId, String route, String businessCaseRef, String contractRef, String roundRef,
		String inKind, String comments, String replacesLineId, String periodKind, String firstHalf, String secondHalf,
		DateParts statedFrom, DateParts statedTo, String statedAmount, Long version) {

	LineForm {
		statedFrom = (statedFrom != null) ? statedFrom : DateParts.empty();
		statedTo = (statedTo != null) ? statedTo : DateParts.empty();
		periodKind = (periodKind == null || periodKind.isBlank()) ? "HALF_YEARS" : periodKind;
	}

	static LineForm empty(long version) {
		return new LineForm(null, null, null, null, LineStatus.COMMITTED.name(), null, null, null, null, null, null,
				null, null, null, "HALF_YEARS", null, null, null, null, null, version);
	}

	static LineForm of(AwardLineView line, FinancialYear year, long version) {
		List<AwardLineDraft.PeriodDraft> halves = LineDetails.halfYears(year, Money.ZERO, Money.ZERO);
		List<AwardLineView.Period> periods = line.periods();
		String kind;
		String first = null;
		String second = null;
		DateParts from = null;
		DateParts to = null;
		String stated = null;
		if (periods.stream()
			.allMatch(period -> halves.stream()
				.anyMatch(
						half -> half.startsOn().equals(period.startsOn()) && half.endsOn().equals(period.endsOn())))) {
			kind = "HALF_YEARS";
			for (AwardLineView.Period period : periods) {
				if (period.startsOn().equals(halves.get(0).startsOn())) {
					first = period.amount().toString();
				}
				else {
					second = period.amount().toString();
				}
			}
		}
		else if (periods.size() == 1) {
			kind = "STATED";
			from = DateParts.of(periods.get(0).startsOn());
			to = DateParts.of(periods.get(0).endsOn());
			stated = periods.get(0).amount().toString();
		}
		else {
			kind = "KEEP";
		}
		return new LineForm(line.section(), String.valueOf(line.organisationId()),
				(line.partnershipId() != null) ? String.valueOf(line.partnershipId()) : null, line.initiative(),
				line.status().name(), String.valueOf(line.streamId()), String.valueOf(line.themeId()),
				line.route().name(), line.businessCaseRef(), line.contractRef(), line.roundRef(),
				line.inKind() ? "true" : null, line.comments(),
				(line.replacesLineId() != null) ? String.valueOf(line.replacesLineId()) : null, kind, first, second,
				from, to, stated, version);
	}

	public boolean isInKind() {
		return "true".equals(this.inKind);
	}

	/**
	 * The line the form describes; what cannot be read (an amount, a date, a choice) is
	 * refused on its field, every problem at once.
	 * @param kept the periods of the line being changed, for KEEP
	 */
	AwardLineDraft toDraft(FinancialYear year, List<AwardLineView.Period> kept) {
		FieldRefusals refusals = new FieldRefusals();
		Long organisation = id(refusals, "organisationId", this.organisationId);
		Long partnership = id(refusals, "partnershipId", this.partnershipId);
		LineStatus lineStatus = choice(refusals, "status", LineStatus.class, this.status);
		Long stream = id(refusals, "streamId", this.streamId);
		Long theme = id(refusals, "themeId", this.themeId);
		PurchasingRoute purchasingRoute = choice(refusals, "route", PurchasingRoute.class, this.route);
		Long replaces = id(refusals, "replacesLineId", this.replacesLineId);
		List<AwardLineDraft.PeriodDraft> periods = switch (this.periodKind) {
			case "STATED" -> {
				LocalDate from = refusals.attempt(() -> this.statedFrom.toDate("statedFrom", "the first day"))
					.orElse(null);
				LocalDate to = refusals.attempt(() -> this.statedTo.toDate("statedTo", "the last day")).orElse(null);
				Money amount = money(refusals, "statedAmount", this.statedAmount, true);
				yield (from == null || to == null || amount == null) ? List.of()
						: List.of(new AwardLineDraft.PeriodDraft(from, to, amount));
			}
			case "KEEP" -> kept.stream()
				.map(period -> new AwardLineDraft.PeriodDraft(period.startsOn(), period.endsOn(), period.amount()))
				.toList();
			default -> {
				Money first = money(refusals, "firstHalf", this.firstHalf, false);
				Money second = money(refusals, "secondHalf", this.secondHalf, false);
				yield (first == null || second == null) ? List.of()
						: LineDetails.halfYears(year, first, second)
							.stream()
							.filter(period -> !period.amount().isZero())
							.toList();
			}
		};
		refusals.throwIfAny();
		if (periods.isEmpty()) {
			throw new ValidationException("periods", "Enter an amount for at least one period");
		}
		return new AwardLineDraft(this.section, organisation, partnership, this.initiative, lineStatus, stream, theme,
				purchasingRoute, this.businessCaseRef, this.contractRef, this.roundRef, isInKind(), this.comments,
				replaces, null, periods);
	}

	private static Long id(FieldRefusals refusals, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException notAChoice) {
			refusals.add(field, "Choose from the list");
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(FieldRefusals refusals, String field, Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException notAChoice) {
			refusals.add(field, "Choose from the list");
			return null;
		}
	}

	/** An amount typed; blank is nothing (zero) unless required. */
	private static Money money(FieldRefusals refusals, String field, String text, boolean required) {
		if (!required && (text == null || text.isBlank())) {
			return Money.ZERO;
		}
		try {
			return Money.parse(text);
		}
		catch (InvalidMoneyException unreadable) {
			refusals.add(field, unreadable.getMessage());
			return null;
		}
	}

}
