package uk.opcc.cspgrants.rounds.deciding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.commissioning.DecidedLine;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.decision.AttachedTable;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.panel.PanelPaper;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * What the panel's paper asks the Commissioner to decide: each funded application with
 * the line it becomes in the year's award schedule, the table the record shows, and what
 * is still missing before it can be put to a decision. Plain Java.
 *
 * @param paper the panel's paper, its recommendations recorded
 * @param funded the applications recommended for funding, in the ranking's order
 */
record RoundAwards(PanelPaper paper, List<PanelPaper.Row> funded) {

	static RoundAwards of(PanelPaper paper) {
		return new RoundAwards(paper,
				paper.rows()
					.stream()
					.filter(row -> row.recommendation() != null && row.recommendation().outcome().funds())
					.toList());
	}

	RoundView round() {
		return this.paper.round();
	}

	/** What the funded applications are awarded, added up. */
	Money total() {
		return this.paper.recommended();
	}

	/**
	 * What stops the round being put to a decision, in the officer's words; empty when
	 * nothing.
	 */
	List<String> missing() {
		List<String> missing = new ArrayList<>();
		long open = this.paper.rows().size() - this.paper.recorded();
		if (open > 0) {
			missing.add("the Review Panel has not recorded its recommendation on " + open
					+ ((open == 1) ? " application" : " applications"));
		}
		if (total().isGreaterThan(round().budget())) {
			missing.add("the recommendations fund " + total().format() + ", more than the budget of "
					+ round().budget().format());
		}
		if (this.paper.rows().isEmpty()) {
			missing.add("the round has no eligible applications to decide");
		}
		return missing;
	}

	/**
	 * The award lines the funded applications become, each for the organisation
	 * {@code organisations} gives for its application (0 when not yet known, for a
	 * preview of the streams' room).
	 */
	List<DecidedLine> lines(Map<Long, Long> organisations) {
		RoundView round = round();
		return this.funded.stream().map(row -> {
			ApplicationView application = row.application();
			return new DecidedLine(originOf(application), organisations.getOrDefault(application.id(), 0L),
					application.partnershipId(), application.name(), round.streamId(), application.themeId(),
					round.route(), round.reference(),
					(round.route() == PurchasingRoute.CSP_BUSINESS_CASE) ? application.reference() : null,
					"Grant round " + round.reference() + ", application " + application.reference(),
					periodStart(round.year(), application), periodEnd(round.year(), application),
					row.recommendation().amount());
		}).toList();
	}

	/**
	 * The table the decision record shows (Table 1 of EXE 0025/13): the applications
	 * recommended for funding, in the ranking's order, with what each is awarded. Those
	 * not funded are counted in the record's words, not named: the record is published.
	 */
	AttachedTable table() {
		RoundView round = round();
		List<AttachedTable.Row> rows = new ArrayList<>();
		for (PanelPaper.Row row : this.funded) {
			ApplicationView application = row.application();
			rows.add(new AttachedTable.Row(List.of(String.valueOf(row.place().position()), application.reference(),
					recipient(application), application.name(), themeOf(round, application.themeId()),
					row.place().sheet().average().toPlainString(), row.recommendation().outcome().label(),
					row.recommendation().amount().format()), AttachedTable.Kind.LINE, null));
		}
		rows.add(new AttachedTable.Row(List.of("", "", "Total", "", "", "", "", total().format()),
				AttachedTable.Kind.TOTAL, null));
		return new AttachedTable("Table 1: " + round.title() + ", the applications the Review Panel recommends funding",
				List.of(new AttachedTable.Heading("Rank", true), new AttachedTable.Heading("Reference", false),
						new AttachedTable.Heading("Organisation", false), new AttachedTable.Heading("Project", false),
						new AttachedTable.Heading("Theme", false), new AttachedTable.Heading("Score out of 100", true),
						new AttachedTable.Heading("Recommendation", false), new AttachedTable.Heading("Amount", true)),
				rows);
	}

	/**
	 * Who is funded, as the published table names them: the organisation, or for a CSP's
	 * business case the partnership and the lead authority paid.
	 */
	private static String recipient(ApplicationView application) {
		return (application.partnershipName() != null)
				? application.partnershipName() + " CSP (paid to " + application.organisationName() + ")"
				: application.organisationName();
	}

	static String originOf(ApplicationView application) {
		return "round-application:" + application.id();
	}

	/**
	 * The project's first day within the round's year (the year's first day if it starts
	 * before).
	 */
	static LocalDate periodStart(FinancialYear year, ApplicationView application) {
		LocalDate starts = application.startsOn();
		return (starts != null && year.contains(starts)) ? starts : year.startDate();
	}

	/**
	 * The project's last day within the round's year (the year's last day if it ends
	 * after).
	 */
	static LocalDate periodEnd(FinancialYear year, ApplicationView application) {
		LocalDate ends = application.endsOn();
		// an application ends on or after it starts (application_ends_after_it_starts)
		return (ends != null && year.contains(ends)) ? ends : year.endDate();
	}

	private static String themeOf(RoundView round, Long themeId) {
		return round.themes()
			.stream()
			.filter(theme -> themeId != null && theme.id() == themeId)
			.map(ThemeView::name)
			.findFirst()
			.orElse("");
	}

}
