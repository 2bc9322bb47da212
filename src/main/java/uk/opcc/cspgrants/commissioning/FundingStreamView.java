package uk.opcc.cspgrants.commissioning;

import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/**
 * A funding stream of a year.
 *
 * @param id the stream's id
 * @param year its financial year
 * @param name its name ("PCC Community Safety Grant")
 * @param funder who gives the money ("Home Office")
 * @param kind a grant, force funding, a reserve or other
 * @param amount the amount, after every top-up and reduction
 * @param conditions the conditions the money comes with
 * @param ringFenced whether it may be spent only on its purpose
 * @param version the version read, for a change
 */
public record FundingStreamView(long id, FinancialYear year, String name, String funder, StreamKind kind, Money amount,
		String conditions, boolean ringFenced, long version) {
}
