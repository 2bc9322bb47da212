package uk.opcc.cspgrants.rounds.applying;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import uk.opcc.cspgrants.shared.Money;

/**
 * A line of an application's budget: what the money buys, and how much.
 *
 * @param item what it is ("Coaches' fees, 20 sessions")
 * @param amount how much, more than £0
 */
@Embeddable
public record BudgetLine(@Column(name = "item") String item, @Column(name = "amount") Money amount) {
}
