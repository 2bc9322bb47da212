/**
 * Formulas, formula runs and scenarios: how the Commissioner's pot is shared between the
 * partnerships by weighted indicators (population, recorded crime, crime harm and the
 * like), with a floor and damping against last year's allocation, exact to the penny and
 * explained area by area. The arithmetic itself lives in
 * {@link uk.opcc.cspgrants.allocation.formula}, plain Java with no framework, so that it
 * can be tested, benchmarked and reasoned about on its own.
 */
package uk.opcc.cspgrants.allocation;
