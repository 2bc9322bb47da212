/**
 * Checking a published split: given an allocation table as it was published (for example
 * decision record EXE0019-24), the weights of the chosen indicators (each 0% or more,
 * together 100%) that reproduce it best in least squares, solved exactly by
 * {@link uk.opcc.cspgrants.allocation.check.SimplexLeastSquares}; each partnership's
 * difference; and the published orderings no weighting can give. Shares come from the
 * formula service itself
 * ({@link uk.opcc.cspgrants.allocation.formula.FormulaCalculator}). Published splits can
 * be kept with their reconstruction (migration V22); officers use
 * {@code /allocations/check}, the public {@code /public/published-splits}, scripts
 * {@code /api/v1/published-splits}.
 * {@link uk.opcc.cspgrants.allocation.check.PublishedSplits} is what other modules (the
 * demo data) use.
 */
@NamedInterface("check")
package uk.opcc.cspgrants.allocation.check;

import org.springframework.modulith.NamedInterface;
