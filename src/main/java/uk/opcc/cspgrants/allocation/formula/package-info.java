/**
 * The formula computation itself, in plain Java with no Spring or JPA: means over a
 * window of years, shares, weights, floor and damping, and rounding to the penny by
 * largest remainder.
 */
package uk.opcc.cspgrants.allocation.formula;
