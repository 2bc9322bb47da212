package uk.opcc.cspgrants.rounds.reviewing;

/**
 * A reviewer on a round: the person, the theme they review (none: all the round's
 * themes), and how many of the round's applications they have (assigned, declared or
 * submitted).
 */
public record RoundReviewerView(long id, long userId, String name, Long themeId, String themeName, int load) {
}
