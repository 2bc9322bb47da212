package uk.opcc.cspgrants.rounds.panel;

import java.time.Instant;

/**
 * Someone who sits on a round's Review Panel, with the organisation they represent.
 *
 * @param id the member's id
 * @param name their name
 * @param organisation the organisation they represent ("Probation", "Third Sector")
 * @param chair true for the panel's chair
 * @param addedBy who recorded them
 * @param addedAt when
 */
public record PanelMember(long id, String name, String organisation, boolean chair, String addedBy, Instant addedAt) {
}
