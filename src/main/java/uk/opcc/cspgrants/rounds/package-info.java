/**
 * Grant rounds (issue 16): a round spends a funding stream of its year on one purchasing
 * route, for themes of the year's Police and Crime Plan, with weighted criteria and a
 * scoring scale whose every point is described. This step sets rounds up as drafts;
 * applications, themed reviewers, scores and the panel come in later steps. Rounds reads
 * commissioning through {@link uk.opcc.cspgrants.commissioning.FundingStreams} and
 * {@link uk.opcc.cspgrants.commissioning.PlanThemes}; nothing depends on rounds.
 */
package uk.opcc.cspgrants.rounds;
