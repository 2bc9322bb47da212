/**
 * Formulas, formula runs and scenarios: how the Commissioner's pot is shared between the
 * partnerships by weighted indicators (population, recorded crime, crime harm and the
 * like), with a floor and damping against last year's allocation, exact to the penny and
 * explained area by area. The arithmetic itself lives in
 * {@link uk.opcc.cspgrants.allocation.formula}, plain Java with no framework, so that it
 * can be tested, benchmarked and reasoned about on its own.
 * <p>
 * Write side: a run's life (draft, approved by someone other than its maker, superseded,
 * discarded) is the {@code FormulaRun} entity with a version, stored by a Spring Data
 * repository; its status moves only through its methods as
 * {@link uk.opcc.cspgrants.allocation.RunStatus#canBecome} allows. The figures a run
 * froze when it was made (a line, an input and an indicator line per partnership and
 * indicator: thousands of rows at national scale) are written in JDBC batches and read in
 * two queries by {@code RunStore}, and never change: the database refuses any change to
 * an approved run, to its figures, or to the formula version it used (migrations V6,
 * V15).
 * <p>
 * Read side: a run and its allocation table are read by {@code RunStore} and kept in
 * memory per version of all runs (a run's lines never change; measured in the README's
 * load test: the allocation page from 40 to about 750 requests a second).
 */
package uk.opcc.cspgrants.allocation;
