package uk.opcc.cspgrants.rounds;

import java.time.Instant;

import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.Money;

/**
 * A round in the list of a year's rounds.
 *
 * @param reference its reference
 * @param title its title
 * @param route its purchasing route
 * @param streamName the stream it spends
 * @param budget its budget
 * @param opensAt when it opens
 * @param closesAt when it closes
 * @param status where it has got to
 */
public record RoundRow(String reference, String title, PurchasingRoute route, String streamName, Money budget,
		Instant opensAt, Instant closesAt, RoundStatus status) {
}
