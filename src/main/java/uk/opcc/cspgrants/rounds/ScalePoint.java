package uk.opcc.cspgrants.rounds;

/**
 * A point of a round's scoring scale and what it means.
 *
 * @param point the score, from 0 to the top of the scale
 * @param description what an application scoring it shows ("Good: clear evidence")
 */
public record ScalePoint(int point, String description) {
}
