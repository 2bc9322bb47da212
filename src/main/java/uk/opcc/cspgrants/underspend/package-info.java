/**
 * Year end and underspend: finance closes a year, each partnership's underspend is worked
 * out and either carried forward to its next year or returned to a central pot; a
 * redistribution proposal splits such a pot into named top-slices and a formula-split
 * remainder, and goes to finance and then, as a decision record, to the Commissioner.
 * <p>
 * Write side: the {@code YearClose} aggregate (a closed year with its frozen underspend)
 * and the {@code Redistribution} aggregate (a proposal with its top-slices) are JPA
 * entities with a version, stored by Spring Data repositories; each step is a method of
 * its aggregate, allowed only from the status before it. How a proposal uses its pot is
 * worked out and checked by {@code RedistributionPlan}, plain rules tested without
 * Spring. A year's pot has one proposal (revised until supported). The database refuses
 * the same again (V18): underspend is always total minus spend, one proposal per year,
 * nobody approves their own, a supported proposal never changes.
 * <p>
 * Read side: the year-end page works out each partnership's underspend from the year's
 * grants and returns, read in three queries by the grants and monitoring modules'
 * projections; a proposal's new totals read the year's grants and every earlier high in
 * two queries.
 */
package uk.opcc.cspgrants.underspend;
