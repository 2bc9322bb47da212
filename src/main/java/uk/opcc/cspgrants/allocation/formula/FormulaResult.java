package uk.opcc.cspgrants.allocation.formula;

import java.util.List;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The outcome of a formula run: the allocations add up to the pot exactly.
 *
 * @param potPence the pot, in pence
 * @param window the financial years averaged, earliest first
 * @param spec the formula used
 * @param areas one result per partnership, sorted by code
 */
public record FormulaResult(long potPence, List<FinancialYear> window, FormulaSpec spec, List<AreaResult> areas) {

	public FormulaResult {
		window = List.copyOf(window);
		areas = List.copyOf(areas);
	}

	/** The sum of the allocations: always the pot. */
	public long totalPence() {
		return this.areas.stream().mapToLong(AreaResult::finalPence).sum();
	}

}
