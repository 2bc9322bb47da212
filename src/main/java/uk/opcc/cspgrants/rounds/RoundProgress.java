package uk.opcc.cspgrants.rounds;

import java.time.Instant;
import java.util.List;

/**
 * Who took a round through its steps and when: opened, closed, cancelled (with the
 * reason), each move of its closing time, and marked assessed.
 *
 * @param openedBy who opened it, or {@code null} while a draft
 * @param openedAt when
 * @param closedBy who closed it ("system" when its closing time came), or {@code null}
 * @param closedAt when
 * @param closeReason why it closed before its closing time, or {@code null}
 * @param cancelledBy who cancelled it, or {@code null}
 * @param cancelledAt when
 * @param cancelReason why
 * @param deadlineChanges each move of its closing time, first first
 * @param assessedBy who marked it assessed, or {@code null}
 * @param assessedAt when
 * @param panelMeetsOn the day the Review Panel meets on it, once taken to the panel
 * @param takenToPanelBy who took it to the panel, or {@code null}
 * @param takenToPanelAt when
 * @param decisionReference the decision record it is in, or was decided by
 * @param decidedAt when that record decided it Supported
 */
public record RoundProgress(String openedBy, Instant openedAt, String closedBy, Instant closedAt, String closeReason,
		String cancelledBy, Instant cancelledAt, String cancelReason, List<DeadlineChange> deadlineChanges,
		String assessedBy, Instant assessedAt, java.time.LocalDate panelMeetsOn, String takenToPanelBy,
		Instant takenToPanelAt, String decisionReference, Instant decidedAt) {

	/**
	 * A move of a round's closing time.
	 *
	 * @param from the closing time before
	 * @param to the closing time after
	 * @param reason why, for applicants and the Panel
	 * @param by who moved it
	 * @param at when
	 */
	public record DeadlineChange(Instant from, Instant to, String reason, String by, Instant at) {
	}

}
