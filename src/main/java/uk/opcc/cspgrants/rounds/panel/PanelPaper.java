package uk.opcc.cspgrants.rounds.panel;

import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationView;
import uk.opcc.cspgrants.rounds.scoring.Ranking;
import uk.opcc.cspgrants.shared.Money;

/**
 * What the Review Panel works from and records, in the ranked order: each eligible
 * application with its scores, its place against the budget line, the interests declared
 * in it and the panel's recommendation once recorded; with what the recommendations add
 * up to against the budget. The one view behind the panel's page, its spreadsheet, its
 * CSV and its minutes. Plain Java.
 *
 * @param round the round
 * @param members who sits on the panel
 * @param ranking the eligible applications ranked by their reviews
 * @param rows a row per ranked application, in the ranking's order
 */
public record PanelPaper(RoundView round, List<PanelMember> members, Ranking ranking, List<Row> rows) {

	static PanelPaper of(RoundView round, List<PanelMember> members, Ranking ranking,
			Map<String, ApplicationView> applications, Map<Long, RecommendationView> recommendations,
			Map<Long, List<PanelInterest>> interests) {
		List<Row> rows = ranking.rows().stream().map(row -> {
			ApplicationView application = applications.get(row.sheet().reference());
			return new Row(row, application, recommendations.get(application.id()),
					interests.getOrDefault(application.id(), List.of()));
		}).toList();
		return new PanelPaper(round, members, ranking, rows);
	}

	/** What the recommendations recorded so far fund, added up. */
	public Money recommended() {
		return this.rows.stream()
			.filter(row -> row.recommendation() != null)
			.map(row -> row.recommendation().funded())
			.reduce(Money.ZERO, Money::plus);
	}

	/** The budget less what is recommended. */
	public Money remaining() {
		return this.round.budget().minus(recommended());
	}

	/** How many applications have a recommendation recorded. */
	public long recorded() {
		return this.rows.stream().filter(row -> row.recommendation() != null).count();
	}

	/** How many applications the panel recommends funding, in full or in part. */
	public long funded() {
		return this.rows.stream()
			.filter(row -> row.recommendation() != null && row.recommendation().outcome().funds())
			.count();
	}

	/** True once every eligible application has the panel's recommendation. */
	public boolean complete() {
		return recorded() == this.rows.size();
	}

	/**
	 * One application before the panel.
	 *
	 * @param place its place in the ranking, with its scores and running total
	 * @param application the application
	 * @param recommendation the panel's recommendation, or {@code null} until recorded
	 * @param interests the members' interests declared in it
	 */
	public record Row(Ranking.Row place, ApplicationView application, RecommendationView recommendation,
			List<PanelInterest> interests) {

		/** True when the recommendation departs from where the budget line falls. */
		public boolean departsFromTheLine() {
			return this.recommendation != null && this.recommendation.outcome().funds() != this.place.aboveTheLine();
		}

	}

}
