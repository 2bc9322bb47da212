package uk.opcc.cspgrants.allocation.formula;

import java.util.List;
import java.util.Objects;

import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * Everything one formula run needs.
 *
 * @param potPence the money to share out, in pence; more than 0
 * @param window the financial years whose indicator values are averaged; at least one
 * @param spec the weights and limits
 * @param areas the partnerships, each with a different code; in any order
 */
public record FormulaRequest(long potPence, List<FinancialYear> window, FormulaSpec spec, List<AreaInput> areas) {

	public FormulaRequest {
		Objects.requireNonNull(spec, "spec");
		window = List.copyOf(Objects.requireNonNull(window, "window"));
		areas = List.copyOf(Objects.requireNonNull(areas, "areas"));
	}

	/** The same run with another formula, e.g. a scenario. */
	public FormulaRequest withSpec(FormulaSpec otherSpec) {
		return new FormulaRequest(this.potPence, this.window, otherSpec, this.areas);
	}

}
