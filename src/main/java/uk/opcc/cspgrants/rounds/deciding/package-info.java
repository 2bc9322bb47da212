/**
 * A grant round put to the Police and Crime Commissioner: the decision record drafted
 * from the Review Panel's recommendations, the round attached to it as a table, and what
 * a Supported decision makes, once: an award line in the year's schedule and a grant for
 * each funded application, and an outcome for every applicant. Other modules (the demo)
 * put a round to a decision through {@link RoundDecisions}.
 */
@NamedInterface("deciding")
package uk.opcc.cspgrants.rounds.deciding;

import org.springframework.modulith.NamedInterface;
