/**
 * How a grant round's scores add up, in plain Java without Spring or the database (as
 * {@code allocation.formula} is): one reviewer's weighted total, an application's total,
 * average and spread with its flag for moderation ({@link ScoreSheet}), and the ranked
 * list against the budget with its running total and cut-off line ({@link Ranking}).
 * Figures are exact: a reviewer's total is a fraction (the weighted sum over the top of
 * the scale) and applications are ranked on the exact fractions, never on rounded
 * figures; only what is shown is rounded, half up to two places.
 */
package uk.opcc.cspgrants.rounds.scoring;
