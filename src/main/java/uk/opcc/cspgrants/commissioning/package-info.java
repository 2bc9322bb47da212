/**
 * Commissioning: the funding streams of a year, the Police and Crime Plan and its themes,
 * the six purchasing routes, and the award schedule of a year with its lines, totals and
 * unallocated balance; its import and export as the spreadsheet officers keep today; and
 * the decision record that turns its committed lines into grants. Other modules read it
 * through {@link uk.opcc.cspgrants.commissioning.FundingStreams},
 * {@link uk.opcc.cspgrants.commissioning.PlanThemes} and
 * {@link uk.opcc.cspgrants.commissioning.AwardSchedules}.
 */
package uk.opcc.cspgrants.commissioning;
