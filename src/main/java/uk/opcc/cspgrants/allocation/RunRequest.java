package uk.opcc.cspgrants.allocation;

import java.util.Map;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * What to run: a pot for a financial year split by a formula version (or by weights given
 * here), over a window of years.
 *
 * @param year the financial year the money is for
 * @param pot the money to split
 * @param purpose annual allocation or underspend redistribution
 * @param formulaVersionId the formula version; {@code null} to use {@code formula}
 * instead
 * @param formula weights, window, floor and damping given inline, when no version is
 * named
 * @param windowEnd the last year of the window; by default the year before {@code year}
 * @param baselines each partnership's baseline by code; {@code null} for the previous
 * year's approved run
 * @param note a note kept with the run
 * @param partnershipGroupId the saved group whose active partnerships the run covers;
 * {@code null} for every active partnership
 */
public record RunRequest(FinancialYear year, Money pot, RunPurpose purpose, Long formulaVersionId,
		FormulaDetails formula, FinancialYear windowEnd, Map<String, Money> baselines, String note,
		Long partnershipGroupId) {

	public RunRequest {
		purpose = (purpose == null) ? RunPurpose.ALLOCATION : purpose;
	}

	/** A run over every active partnership. */
	public RunRequest(FinancialYear year, Money pot, RunPurpose purpose, Long formulaVersionId, FormulaDetails formula,
			FinancialYear windowEnd, Map<String, Money> baselines, String note) {
		this(year, pot, purpose, formulaVersionId, formula, windowEnd, baselines, note, null);
	}

}
