package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import uk.opcc.cspgrants.commissioning.AwardLineDraft;
import uk.opcc.cspgrants.commissioning.AwardLineDraft.PeriodDraft;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.LineStatus;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ThemeKind;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleSheet.Line;
import uk.opcc.cspgrants.commissioning.spreadsheet.ScheduleSheet.Section;
import uk.opcc.cspgrants.organisations.OrganisationNames;
import uk.opcc.cspgrants.organisations.OrganisationType;
import uk.opcc.cspgrants.organisations.OrganisationView;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * What the import makes of each line of a schedule's table, with the rule that decided
 * each part, for the check page; and the award line drafts it confirms. Plain Java.
 *
 * <p>
 * The rules, in the order they apply:
 * <ul>
 * <li><b>Recipient and initiative.</b> "Recipient - Initiative" names both. Otherwise a
 * line under a recipient sub-heading ("Safer Leicester Partnership:") or a recipient's
 * section ("Leicester city:") is that recipient's initiative; a section "… In Kind" is
 * the earlier section of the same first word ("Police In Kind" → "Police Force"), given
 * in kind. A line of a section that names no recipient ("New commissioning funding
 * sources") is not yet commissioned: it is held by the Office of the Police and Crime
 * Commissioner. A standalone line "Name (Initiative)" names both, except "(The)" and
 * "(formerly …)", which are part of the name; any other standalone line is its own
 * recipient.</li>
 * <li><b>Periods.</b> Apr–Sep is 1 April to 30 September, Oct–Mar 1 October to 31 March.
 * An amount written in a line's comment as "52,880 Replaces above" with its Oct–Mar cell
 * blank is that line's Oct–Mar amount. An amount printed only in the Total column is the
 * line's Oct–Mar amount. With these two readings the seed's printed half-year subtotals
 * are reproduced by the imported lines.</li>
 * <li><b>Replacements.</b> "Replaced by below" / "Replaces above" is NOT imported as a
 * replacement: the schedule never counts a replaced line, but the printed subtotals count
 * the replaced line's Apr–Sep amount and the replacing line's Oct–Mar amount. So both
 * lines are kept and counted, each for its own half-year, with their comments.</li>
 * <li><b>Status.</b> A new funding stream when the section is "New commissioning funding
 * sources" or the comment says "new funding stream"; indicative when it has only an
 * Oct–Mar amount and the comment does not say "already allocated"; otherwise
 * committed.</li>
 * <li><b>Route.</b> The route sub-heading it sits under ("PCC Grant", "Co Commissioning
 * with Community Safety Partnership"); otherwise "Innovation Fund" or "BCU" in its name;
 * "Co Commissioning with …" in its name is co-commissioning under contract; otherwise
 * direct commissioning.</li>
 * <li><b>Theme.</b> The plan's theme of the same name (ignoring case); "All Themes …" is
 * the plan's all-themes theme and "Discretionary …" its discretionary one; a cell naming
 * two themes is linked to the first named (and says so); a cell that is part of exactly
 * one theme's name is that theme (and says so).</li>
 * <li><b>Stream.</b> Chosen per section; by default the first of the year's streams with
 * room left for the whole section, else the one with most room left.</li>
 * </ul>
 */
public final class ImportReading {

	/** The recipient of money not yet commissioned. */
	public static final String COMMISSIONER = "Office of the Police and Crime Commissioner";

	private final List<ReadLine> lines;

	private final List<SectionChoice> sections;

	private ImportReading(List<ReadLine> lines, List<SectionChoice> sections) {
		this.lines = List.copyOf(lines);
		this.sections = List.copyOf(sections);
	}

	public static ImportReading of(ScheduleSheet sheet, FinancialYear year, List<ThemeView> themes,
			List<FundingStreamView> streams, List<OrganisationView> organisations) {
		Map<String, OrganisationView> byName = new LinkedHashMap<>();
		for (OrganisationView organisation : organisations) {
			byName.putIfAbsent(OrganisationNames.key(organisation.name()), organisation);
		}
		List<ReadLine> lines = new ArrayList<>();
		List<SectionChoice> choices = new ArrayList<>();
		List<String> headingsSoFar = new ArrayList<>();
		Map<Long, Money> room = new LinkedHashMap<>();
		streams.forEach(stream -> room.put(stream.id(), stream.amount()));
		for (Section section : sheet.sections()) {
			if (section.lines().isEmpty()) {
				continue;
			}
			int sectionIndex = choices.size();
			Money sectionTotal = Money.ZERO;
			for (Line line : section.lines()) {
				ReadLine read = read(line, lines.size() + 1, sectionIndex, year, themes, byName, headingsSoFar);
				sectionTotal = sectionTotal.plus(read.total());
				lines.add(read);
			}
			choices.add(defaultStream(sectionIndex, section, sectionTotal, streams, room));
			if (section.heading() != null) {
				headingsSoFar.add(section.heading());
			}
		}
		return new ImportReading(lines, choices);
	}

	public List<ReadLine> lines() {
		return this.lines;
	}

	public List<SectionChoice> sections() {
		return this.sections;
	}

	/**
	 * The drafts to import, given the recipient chosen for each line (the organisation's
	 * id, in the lines' order), the theme for each line, and the stream for each section.
	 */
	public List<AwardLineDraft> drafts(List<Long> organisationIds, List<Long> themeIds, List<Long> streamIds) {
		List<AwardLineDraft> drafts = new ArrayList<>();
		for (int i = 0; i < this.lines.size(); i++) {
			ReadLine line = this.lines.get(i);
			drafts.add(new AwardLineDraft(line.section(), organisationIds.get(i), null, line.initiative(),
					line.status(), streamIds.get(line.sectionIndex()), themeIds.get(i), line.route(), null, null, null,
					line.inKind(), line.comments(), null, null, line.periods()));
		}
		return drafts;
	}

	private static ReadLine read(Line line, int position, int sectionIndex, FinancialYear year, List<ThemeView> themes,
			Map<String, OrganisationView> byName, List<String> headingsSoFar) {
		SheetRow row = line.row();
		List<String> notes = new ArrayList<>();
		String[] recipient = recipient(line, headingsSoFar);
		OrganisationView existing = byName.get(OrganisationNames.key(recipient[0]));
		boolean inKind = line.section() != null && line.section().toLowerCase(Locale.ROOT).contains("in kind");

		List<PeriodDraft> periods = new ArrayList<>();
		LocalDate start = year.startDate();
		LocalDate october = year.secondHalfStart();
		if (row.aprSep() != null && !row.aprSep().isZero()) {
			periods.add(new PeriodDraft(start, october.minusDays(1), row.aprSep()));
		}
		Money octMar = row.octMar();
		if (octMar == null) {
			Money fromComment = ScheduleReconciliation.replacesAboveAmount(row.comments());
			if (fromComment != null) {
				octMar = fromComment;
				notes.add("Oct–Mar " + fromComment.formatWholePounds()
						+ " is taken from the comment (“… Replaces above”); both lines are kept and counted, "
						+ "each for its own half-year, as the printed subtotals count them");
			}
			else if (row.aprSep() == null && row.total() != null) {
				octMar = row.total();
				notes.add("The amount is printed only in the Total column: it is imported as the Oct–Mar amount");
			}
		}
		if (octMar != null && !octMar.isZero()) {
			periods.add(new PeriodDraft(october, year.endDate(), octMar));
		}

		String comments = row.comments().isEmpty() ? null : row.comments();
		String lowerComments = row.comments().toLowerCase(Locale.ROOT);
		LineStatus status;
		if ((line.section() != null && line.section().toLowerCase(Locale.ROOT).contains("new commissioning"))
				|| lowerComments.contains("new funding stream")) {
			status = LineStatus.NEW_FUNDING_STREAM;
		}
		else if (row.aprSep() == null && octMar != null && !lowerComments.contains("already allocated")) {
			status = LineStatus.INDICATIVE;
		}
		else {
			status = LineStatus.COMMITTED;
		}

		PurchasingRoute route;
		String routeRule;
		String lowerLabel = row.label().toLowerCase(Locale.ROOT);
		if (line.routeHeading() != null) {
			route = ScheduleSheet.routeOf(line.routeHeading()).orElse(PurchasingRoute.DIRECT);
			routeRule = "Under the heading “" + line.routeHeading() + "”";
		}
		else if (lowerLabel.contains("innovation fund")) {
			route = PurchasingRoute.INNOVATION_FUND;
			routeRule = "Its name says Innovation Fund";
		}
		else if (lowerLabel.matches(".*\\bbcu\\b.*")) {
			route = PurchasingRoute.BCU_FUND;
			routeRule = "Its name says BCU";
		}
		else if (lowerLabel.replace('-', ' ').startsWith("co commissioning with")) {
			route = PurchasingRoute.CONTRACT;
			routeRule = "Its name says co-commissioning with another commissioner";
		}
		else {
			route = PurchasingRoute.DIRECT;
			routeRule = "No route is named: direct commissioning";
		}

		ThemeMatch theme = theme(row.theme(), themes);
		if (theme.note() != null) {
			notes.add(theme.note());
		}
		return new ReadLine(position, row.number(), row.label(), line.path(), sectionIndex, recipient[0], recipient[2],
				(existing != null) ? existing.id() : null, (existing != null) ? existing.name() : null,
				typeOf(recipient[0]), recipient[1], status, route, routeRule, row.theme(), theme.themeId(), inKind,
				comments, periods, notes);
	}

	/** The recipient's name, the initiative, and the rule that gave them. */
	static String[] recipient(Line line, List<String> headingsSoFar) {
		String label = ScheduleSheet.headingText(line.row().label());
		int dash = label.indexOf(" - ");
		if (dash > 0) {
			return new String[] { label.substring(0, dash).strip(), label.substring(dash + 3).strip(),
					"Named before the dash" };
		}
		if (line.recipientHeading() != null) {
			return new String[] { line.recipientHeading(), label,
					"The heading “" + line.recipientHeading() + "” above it" };
		}
		if (line.routeHeading() != null) {
			return new String[] { label, label, "An award under “" + line.routeHeading() + "” named by the line" };
		}
		String section = line.section();
		if (section != null && recipientSection(section)) {
			String lower = section.toLowerCase(Locale.ROOT);
			int inKind = lower.indexOf(" in kind");
			if (inKind > 0) {
				String first = section.substring(0, inKind).strip();
				for (String earlier : headingsSoFar) {
					if (earlier.toLowerCase(Locale.ROOT).startsWith(first.toLowerCase(Locale.ROOT))) {
						return new String[] { earlier, label,
								"The section “" + section + "”: “" + earlier + "”, in kind" };
					}
				}
				return new String[] { first, label, "The section “" + section + "”, in kind" };
			}
			return new String[] { section, label, "The section “" + section + "”" };
		}
		if (section != null) {
			return new String[] { COMMISSIONER, label,
					"Not yet commissioned (section “" + section + "”): held by the Commissioner's office" };
		}
		int open = label.lastIndexOf(" (");
		if (open > 0 && label.endsWith(")")) {
			String inside = label.substring(open + 2, label.length() - 1).strip();
			String lower = inside.toLowerCase(Locale.ROOT);
			if (!lower.equals("the") && !lower.startsWith("formerly") && !inside.isEmpty()) {
				return new String[] { label.substring(0, open).strip(), inside, "Named before the brackets" };
			}
		}
		return new String[] { label, label, "The line's own name" };
	}

	private static boolean recipientSection(String heading) {
		String lower = heading.toLowerCase(Locale.ROOT);
		return !lower.contains("funding sources") && !lower.contains("new commissioning")
				&& ScheduleSheet.routeOf(heading).isEmpty();
	}

	/**
	 * The kind of a new organisation, guessed from its name (the officer can change it
	 * later).
	 */
	static OrganisationType typeOf(String name) {
		String lower = " " + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ") + " ";
		if (lower.contains(" council ")) {
			return OrganisationType.LOCAL_AUTHORITY;
		}
		if (lower.contains(" police and crime commissioner ") || lower.contains(" partnership ")
				|| lower.contains(" csp ") || lower.contains(" probation ")) {
			return OrganisationType.PUBLIC_BODY;
		}
		if (lower.contains(" police ") || lower.contains(" bcu ")) {
			return OrganisationType.POLICE_FORCE;
		}
		if (lower.contains(" cic ") || lower.contains(" c i c ")) {
			return OrganisationType.CIC;
		}
		if (lower.contains(" ltd ") || lower.contains(" limited ")) {
			return OrganisationType.COMPANY;
		}
		return OrganisationType.OTHER;
	}

	static ThemeMatch theme(String cell, List<ThemeView> themes) {
		String wanted = normalised(cell);
		if (wanted.isEmpty()) {
			return new ThemeMatch(null, "No theme is given: choose one");
		}
		for (ThemeView theme : themes) {
			if (normalised(theme.name()).equals(wanted)) {
				return new ThemeMatch(theme.id(), null);
			}
		}
		if (wanted.startsWith("all themes")) {
			Optional<ThemeView> all = themes.stream().filter(theme -> theme.kind() == ThemeKind.ALL).findFirst();
			if (all.isPresent()) {
				return new ThemeMatch(all.get().id(), null);
			}
		}
		if (wanted.startsWith("discretionary")) {
			Optional<ThemeView> discretionary = themes.stream()
				.filter(theme -> theme.kind() == ThemeKind.DISCRETIONARY)
				.findFirst();
			if (discretionary.isPresent()) {
				return new ThemeMatch(discretionary.get().id(), null);
			}
		}
		List<ThemeView> named = themes.stream()
			.filter(theme -> theme.kind() == ThemeKind.THEME && wanted.contains(normalised(theme.name())))
			.sorted((a, b) -> Integer.compare(wanted.indexOf(normalised(a.name())),
					wanted.indexOf(normalised(b.name()))))
			.toList();
		if (named.size() > 1) {
			return new ThemeMatch(named.get(0).id(),
					"“" + cell + "” names " + named.size() + " themes ("
							+ String.join(" and ", named.stream().map(ThemeView::name).toList())
							+ "): linked to the first, “" + named.get(0).name() + "”");
		}
		List<ThemeView> containing = themes.stream()
			.filter(theme -> normalised(theme.name()).contains(wanted))
			.toList();
		if (containing.size() == 1) {
			return new ThemeMatch(containing.get(0).id(),
					"“" + cell + "” is part of one theme's name: linked to “" + containing.get(0).name() + "”");
		}
		return new ThemeMatch(null, "No theme of the year's plan is “" + cell + "”: choose one");
	}

	private static SectionChoice defaultStream(int index, Section section, Money total, List<FundingStreamView> streams,
			Map<Long, Money> room) {
		FundingStreamView chosen = null;
		String rule;
		for (FundingStreamView stream : streams) {
			if (!total.isGreaterThan(room.get(stream.id()))) {
				chosen = stream;
				break;
			}
		}
		if (chosen != null) {
			rule = "The first stream with room left for the section's " + total.formatWholePounds();
		}
		else {
			chosen = streams.stream().max((a, b) -> room.get(a.id()).compareTo(room.get(b.id()))).orElse(null);
			rule = (chosen != null) ? "No stream has room left for the section's " + total.formatWholePounds()
					+ ": the one with most room" : "The year has no funding streams";
		}
		if (chosen != null) {
			room.put(chosen.id(), room.get(chosen.id()).minus(total));
		}
		return new SectionChoice(index, section.name(), total, (chosen != null) ? chosen.id() : null, rule);
	}

	/** Lower case, letters and digits only, single spaces: how names are compared. */
	static String normalised(String name) {
		return (name == null) ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	/**
	 * A theme read from a cell: the theme, if one was found, and what the officer should
	 * know.
	 *
	 * @param themeId the theme
	 * @param note what was decided, if not a plain match
	 */
	record ThemeMatch(Long themeId, String note) {
	}

	/**
	 * A section's stream.
	 *
	 * @param index the section's place among sections with lines
	 * @param name the section's name
	 * @param total its lines' amounts added up
	 * @param defaultStreamId the stream chosen by default, if any
	 * @param rule why
	 */
	public record SectionChoice(int index, String name, Money total, Long defaultStreamId, String rule) {
	}

	/**
	 * A line as the import reads it.
	 *
	 * @param position its place in the schedule
	 * @param row its row in the file
	 * @param label its label as printed
	 * @param section its headings ("A / B / C"), as the schedule keeps them
	 * @param sectionIndex the section whose stream it takes
	 * @param recipientName the recipient's name as read
	 * @param recipientRule why that recipient
	 * @param organisationId the organisation of that name already recorded, if any
	 * @param organisationName its name as recorded
	 * @param newType the kind of organisation made when none is recorded
	 * @param initiative what the money is for
	 * @param status committed, indicative or a new funding stream
	 * @param route the purchasing route
	 * @param routeRule why that route
	 * @param themeCell the theme as printed
	 * @param themeId the theme it is linked to, if one was found
	 * @param inKind whether given in kind
	 * @param comments its comments
	 * @param periods its amounts per period
	 * @param notes what the officer should know about how it was read
	 */
	public record ReadLine(int position, int row, String label, String section, int sectionIndex, String recipientName,
			String recipientRule, Long organisationId, String organisationName, OrganisationType newType,
			String initiative, LineStatus status, PurchasingRoute route, String routeRule, String themeCell,
			Long themeId, boolean inKind, String comments, List<PeriodDraft> periods, List<String> notes) {

		public ReadLine {
			periods = List.copyOf(periods);
			notes = List.copyOf(notes);
		}

		public Money total() {
			return this.periods.stream().map(PeriodDraft::amount).reduce(Money.ZERO, Money::plus);
		}

		/** The amount of the period starting in the first half-year, or zero. */
		public Money aprSep() {
			return this.periods.stream()
				.filter(period -> period.startsOn().getMonthValue() >= 4 && period.startsOn().getMonthValue() < 10)
				.map(PeriodDraft::amount)
				.reduce(Money.ZERO, Money::plus);
		}

		/** The amount of the periods starting in the second half-year, or zero. */
		public Money octMar() {
			return total().minus(aprSep());
		}

	}

}
