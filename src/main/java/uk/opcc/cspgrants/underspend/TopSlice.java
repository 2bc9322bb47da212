package uk.opcc.cspgrants.underspend;

import uk.opcc.cspgrants.shared.Money;

/**
 * A named top-slice of a redistribution pot.
 *
 * @param recipient who receives it, e.g. "Leicestershire Police (Hate Crime Hub)"
 * @param purpose what it is for
 * @param amount the money; for the line that takes the balance, worked out from the
 * budget
 * @param takesBalance whether it takes the balance of the top-slice budget
 */
public record TopSlice(String recipient, String purpose, Money amount, Boolean takesBalance) {

	public TopSlice {
		takesBalance = takesBalance != null && takesBalance;
	}

}
