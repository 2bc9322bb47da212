package uk.opcc.cspgrants.allocation.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.opcc.cspgrants.shared.Money;

/**
 * A check of a published split in JSON; money as numbers with two decimals.
 *
 * @param total the published table's total
 * @param window the financial years of indicator data averaged
 * @param weights the weights that reproduce the table best
 * @param partnerships each partnership's published amount against the shown weights'
 * @param largestDifference the largest absolute difference
 * @param largestDifferencePartnership where it is
 * @param meanAbsoluteDifference the mean absolute difference
 * @param orderingsNoWeightingGives published orderings no weighting of these indicators
 * can give
 * @param formula the comparison with a saved formula, if one was asked for
 */
record CheckResponse(Money total, List<String> window, List<WeightJson> weights, List<RowJson> partnerships,
		Money largestDifference, String largestDifferencePartnership, Money meanAbsoluteDifference,
		List<PairJson> orderingsNoWeightingGives, FormulaComparisonJson formula) {

	/**
	 * @param indicator the key
	 * @param label what a person reads
	 * @param weightPercent to 2 decimal places; the weights add up to 100
	 * @param fittedPercent the exact optimum, to 6 decimal places
	 */
	record WeightJson(String indicator, String label, BigDecimal weightPercent, BigDecimal fittedPercent) {

	}

	record RowJson(String code, String name, Money published,
			@Schema(description = "What a formula with the shown weights gives, to the penny") Money workedOut,
			Money difference, BigDecimal differencePercent) {

	}

	record PairJson(String publishedAbove, String publishedBelow, String reason) {

	}

	record FormulaComparisonJson(long formulaVersionId, String formula, List<RowJson> partnerships,
			Money largestDifference, String largestDifferencePartnership, Money meanAbsoluteDifference) {

	}

	static CheckResponse of(PublishedSplits.CheckView view) {
		SplitCheck.Result result = view.result();
		List<WeightJson> weights = result.weights()
			.stream()
			.map((weight) -> new WeightJson(weight.indicator(), weight.label(), weight.shownPercent(),
					BigDecimal.valueOf(weight.fittedPercent()).setScale(6, RoundingMode.HALF_UP)))
			.toList();
		List<PairJson> pairs = result.pairs()
			.stream()
			.map((pair) -> new PairJson(pair.aboveName(), pair.belowName(),
					pair.aboveName() + " was published above " + pair.belowName()
							+ " but its share of every chosen indicator is lower or equal"))
			.toList();
		FormulaComparisonJson formula = (view.named() != null)
				? new FormulaComparisonJson(view.namedFormula().id(), view.namedFormula().label(), rows(view.named()),
						view.named().largest(), view.named().largestName(), view.named().meanAbsolute())
				: null;
		return new CheckResponse(Money.ofPence(result.totalPence()),
				view.window().stream().map(Object::toString).toList(), weights, rows(result.fit()),
				result.fit().largest(), result.fit().largestName(), result.fit().meanAbsolute(), pairs, formula);
	}

	private static List<RowJson> rows(Comparison comparison) {
		return comparison.rows()
			.stream()
			.map((row) -> new RowJson(row.code(), row.name(), row.published(), row.workedOut(), row.difference(),
					row.differencePercent()))
			.toList();
	}

}
