package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.opcc.cspgrants.decision.AttachedTable;
import uk.opcc.cspgrants.shared.Money;

/**
 * An award schedule laid out as the table attached to its decision record, in the layout
 * of the spreadsheet officers keep: a section per recipient (in the order of the
 * schedule) with its lines and a subtotal, a column for each half-year (a period "where
 * stated" sits in the half-year it starts in, its dates in the comments), the line's
 * total, status, route, theme and comments; replaced lines are struck through and never
 * counted; then the schedule's total.
 */
final class ScheduleTable {

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

	private ScheduleTable() {
	}

	static AttachedTable of(ScheduleView schedule) {
		LocalDate start = schedule.year().startDate();
		LocalDate secondHalf = schedule.year().secondHalfStart();
		List<AttachedTable.Heading> headings = List.of(new AttachedTable.Heading("Organisation / initiative", false),
				new AttachedTable.Heading(MONTH.format(start) + " to " + MONTH.format(secondHalf.minusDays(1)), true),
				new AttachedTable.Heading(MONTH.format(secondHalf) + " to " + MONTH.format(schedule.year().endDate()),
						true),
				new AttachedTable.Heading("Total", true), new AttachedTable.Heading("Status", false),
				new AttachedTable.Heading("Purchasing route", false),
				new AttachedTable.Heading("Police and Crime Plan theme", false),
				new AttachedTable.Heading("Comments", false));
		Map<Long, List<AwardLineView>> byRecipient = new LinkedHashMap<>();
		Map<Long, Integer> positions = new LinkedHashMap<>();
		for (AwardLineView line : schedule.lines()) {
			byRecipient.computeIfAbsent(line.organisationId(), (id) -> new ArrayList<>()).add(line);
			positions.put(line.id(), line.position());
		}
		List<AttachedTable.Row> rows = new ArrayList<>();
		Money[] total = { Money.ZERO, Money.ZERO };
		for (List<AwardLineView> lines : byRecipient.values()) {
			String recipient = lines.get(0).organisationName();
			rows.add(new AttachedTable.Row(List.of(recipient, "", "", "", "", "", "", ""), AttachedTable.Kind.SECTION,
					null));
			Money[] subtotal = { Money.ZERO, Money.ZERO };
			for (AwardLineView line : lines) {
				Money[] halves = { Money.ZERO, Money.ZERO };
				List<String> stated = new ArrayList<>();
				for (AwardLineView.Period period : line.periods()) {
					int half = period.startsOn().isBefore(secondHalf) ? 0 : 1;
					halves[half] = halves[half].plus(period.amount());
					LocalDate halfStart = (half == 0) ? start : secondHalf;
					LocalDate halfEnd = (half == 0) ? secondHalf.minusDays(1) : schedule.year().endDate();
					if (!period.startsOn().equals(halfStart) || !period.endsOn().equals(halfEnd)) {
						stated.add(period.amount().format() + " for " + SHORT.format(period.startsOn()) + " to "
								+ SHORT.format(period.endsOn()));
					}
				}
				List<String> notes = new ArrayList<>(stated);
				if (line.inKind()) {
					notes.add("In kind");
				}
				if (line.replacesLineId() != null && positions.containsKey(line.replacesLineId())) {
					notes.add("Replaces line " + positions.get(line.replacesLineId()));
				}
				if (!line.counted()) {
					notes.add(
							"Replaced by line " + positions.getOrDefault(line.replacedByLineId(), 0) + ", not counted");
				}
				if (line.decidedBy() != null) {
					notes.add("Decided by " + line.decidedBy());
				}
				if (line.comments() != null && !line.comments().isBlank()) {
					notes.add(line.comments().strip());
				}
				List<String> cells = List.of(line.initiative(), money(halves[0]), money(halves[1]),
						line.total().format(), line.status().label(), line.route().label(), line.themeName(),
						String.join("; ", notes));
				if (line.counted()) {
					subtotal[0] = subtotal[0].plus(halves[0]);
					subtotal[1] = subtotal[1].plus(halves[1]);
					rows.add(new AttachedTable.Row(cells, AttachedTable.Kind.LINE, null));
				}
				else {
					rows.add(new AttachedTable.Row(cells, AttachedTable.Kind.REPLACED,
							"Replaced by line " + positions.getOrDefault(line.replacedByLineId(), 0)));
				}
			}
			if (lines.size() > 1) {
				rows.add(new AttachedTable.Row(
						List.of("Total " + recipient, subtotal[0].format(), subtotal[1].format(),
								subtotal[0].plus(subtotal[1]).format(), "", "", "", ""),
						AttachedTable.Kind.SUBTOTAL, null));
			}
			total[0] = total[0].plus(subtotal[0]);
			total[1] = total[1].plus(subtotal[1]);
		}
		rows.add(new AttachedTable.Row(List.of("Total", total[0].format(), total[1].format(),
				total[0].plus(total[1]).format(), "", "", "", ""), AttachedTable.Kind.TOTAL, null));
		return new AttachedTable("Award schedule " + schedule.year() + ": " + schedule.title(), headings, rows);
	}

	private static String money(Money amount) {
		return amount.isZero() ? "" : amount.format();
	}

}
