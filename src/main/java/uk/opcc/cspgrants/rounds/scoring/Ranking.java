package uk.opcc.cspgrants.rounds.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.opcc.cspgrants.shared.Money;

/**
 * The applications of a round in order of merit against its budget: highest average first
 * (compared exactly), then the smaller spread (reviewers who agree), then the reference,
 * so the order is the same however often it is drawn. Beside each, the running total of
 * what they ask for; the cut-off line is drawn above the first application whose running
 * total goes over the budget, and what is left of the budget above the line is
 * "remaining". The panel may depart from the line, with reasons; the line only shows
 * where the scores alone would stop.
 *
 * @param rows the applications in order
 * @param budget the round's budget
 * @param remaining the budget less the running total above the line
 */
public record Ranking(List<Row> rows, Money budget, Money remaining) {

	private static final Comparator<ScoreSheet> MERIT = ((Comparator<ScoreSheet>) (a, b) -> b.compareAverage(a))
		.thenComparing(ScoreSheet::compareSpread)
		.thenComparing(ScoreSheet::reference);

	/**
	 * Ranks the score sheets of a round's eligible applications against its budget; an
	 * application's flag uses the round's gap and reviewers per application.
	 */
	public static Ranking of(List<ScoreSheet> sheets, Money budget, BigDecimal gap, int minReviewers) {
		List<ScoreSheet> ordered = new ArrayList<>(sheets);
		ordered.sort(MERIT);
		List<Row> rows = new ArrayList<>();
		Money running = Money.ZERO;
		Money aboveTheLine = Money.ZERO;
		boolean crossed = false;
		for (int i = 0; i < ordered.size(); i++) {
			ScoreSheet sheet = ordered.get(i);
			running = running.plus(sheet.requested());
			crossed = crossed || running.isGreaterThan(budget);
			if (!crossed) {
				aboveTheLine = running;
			}
			rows.add(new Row(i + 1, sheet, running, !crossed, sheet.flagged(gap, minReviewers)));
		}
		return new Ranking(List.copyOf(rows), budget, budget.minus(aboveTheLine));
	}

	/**
	 * The position after which the line is drawn: the number of applications above it.
	 */
	public int cutOffAfter() {
		return (int) this.rows.stream().filter(Row::aboveTheLine).count();
	}

	/**
	 * An application's place.
	 *
	 * @param position 1 for the highest
	 * @param sheet its scores
	 * @param runningTotal what it and every application above it ask for
	 * @param aboveTheLine true when the running total is within the budget and no
	 * application above it went over
	 * @param flagged true when it asks for moderation
	 */
	public record Row(int position, ScoreSheet sheet, Money runningTotal, boolean aboveTheLine, boolean flagged) {
	}

}
