package uk.opcc.cspgrants.rounds;

import java.util.Set;

/**
 * Where a grant round has got to. A round is drafted, opened to applications, closed,
 * assessed by its reviewers, taken to the panel, put in a decision record and decided; a
 * draft or open round may be cancelled. Only a draft's setup changes.
 */
public enum RoundStatus {

	DRAFT("Draft"), OPEN("Open"), CLOSED("Closed"), ASSESSED("Assessed"), AT_PANEL("At panel"),
	IN_DECISION("In a decision record"), DECIDED("Decided"), CANCELLED("Cancelled");

	private final String label;

	RoundStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** True when a round in this status may move to {@code next}. */
	public boolean canBecome(RoundStatus next) {
		return switch (this) {
			case DRAFT -> Set.of(OPEN, CANCELLED).contains(next);
			case OPEN -> Set.of(CLOSED, CANCELLED).contains(next);
			case CLOSED -> next == ASSESSED;
			case ASSESSED -> next == AT_PANEL;
			case AT_PANEL -> next == IN_DECISION;
			case IN_DECISION -> Set.of(DECIDED, AT_PANEL).contains(next);
			case DECIDED, CANCELLED -> false;
		};
	}

	/** How a move to this status is said: "opened", "closed". */
	public String moveWord() {
		return switch (this) {
			case DRAFT -> "drafted";
			case OPEN -> "opened";
			case CLOSED -> "closed";
			case ASSESSED -> "marked assessed";
			case AT_PANEL -> "taken to the panel";
			case IN_DECISION -> "put in a decision record";
			case DECIDED -> "decided";
			case CANCELLED -> "cancelled";
		};
	}

	/** True while the round's setup (details, themes, criteria, scale) may change. */
	public boolean setupChanges() {
		return this == DRAFT;
	}

}
